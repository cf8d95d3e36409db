import Testing
@testable import ReplyExplainer

/// Exim's main log (Fixtures/formats/exim-main.log).
@Suite struct EximFormatTests {
    @Test func theLogIsDetectedAndEveryReplyFound() throws {
        let result = try Formats.scan(fixture: "exim-main.log")
        #expect(result.format == .exim)
        #expect(result.events.count == 9)
        // "** ivan@example.com R=… T=…" with no ": " and no error after it.
        #expect(result.unparsableLines == 1)
    }

    @Test func deliveredFailedAndDeferred() throws {
        let result = try Formats.scan(fixture: "exim-main.log")
        let delivered = try result.only("alice@example.com")
        #expect(delivered.codes == "250 2.0.0 DATA" && delivered.outcome == .delivered)
        #expect(delivered.reply.text == "Ok: queued as 7B3C1E2F90" && delivered.relay == "mx1.example.com [192.0.2.26]")
        #expect(delivered.timestamp == Formats.time("2024-03-05T10:12:34Z"))
        let bounced = try result.only("bob@example.com")
        #expect(bounced.codes == "550 5.1.1 RCPT" && bounced.outcome == .bounced)
        #expect(bounced.reply.text == "<bob@example.com>: Recipient address rejected: User unknown in virtual mailbox table")
        let deferred = try result.only("carol@example.net")
        #expect(deferred.codes == "451 4.7.1 RCPT" && deferred.outcome == .deferred && deferred.relay == "mx.example.net [198.51.100.20]")
        #expect(deferred.reply.text == "Greylisted, please try again later")
    }

    @Test func aclRejectionsHaveNoCodeInTheLog() throws {
        let result = try Formats.scan(fixture: "exim-main.log")
        let refused = try result.only("dan@example.org")
        #expect(refused.codes == "- - RCPT" && refused.outcome == .rejected && refused.reply.text == "relay not permitted")
        #expect(refused.relay == "[203.0.113.9]")
        let greylisted = try result.only("erin@example.org")
        #expect(greylisted.outcome == .rejected && greylisted.relay == "client.example.com [203.0.113.10]")
    }

    @Test func failuresWithoutAServerReply() throws {
        let result = try Formats.scan(fixture: "exim-main.log")
        let unrouteable = try result.only("frank@example.invalid")
        #expect(unrouteable.codes == "- - -" && unrouteable.reply.text == "Unrouteable address" && unrouteable.outcome == .bounced)
        let refused = try result.only("grace@example.com")
        #expect(refused.reply.text == "Connection refused" && refused.outcome == .deferred)
    }

    @Test func aServerErrorWithoutFlagAndAZonedTimeWithPid() throws {
        let result = try Formats.scan(fixture: "exim-main.log")
        let connect = try #require(result.events.first { $0.recipient == nil })
        #expect(connect.codes == "554 5.7.1 CONNECT" && connect.outcome == .unknown && connect.relay == "mx.example.com [192.0.2.10]")
        let dmarc = try result.only("heidi@example.com")
        // "+0100": an hour east of UTC. Exim writes the reply's line breaks as \n.
        #expect(dmarc.timestamp == Formats.time("2024-03-05T09:12:41Z"))
        #expect(dmarc.codes == "550 5.7.26 DATA")
        #expect(dmarc.reply.text == """
            Unauthenticated email from example.org is not accepted due to
            domain's DMARC policy.
            Please contact the administrator of example.org domain.
            """)
    }
}

/// Sendmail's log (Fixtures/formats/sendmail.log).
@Suite struct SendmailFormatTests {
    @Test func theLogIsDetectedAndEveryReplyFound() throws {
        let result = try Formats.scan(fixture: "sendmail.log")
        #expect(result.format == .sendmail)
        #expect(result.events.count == 7)
        // A to= line without stat=.
        #expect(result.unparsableLines == 1)
    }

    @Test func statWordsGiveTheOutcome() throws {
        let result = try Formats.scan(fixture: "sendmail.log")
        let sent = try result.only("alice@example.com")
        #expect(sent.outcome == .delivered && sent.codes == "- 2.0.0 -" && sent.reply.text == "Ok: queued as 7B3C1E2F90")
        #expect(sent.relay == "mx1.example.com [192.0.2.26]")
        let unknown = try result.only("bob@example.com")
        #expect(unknown.outcome == .bounced && unknown.codes == "- 5.1.1 -" && unknown.reply.text == "User unknown")
        let deferred = try result.only("carol@example.net")
        #expect(deferred.outcome == .deferred && deferred.codes == "451 4.3.0 -")
        #expect(deferred.reply.text == "Temporary system failure. Please try again later.")
        #expect(deferred.timestamp == Formats.time("2024-03-05T10:12:33Z"))
    }

    @Test func rulesetAndMilterRejections() throws {
        let result = try Formats.scan(fixture: "sendmail.log")
        let relaying = try result.only("dan@example.org")
        #expect(relaying.codes == "550 5.7.1 RCPT" && relaying.outcome == .rejected && relaying.relay == "unknown [203.0.113.9]")
        #expect(relaying.reply.text == "<dan@example.org>... Relaying denied")
        let milter = try #require(result.events.first { $0.recipient == nil })
        #expect(milter.codes == "554 5.7.1 DATA" && milter.reply.text == "Message rejected as spam")
    }

    @Test func severalRecipientsOnOneLineEachGetAnEvent() throws {
        let result = try Formats.scan(fixture: "sendmail.log")
        for recipient in ["erin@example.com", "frank@example.com"] {
            let event = try result.only(recipient)
            #expect(event.codes == "- 4.0.0 -" && event.outcome == .deferred && event.reply.text == "Connection refused by mx1.example.com.")
        }
    }
}
