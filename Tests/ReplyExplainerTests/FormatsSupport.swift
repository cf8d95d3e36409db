import Foundation
import Testing
@testable import ReplyExplainer
import SMTPCatalog
import TestSupport

/// Runs inputs through `EventScanner` as `InputReading` will: line by line, without the
/// line break, numbered from 1. Syslog times are read against a fixed "now"
/// (2024-07-03T21:46:40Z) so that their year does not depend on the day the tests run.
enum Formats {
    static let reference: Int64 = 1_720_000_000

    struct Result {
        var events: [ReplyEvent]
        var format: InputFormat?
        var unparsableLines: Int
        var unparsableParts: Int

        /// The events for one recipient.
        func events(for recipient: String) -> [ReplyEvent] { events.filter { $0.recipient == recipient } }
        func only(_ recipient: String) throws -> ReplyEvent {
            let found = events(for: recipient)
            try #require(found.count == 1, "one event for \(recipient), found \(found.count) in \(events.map { $0.recipient ?? "-" })")
            return found[0]
        }
    }

    static func classifier() throws -> ReasonClassifier { try BundledCatalog.sharedClassifier() }

    /// The bytes of a fixture under Fixtures/formats/.
    static func fixture(_ name: String) throws -> [UInt8] {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/formats/\(name)")
        return Array(try Data(contentsOf: url))
    }

    static func scan(
        bytes: [UInt8], format: InputFormat? = nil, delivered: DeliveredDetail = .full, reference: Int64 = reference
    ) throws -> Result {
        var scanner = EventScanner(format: format, classifier: try classifier(), delivered: delivered, reference: reference)
        var events: [ReplyEvent] = []
        var number = 0
        var start = 0
        for index in 0...bytes.count where index == bytes.count || bytes[index] == 0x0A {
            // A final line break ends the last line; it does not start an empty one.
            if index == bytes.count && start == index && index > 0 { break }
            number += 1
            let line = Array(bytes[start..<index])
            scanner.feed(line.span, number: number) { events.append($0) }
            start = index + 1
        }
        scanner.finish { events.append($0) }
        return Result(events: events, format: scanner.format, unparsableLines: scanner.unparsableLines,
                      unparsableParts: scanner.unparsableParts)
    }

    static func scan(_ text: String, format: InputFormat? = nil, reference: Int64 = reference) throws -> Result {
        try scan(bytes: Array(text.utf8), format: format, reference: reference)
    }

    static func scan(fixture name: String, format: InputFormat? = nil) throws -> Result {
        try scan(bytes: try fixture(name), format: format)
    }

    /// Seconds since 1970 of an RFC 3339 time, for expectations.
    static func time(_ text: String) -> Int64? {
        let bytes = Array(text.utf8)
        return Timestamps.iso(bytes.span, at: 0)?.seconds
    }
}

extension ReplyEvent {
    /// Codes and command in one string, for compact expectations: "550 5.1.1 RCPT", "- 4.4.1 -".
    var codes: String {
        "\(reply.replyCode.map(String.init) ?? "-") \(reply.enhancedCode ?? "-") \(reply.command ?? "-")"
    }
}
