import Testing
@testable import ReplyExplainer

/// Postfix's mail log (Fixtures/formats/postfix.log): delivery lines of smtp, lmtp, local
/// and error, smtp's notes, smtpd, postscreen and cleanup rejects; lines with no reply skipped.
@Suite struct PostfixFormatTests {
    @Test func theLogIsDetectedAndEveryReplyFound() throws {
        let result = try Formats.scan(fixture: "postfix.log")
        #expect(result.format == .postfix)
        #expect(result.events.count == 13)
        #expect(result.events.allSatisfy { $0.format == .postfix })
        // The last line has status= but no diagnostic in parentheses.
        #expect(result.unparsableLines == 1)
    }

    @Test func aSentLineCarriesTheTwoHundredReply() throws {
        let event = try Formats.scan(fixture: "postfix.log").only("alice@example.com")
        #expect(event.codes == "250 2.0.0 -")
        #expect(event.reply.text == "Ok: queued as 7B3C1E2F90")
        #expect(event.outcome == .delivered)
        #expect(event.relay == "mx1.example.com [192.0.2.26]")
        #expect(event.timestamp == Formats.time("2024-03-05T10:12:31Z"))
        #expect(event.line == 5)
    }

    @Test func aBouncedLineCarriesTheServersReplyAndCommand() throws {
        let event = try Formats.scan(fixture: "postfix.log").only("bob@example.com")
        #expect(event.codes == "550 5.1.1 RCPT")
        #expect(event.reply.text == "<bob@example.com>: Recipient address rejected: User unknown in virtual mailbox table")
        #expect(event.outcome == .bounced)
        #expect(event.dsnAction == nil)
    }

    @Test func deferredWithAReplyAndWithAConnectionDiagnostic() throws {
        let result = try Formats.scan(fixture: "postfix.log")
        let greylisted = try result.only("carol@example.net")
        #expect(greylisted.codes == "450 4.7.1 RCPT" && greylisted.outcome == .deferred)
        let timedOut = try result.only("dan@example.org")
        // No reply code: the dsn= status is the enhanced code, the words the classifier reads.
        #expect(timedOut.codes == "- 4.4.1 -")
        #expect(timedOut.reply.text == "connect to mx.example.org[203.0.113.40]:25: Connection timed out")
        #expect(timedOut.outcome == .deferred && timedOut.relay == nil)
        let classification = try Formats.classifier().classify(timedOut.reply)
        #expect(classification.reason.id == "network_error")
    }

    @Test func smtpdAndPostscreenRejects() throws {
        let result = try Formats.scan(fixture: "postfix.log")
        let relay = try result.only("erin@example.org")
        #expect(relay.codes == "554 5.7.1 RCPT")
        #expect(relay.reply.text == "<erin@example.org>: Relay access denied")
        #expect(relay.outcome == .rejected && relay.relay == "unknown [203.0.113.9]")
        let screened = result.events(for: "frank@example.org")
        #expect(screened.map(\.codes) == ["550 5.7.1 RCPT", "- 5.7.1 DATA"])
        #expect(screened[0].reply.text == "Service unavailable; client [203.0.113.77] blocked using zen.spamhaus.org")
        #expect(screened[0].relay == "[203.0.113.77]")
        #expect(screened[1].reply.text == "Spam message rejected" && screened[1].outcome == .rejected)
    }

    @Test func rfc3339TimesAndMultiLineRepliesWrittenOnOneLine() throws {
        let event = try Formats.scan(fixture: "postfix.log").only("grace@example.com")
        #expect(event.timestamp == Formats.time("2024-03-05T09:14:00Z"))
        #expect(event.codes == "550 5.7.26 DATA")
        #expect(event.reply.text == """
            This mail has been blocked because the sender is unauthenticated.
            Gmail requires all senders to authenticate with either SPF or DKIM.
            Authentication results: dkim=none spf=none
            """)
    }

    @Test func expiredIsBouncedAndHostNotesHaveNoOutcome() throws {
        let result = try Formats.scan(fixture: "postfix.log")
        let expired = try result.only("heidi@example.com")
        #expect(expired.outcome == .bounced && expired.codes == "- 4.4.1 -")
        let note = try #require(result.events.first { $0.recipient == nil })
        #expect(note.codes == "421 4.7.0 CONNECT" && note.outcome == .unknown)
        #expect(note.relay == "mx1.example.net [198.51.100.21]")
    }

    @Test func lmtpAndLocalDeliveries() throws {
        let result = try Formats.scan(fixture: "postfix.log")
        let lmtp = try result.only("judy@example.org")
        #expect(lmtp.codes == "552 5.2.2 DATA")
        // Balanced parentheses in the server's words stay.
        #expect(lmtp.reply.text == "<judy@example.org> Quota exceeded (mailbox for user is full)")
        #expect(lmtp.relay == "mail.example.org [private/dovecot-lmtp]")
        let local = try result.only("kim@example.org")
        #expect(local.codes == "- 5.1.1 -" && local.reply.text == "unknown user: \"kim\"" && local.relay == "local")
    }

    /// A syslog time has no year: the reference year, or the one before when the date
    /// would lie more than a day ahead (a December log read in January).
    @Test func syslogTimesTakeTheYearOfNow() throws {
        let line = "Dec 31 23:59:59 mail postfix/smtp[1]: 1A2B3C: to=<a@example.com>, relay=none, dsn=4.4.1, status=deferred (connect to x[192.0.2.1]:25: Connection refused)"
        let january = try #require(Formats.time("2025-01-02T08:00:00Z"))
        let read = try Formats.scan(line, format: .postfix, reference: january)
        #expect(read.events.first?.timestamp == Formats.time("2024-12-31T23:59:59Z"))
        let december = try #require(Formats.time("2025-12-31T23:59:59Z"))
        #expect(try Formats.scan(line, format: .postfix, reference: december).events.first?.timestamp
            == Formats.time("2025-12-31T23:59:59Z"))
    }

    @Test func linesOfOtherProgramsAndWithoutRepliesAreSkippedNotCounted() throws {
        let text = """
            Mar  5 10:15:06 mail dovecot: imap-login: Login: user=<sender>, method=PLAIN
            Mar  5 10:12:30 mail postfix/qmgr[1234]: 550D3A1F2B: from=<a@example.org>, size=550, nrcpt=1 (queue active)
            Mar  5 10:12:34 mail postfix/bounce[2349]: 4F9D21C0A5: sender non-delivery notification: 5A1B2C3D4E
            Mar  5 10:12:35 mail postfix/anvil[2550]: statistics: max connection rate 550/60s for (smtp:203.0.113.9) at Mar  5 10:09:01
            not a log line at all: 550 5.1.1 User unknown
            """
        let result = try Formats.scan(text, format: .postfix)
        #expect(result.events.isEmpty && result.unparsableLines == 0)
    }

    @Test func headerChecksPutTheReplyAfterTheTrailer() throws {
        let line = "Mar  5 10:12:33 mx postfix/cleanup[1]: 4F9D21C0A5: reject: header Subject: hello from localhost[127.0.0.1]; from=<a@example.org> to=<b@example.org> proto=ESMTP helo=<x>: 5.7.1 message content rejected"
        let event = try #require(try Formats.scan(line, format: .postfix).events.first)
        #expect(event.codes == "- 5.7.1 DATA" && event.recipient == "b@example.org" && event.reply.text == "message content rejected")
    }
}
