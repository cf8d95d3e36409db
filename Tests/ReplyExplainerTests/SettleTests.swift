import Testing
@testable import ReplyExplainer

/// `EventScanner.settle`: what a pause in a pipe releases, and what it keeps.
@Suite struct SettleTests {
    static func scanner() throws -> EventScanner {
        EventScanner(format: nil, classifier: try Formats.classifier(), reference: Formats.reference)
    }

    static func feed(_ scanner: inout EventScanner, _ line: String, _ number: Int, into events: inout [ReplyEvent]) {
        let bytes = Array(line.utf8)
        scanner.feed(bytes.span, number: number) { events.append($0) }
    }

    @Test func aPauseDecidesOnRepliesAndReleasesThem() throws {
        var scanner = try Self.scanner()
        var events: [ReplyEvent] = []
        Self.feed(&scanner, "550 5.1.1 User unknown", 1, into: &events)
        #expect(events.isEmpty && scanner.format == nil)
        scanner.settle { events.append($0) }
        #expect(scanner.format == .reply && events.map(\.line) == [1])
        Self.feed(&scanner, "452 4.2.2 Mailbox full", 2, into: &events)
        scanner.settle { events.append($0) }
        scanner.finish { events.append($0) }
        #expect(events.map(\.line) == [1, 2] && events.last?.reply.enhancedCode?.description == "4.2.2")
    }

    /// A log's first lines may be another program's: without a line opening with a code the
    /// format is left for later lines to decide.
    @Test func aPauseBeforeAnyReplyLineKeepsDetecting() throws {
        var scanner = try Self.scanner()
        var events: [ReplyEvent] = []
        Self.feed(&scanner, "May  1 00:00:01 mx1 dovecot: imap-login: Login: user=<bob>", 1, into: &events)
        scanner.settle { events.append($0) }
        #expect(scanner.format == nil && events.isEmpty)
        Self.feed(&scanner, "May  1 00:00:02 mx1 postfix/smtpd[12]: NOQUEUE: reject: RCPT from unknown[192.0.2.1]: 554 5.7.1 <a@example.org>: Relay access denied; from=<s@example.net> to=<a@example.org> proto=ESMTP helo=<x>", 2, into: &events)
        #expect(scanner.format == .postfix && events.map(\.outcome) == [.rejected])
    }

    @Test func aPauseKeepsAContinuedReplyOpen() throws {
        var scanner = try Self.scanner()
        var events: [ReplyEvent] = []
        Self.feed(&scanner, "550-5.7.26 Unauthenticated email is not accepted", 1, into: &events)
        scanner.settle { events.append($0) }
        #expect(events.isEmpty)
        Self.feed(&scanner, "550 5.7.26 due to the domain's DMARC policy", 2, into: &events)
        scanner.settle { events.append($0) }
        #expect(events.count == 1 && events.first?.reply.text.contains("DMARC") == true)
    }
}
