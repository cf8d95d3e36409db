import Testing
@testable import ReplyExplainer

/// SMTP transcripts: each reply paired with the command it answered.
@Suite struct TranscriptFormatTests {
    @Test func swaks() throws {
        let result = try Formats.scan(fixture: "swaks.txt")
        #expect(result.format == .transcript)
        #expect(result.events.map(\.codes) == [
            "220 - CONNECT", "250 - EHLO", "250 2.1.0 MAIL", "550 5.1.1 RCPT", "221 2.0.0 QUIT",
            "220 - CONNECT", "250 - EHLO", "250 2.1.0 MAIL", "250 2.1.5 RCPT", "354 - DATA", "250 2.0.0 DATA", "221 2.0.0 QUIT",
        ])
        let refused = result.events[3]
        #expect(refused.recipient == "judy@example.com" && refused.outcome == .rejected && refused.relay == "mx.example.com")
        #expect(refused.reply.text == "<judy@example.com>: Recipient address rejected: User unknown in local recipient table")
        #expect(refused.line == 13)
        // The multi-line EHLO reply is one reply.
        #expect(result.events[1].reply.text == "mx.example.com\nPIPELINING\nSIZE 10240000\nSTARTTLS\n8BITMIME")
        // The message's content ("550 this line is message content") is not a reply; the end of data is.
        let queued = result.events[10]
        #expect(queued.outcome == .delivered && queued.recipient == "kurt@example.net" && queued.relay == "mx.example.net")
        #expect(result.events.filter { $0.outcome == .delivered }.count == 1)
        // "<-  garbled server line": a server line without a reply.
        #expect(result.unparsableLines == 1)
    }

    @Test func opensslSessionWithTypedCommands() throws {
        let result = try Formats.scan(fixture: "openssl.txt")
        #expect(result.format == .transcript)
        #expect(result.events.map(\.codes) == ["250 - EHLO", "250 2.1.0 MAIL", "450 4.2.0 RCPT", "221 2.0.0 QUIT"])
        let greylisted = result.events[2]
        #expect(greylisted.recipient == "lara@example.com" && greylisted.outcome == .deferred && greylisted.relay == "192.0.2.10")
    }

    @Test func clientServerStyle() throws {
        let result = try Formats.scan(fixture: "client-server.txt")
        #expect(result.format == .transcript)
        #expect(result.events.map(\.codes) == [
            "220 - CONNECT", "250 - EHLO", "250 - MAIL", "250 - RCPT", "550 - RCPT", "354 - DATA", "250 - DATA", "221 - QUIT",
        ])
        #expect(result.events[4].recipient == "nina@example.org" && result.events[4].outcome == .rejected)
        // One recipient accepted: the end of data's reply names it.
        #expect(result.events[6].recipient == "max@example.org" && result.events[6].outcome == .delivered)
        #expect(result.events[0].relay == "mx.example.org")
    }

    @Test func clientDebugLogWithAuthentication() throws {
        let result = try Formats.scan(fixture: "client-debug.txt")
        #expect(result.format == .transcript)
        #expect(result.events.map(\.codes) == ["220 - CONNECT", "250 - EHLO", "334 - AUTH", "334 - AUTH", "535 5.7.8 AUTH", "221 2.0.0 QUIT"])
        #expect(result.events[4].outcome == .rejected && result.events[4].timestamp == Formats.time("2024-03-05T10:12:34Z"))
    }

    @Test func pipelinedCommandsTakeTheirRepliesInOrder() throws {
        let result = try Formats.scan(fixture: "pipelined.txt")
        #expect(result.events.map(\.codes) == [
            "220 - CONNECT", "250 - EHLO", "250 2.1.0 MAIL", "250 2.1.5 RCPT", "452 4.2.2 RCPT", "354 - DATA", "250 2.0.0 DATA",
        ])
        #expect(result.events[3].recipient == "olaf@example.net" && result.events[3].outcome == .unknown)
        #expect(result.events[4].recipient == "pam@example.net" && result.events[4].outcome == .deferred)
        #expect(result.events[6].recipient == "olaf@example.net" && result.events[6].outcome == .delivered)
    }

    @Test func aReplyStillOpenAtTheEndIsEmitted() throws {
        let result = try Formats.scan("S: 220 mx.example.org\nC: EHLO x\nS: 250-mx.example.org\nS: 250-PIPELINING", format: .transcript)
        #expect(result.events.map(\.codes) == ["220 - CONNECT", "250 - EHLO"])
        #expect(result.events[1].reply.text == "mx.example.org\nPIPELINING")
    }
}
