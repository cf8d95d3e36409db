import Foundation
import FuzzSupport
@testable import ReplyExplainer
import SMTPCatalog

/// One input: arbitrary bytes read as lines through `EventScanner`, the way `triage` and
/// `explain` feed it. The first byte picks the format: detected (0) or forced (1–6, in
/// `InputFormat.allCases` order); the rest is split at line feeds. Besides not trapping,
/// every event must be one the output can describe, and, on ASCII input in the reply
/// format, the byte-level reader must read what `ReplyFinder` reads with its regular
/// expressions (differential).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzEvents(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    guard let selector = bytes.first else { return 0 }
    let formats: [InputFormat?] = [nil] + InputFormat.allCases
    let forced = formats[Int(selector) % formats.count]
    let body = Array(bytes.dropFirst())
    let loaded = BundledResources.shared
    let shown = String(decoding: body, as: UTF8.self).debugDescription.prefix(400)

    var scanner = EventScanner(format: forced, classifier: loaded.classifier, reference: 1_720_000_000)
    var events: [ReplyEvent] = []
    let lines = forEachLine(of: body) { line, number in scanner.feed(line, number: number) { events.append($0) } }
    scanner.finish { events.append($0) }

    let format = scanner.format
    fuzzCheck(format != nil, "no format after finish: \(shown)")
    if let forced { fuzzCheck(format == forced, "forced \(forced) became \(String(describing: format)): \(shown)") }
    fuzzCheck(scanner.unparsableLines >= 0 && scanner.unparsableLines <= lines * 2 + 2,
              "\(scanner.unparsableLines) unparsable lines of \(lines): \(shown)")
    for event in events { check(event, format: format, lines: lines, shown) }

    // The differential: plain replies, ASCII only, few enough replies that the stream's window holds them all.
    if format == .reply, body.allSatisfy({ $0 < 0x80 }) {
        var stream = ReplyStream(classifier: loaded.classifier)
        var streamed: [ReplyEvent] = []
        forEachLine(of: body) { line, number in stream.read(line, number: number) { streamed.append($0) } }
        stream.finish { streamed.append($0) }
        if stream.joined <= ReplyStream.reach {
            let text = String(decoding: body, as: UTF8.self)
            let expected = ReplyFinder.replies(in: text, classifier: loaded.classifier)
            fuzzCheck(streamed.map(\.reply) == expected,
                      "reply format differs from ReplyFinder:\n  bytes \(streamed.map(\.reply))\n  regex \(expected)\n  input \(shown)")
        }
    }
    return 0
}

/// Calls `body` with each line of `bytes` (split at line feeds, the last one without) and its
/// 1-based number, as `LineReader` hands them on; returns how many there were.
@discardableResult
private func forEachLine(of bytes: [UInt8], _ body: (Span<UInt8>, Int) -> Void) -> Int {
    var number = 0
    var start = 0
    for index in 0...bytes.count where index == bytes.count || bytes[index] == 0x0A {
        number += 1
        let line = Array(bytes[start..<index])
        body(line.span, number)
        start = index + 1
    }
    return number
}

/// Commands the readers may name.
private let knownCommands: Set<String> = [
    "RCPT", "MAIL", "DATA", "CONNECT", "EHLO", "HELO", "LHLO", "AUTH", "STARTTLS", "BDAT", "QUIT", "RSET", "NOOP", "VRFY", "EXPN",
    "HELP", "ETRN", "XCLIENT", "XFORWARD",
]

private func check(_ event: ReplyEvent, format: InputFormat?, lines: Int, _ shown: Substring) {
    let reply = event.reply
    let described = "\(event) from \(shown)"
    fuzzCheck(event.format == format, "event of format \(event.format) in \(String(describing: format)): \(described)")
    if let code = reply.replyCode { fuzzCheck((200...599).contains(code), "basic code out of range: \(described)") }
    if let enhanced = reply.enhancedCode {
        fuzzCheck(enhanced.wholeMatch(of: /[245]\.[0-9]{1,3}\.[0-9]{1,3}/) != nil, "malformed enhanced code: \(described)")
        fuzzCheck(reply.enhanced != nil, "enhanced code that StatusCode cannot parse: \(described)")
    }
    if let command = reply.command { fuzzCheck(knownCommands.contains(command), "unknown command: \(described)") }
    if let line = event.line { fuzzCheck(line >= 0 && line <= lines + 1, "line \(line) of \(lines): \(described)") }
    fuzzCheck(event.recipient.map { !$0.isEmpty } ?? true, "empty recipient: \(described)")
    fuzzCheck(event.relay.map { !$0.isEmpty } ?? true, "empty relay: \(described)")
    fuzzCheck(reply.text.utf8.count <= ReplyLines.maximumBytes + ReplyParser.maximumLineBytes * 2,
              "reply text of \(reply.text.utf8.count) bytes: \(described)")
    if let action = event.dsnAction { fuzzCheck(format == .mail && !action.isEmpty, "dsnAction outside mail: \(described)") }
}

/// The process's main (see runFuzzer for why the target defines it).
@_cdecl("fuzz_events_main")
public func fuzzEventsMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    runFuzzer(argc: argc, argv: argv, fuzzEvents)
}
