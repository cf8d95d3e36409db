import Testing
@testable import ReplyExplainer

/// The format is detected from the first lines (docs/formats.md, "Detection").
@Suite struct FormatDetectionTests {
    @Test(arguments: [
        ("postfix.log", InputFormat.postfix), ("exim-main.log", .exim), ("sendmail.log", .sendmail),
        ("dsn-postfix.eml", .mail), ("dsn-base64-qp.eml", .mail), ("three.mbox", .mail), ("broken-mime.eml", .mail),
        ("bounce-qmail.eml", .mail), ("bounce-exim.eml", .mail), ("bounce-sendmail.eml", .mail), ("bounce-exchange.eml", .mail),
        ("bounce-gmail.eml", .mail), ("bounce-yahoo.eml", .mail), ("swaks.txt", .transcript), ("openssl.txt", .transcript),
        ("client-server.txt", .transcript), ("client-debug.txt", .transcript), ("pipelined.txt", .transcript),
    ])
    func eachFixtureIsDetected(name: String, format: InputFormat) throws {
        #expect(try Formats.scan(fixture: name).format == format)
    }

    @Test func plainRepliesAndProseAreReplies() throws {
        #expect(try Formats.scan("550 5.1.1 User unknown").format == .reply)
        #expect(try Formats.scan("connection timed out").format == .reply)
        #expect(try Formats.scan("").format == .reply)
    }

    @Test func aForcedFormatIsKept() throws {
        let result = try Formats.scan(fixture: "postfix.log", format: .reply)
        #expect(result.format == .reply)
        #expect(!result.events.isEmpty && result.events.allSatisfy { $0.format == .reply })
    }

    @Test func otherSyslogLinesBeforePostfixOnesDoNotDecide() throws {
        let text = """
            Mar  5 10:15:06 mail dovecot: imap-login: Login: user=<sender>, method=PLAIN
            Mar  5 10:15:07 mail kernel: [12345.678] eth0: link up
            Mar  5 10:15:08 mail postfix/smtp[2]: 1A2B3C4D5E: to=<a@example.com>, relay=none, dsn=4.4.1, status=deferred (connect to x[192.0.2.1]:25: Connection refused)
            """
        let result = try Formats.scan(text)
        #expect(result.format == .postfix && result.events.count == 1)
    }

    /// "2024-03-05T10:12:33…:" looks like a header field's name followed by a colon: a field
    /// name must start with a letter, so an RFC 3339 log is not taken for a message's headers.
    @Test func rfc3339LogLinesAreNotHeaderFields() throws {
        let text = """
            2024-03-05T10:12:30.000001+00:00 mail postfix/qmgr[1]: 4F9D21C0A5: from=<a@example.org>, size=1, nrcpt=1 (queue active)
            2024-03-05T10:12:31.000001+00:00 mail postfix/smtp[2]: 4F9D21C0A5: to=<b@example.com>, relay=none, dsn=4.4.1, status=deferred (connect to x[192.0.2.1]:25: Connection refused)
            """
        let result = try Formats.scan(text)
        #expect(result.format == .postfix && result.events.count == 1)
        let exim = "2024-03-05 10:12:34 1rhXyZ-000550-Ab ** u@example.com: Unrouteable address"
        #expect(try Formats.scan(exim).format == .exim)
    }

    @Test func headersWithABounceSubjectAreMail() throws {
        let text = "Received: from x\nSubject: Mail delivery failed: returning message to sender\n\n  u@example.com\n    Unrouteable address\n"
        #expect(try Formats.scan(text).format == .mail)
        let plain = "Received: from x\nSubject: Lunch on Friday?\n\nSee you there.\n"
        #expect(try Formats.scan(plain).format == .reply)
    }

    @Test func typedCommandsAndRepliesTogetherAreATranscript() throws {
        #expect(try Formats.scan("EHLO client.example.org\n250 mx.example.com").format == .transcript)
        #expect(try Formats.scan("EHLO client.example.org").format == .reply)
    }

    /// Undecided input is held up to 64 KiB, then read as replies, all of it in order.
    @Test func theBudgetEndsDetection() throws {
        var text = ""
        for index in 0..<3000 { text += "line \(index) of prose without any reply at all\n" }
        text += "550 5.1.1 User unknown\n"
        let result = try Formats.scan(text)
        #expect(result.format == .reply)
        #expect(result.events.map(\.codes) == ["550 5.1.1 -"] && result.events.first?.line == 3001)
    }
}
