import Foundation
import Testing
@testable import ReplyExplainer

/// RFC 3464 delivery status notifications: one message or an mbox, MIME followed through
/// its boundaries, base64 and quoted-printable decoded, one event per recipient block.
@Suite struct MailFormatTests {
    @Test func aPostfixReportGivesOneEventPerRecipient() throws {
        let result = try Formats.scan(fixture: "dsn-postfix.eml")
        #expect(result.format == .mail)
        #expect(result.events.map { $0.recipient ?? "-" } == ["alice@example.com", "bob@example.net"])
        #expect(result.unparsableLines == 0 && result.unparsableParts == 0)
        let alice = try result.only("alice@example.com")
        // The folded Diagnostic-Code unfolded; the command from the notification's "(in reply to RCPT TO command)".
        #expect(alice.codes == "550 5.1.1 RCPT")
        #expect(alice.reply.text == "<alice@example.com>: Recipient address rejected: User unknown in virtual mailbox table")
        #expect(alice.dsnAction == "failed" && alice.outcome == .bounced && alice.relay == "mx1.example.com")
        // No Last-Attempt-Date: the message's Date.
        #expect(alice.timestamp == Formats.time("2024-03-05T10:12:35Z"))
        #expect(alice.format == .mail && alice.line == 51)
        let bob = try result.only("bob@example.net")
        #expect(bob.codes == "552 5.2.2 DATA")
        #expect(bob.timestamp == Formats.time("2024-03-05T10:12:34Z"))
    }

    @Test func theReturnedMessageIsNotRead() throws {
        let result = try Formats.scan(fixture: "dsn-postfix.eml")
        #expect(result.events(for: "not-a-bounce@example.com").isEmpty)
    }

    @Test func base64ReportQuotedPrintableTextNestedMultipartAndFoldedHeaders() throws {
        let result = try Formats.scan(fixture: "dsn-base64-qp.eml")
        #expect(result.events.count == 3 && result.unparsableLines == 0 && result.unparsableParts == 0)
        let delayed = try result.only("mia@example.com")
        #expect(delayed.dsnAction == "delayed" && delayed.outcome == .deferred && delayed.codes == "421 4.7.0 -")
        // A Diagnostic-Code folded over three lines, its 421- prefixes turned into line breaks.
        #expect(delayed.reply.text == "[192.0.2.15      15] Our system has detected an unusual rate of\nunsolicited mail originating from your IP address.")
        #expect(delayed.timestamp == Formats.time("2024-03-05T13:00:00Z"))
        #expect(delayed.relay == "mx.example.com")
        // No Diagnostic-Code: the reply comes from the quoted-printable notification for the same recipient.
        let failed = try result.only("nick@example.com")
        #expect(failed.dsnAction == "failed" && failed.outcome == .bounced && failed.codes == "550 5.7.1 DATA")
        #expect(failed.reply.text == "[192.0.2.15] Message rejected as spam — see the postmaster pages")
        let delivered = try result.only("olga@example.com")
        #expect(delivered.dsnAction == "delivered" && delivered.outcome == .delivered && delivered.codes == "250 2.0.0 -")
    }

    @Test func anMboxOfThreeMessages() throws {
        let result = try Formats.scan(fixture: "three.mbox")
        #expect(result.format == .mail)
        #expect(result.events.map { $0.recipient ?? "-" } == ["nora@example.com", "oscar@example.com", "pia@example.com"])
        let exim = try result.only("nora@example.com")
        #expect(exim.codes == "550 5.1.1 RCPT" && exim.dsnAction == "failed" && exim.outcome == .bounced)
        let gmail = try result.only("oscar@example.com")
        #expect(gmail.codes == "451 4.7.1 -" && gmail.outcome == .deferred && gmail.dsnAction == nil)
        #expect(gmail.timestamp == Formats.time("2024-03-05T10:20:00Z"))
        let qmail = try result.only("pia@example.com")
        #expect(qmail.codes == "552 5.3.4 DATA" && qmail.outcome == .bounced && qmail.relay == "192.0.2.10")
        #expect(qmail.line == 73)
    }

    @Test func aReportWithoutDiagnosticGivesTheStatusAlone() throws {
        let text = """
            From: MAILER-DAEMON@example.org
            Subject: Undelivered Mail Returned to Sender
            Content-Type: multipart/report; report-type=delivery-status; boundary=b

            --b
            Content-Type: message/delivery-status

            Reporting-MTA: dns; mail.example.org

            Final-Recipient: rfc822; quincy@example.com
            Action: failed
            Status: 5.1.2
            --b--
            """
        let event = try #require(try Formats.scan(text).events.first)
        #expect(event.codes == "- 5.1.2 -" && event.reply.text.isEmpty && event.recipient == "quincy@example.com")
    }

    @Test func brokenMIMEAndBase64GarbageAreCountedAndTheRestRead() throws {
        let result = try Formats.scan(fixture: "broken-mime.eml")
        // The garbage line is not decoded; the lines around it still decode whole.
        #expect(result.events.map(\.codes) == ["550 5.1.1 -", "550 5.2.1 -"])
        #expect(result.events.map { $0.recipient ?? "-" } == ["quinn@example.com", "rosa@example.com"])
        #expect(result.unparsableLines == 1)
        // The base64 part, and the multipart never closed.
        #expect(result.unparsableParts == 2)
    }

    @Test func aPartOverTheCapIsCountedAndTheNextMessageStillRead() throws {
        var text = """
            From MAILER-DAEMON Tue Mar  5 10:12:40 2024
            Subject: Undelivered Mail Returned to Sender
            Content-Type: multipart/report; boundary=b

            --b
            Content-Type: text/plain


            """
        let filler = String(repeating: "x", count: 1000)
        let fillerLines = MailReader.maximumPartBytes / 1001 + 10
        for _ in 0..<fillerLines { text += filler + "\n" }
        text += """
            <late@example.com>:
            Remote host said: 550 5.1.1 past the cap, not read
            --b--

            From MAILER-DAEMON Tue Mar  5 10:12:41 2024
            Subject: failure notice

            <sam@example.com>:
            Remote host said: 550 5.1.1 <sam@example.com>... User unknown

            """
        let result = try Formats.scan(text)
        #expect(result.format == .mail)
        #expect(result.events.map { $0.recipient ?? "-" } == ["sam@example.com"])
        #expect(result.unparsableParts == 1)
        #expect(result.unparsableLines >= 10)
    }

    @Test func nestingDeeperThanTheCapIsPassedOver() throws {
        var text = "Subject: Undelivered Mail Returned to Sender\nContent-Type: multipart/report; boundary=b0\n\n"
        for depth in 0..<(MailReader.maximumDepth + 2) {
            text += "--b\(depth)\nContent-Type: multipart/mixed; boundary=b\(depth + 1)\n\n"
        }
        text += "--b\(MailReader.maximumDepth + 2)\nContent-Type: message/delivery-status\n\nFinal-Recipient: rfc822; deep@example.com\nAction: failed\nStatus: 5.1.1\n"
        let result = try Formats.scan(text)
        #expect(result.events.isEmpty)
        #expect(result.unparsableParts >= 1)
    }

    @Test func headersWithoutABounceAreNotMailAtAll() throws {
        // A DSN body pasted alone reads as reply lines (ReplyParser's reading).
        let result = try Formats.scan("Reporting-MTA: dns; mail.example.org\n\nFinal-Recipient: rfc822; u@example.com\nAction: failed\nStatus: 5.1.1\nDiagnostic-Code: smtp; 550 User unknown")
        #expect(result.format == .reply)
        #expect(result.events.map(\.codes) == ["550 5.1.1 -"])
    }
}

/// Bounces that are not RFC 3464 reports: their words read for recipients and replies.
@Suite struct BounceTextFormatTests {
    @Test func qmail() throws {
        let result = try Formats.scan(fixture: "bounce-qmail.eml")
        #expect(result.format == .mail)
        #expect(result.events.map { $0.recipient ?? "-" } == ["dave@example.com", "erin@example.net", "fay@example.org"])
        let dave = try result.only("dave@example.com")
        #expect(dave.codes == "550 5.1.1 RCPT" && dave.reply.text == "<dave@example.com>... User unknown")
        #expect(dave.outcome == .bounced && dave.relay == "192.0.2.10" && dave.timestamp == Formats.time("2024-03-05T10:12:41Z"))
        let erin = try result.only("erin@example.net")
        #expect(erin.codes == "- 5.1.1 -" && erin.reply.text == "Sorry, no mailbox here by that name.")
        let fay = try result.only("fay@example.org")
        #expect(fay.codes == "554 - CONNECT" && fay.relay == "198.51.100.7")
    }

    @Test func exim() throws {
        let result = try Formats.scan(fixture: "bounce-exim.eml")
        #expect(result.events.map { $0.recipient ?? "-" } == ["gus@example.com", "hana@example.net", "ida@example.invalid"])
        let gus = try result.only("gus@example.com")
        #expect(gus.codes == "550 5.1.1 RCPT" && gus.relay == "mx.example.com [192.0.2.10]")
        #expect(gus.reply.text == "<gus@example.com>: Recipient address rejected: User unknown")
        let hana = try result.only("hana@example.net")
        #expect(hana.codes == "550 5.7.26 DATA" && hana.relay == "mx.example.net [198.51.100.20]")
        #expect(hana.reply.text.split(separator: "\n").count == 3)
        let ida = try result.only("ida@example.invalid")
        #expect(ida.codes == "- - -" && ida.reply.text == "Unrouteable address" && ida.outcome == .bounced)
    }

    @Test func sendmailTranscriptWins() throws {
        let result = try Formats.scan(fixture: "bounce-sendmail.eml")
        let jack = try result.only("jack@example.com")
        #expect(jack.codes == "550 5.1.1 RCPT" && jack.relay == "mx.example.com")
        #expect(jack.reply.text == "<jack@example.com>... User unknown" && jack.outcome == .bounced)
        #expect(result.events.count == 1)
    }

    @Test func exchangeQuotedPrintable() throws {
        let result = try Formats.scan(fixture: "bounce-exchange.eml")
        let kate = try result.only("kate@example.com")
        #expect(kate.codes == "550 5.1.10 -")
        #expect(kate.reply.text == "RESOLVER.ADR.RecipientNotFound; Recipient kate@example.com not found by SMTP address lookup")
        #expect(result.events.count == 1)
    }

    @Test func gmailReadsThePlainTextPartOnly() throws {
        let result = try Formats.scan(fixture: "bounce-gmail.eml")
        #expect(result.events.count == 1)
        let liam = try result.only("liam@example.com")
        #expect(liam.codes == "550 5.1.1 -" && liam.outcome == .bounced)
        #expect(liam.reply.text == "<liam@example.com>: Recipient address rejected: User unknown in virtual mailbox table")
        #expect(liam.timestamp == Formats.time("2024-03-05T10:13:10Z"))
    }

    @Test func yahoo() throws {
        let mona = try Formats.scan(fixture: "bounce-yahoo.eml").only("mona@example.com")
        #expect(mona.codes == "554 5.7.9 RCPT" && mona.outcome == .bounced)
    }

    @Test func aBounceBodyAloneCanBeReadAsMail() throws {
        // Forced: a notice pasted without its headers.
        let text = """
            Hi. This is the qmail-send program at mail.example.org.
            I'm afraid I wasn't able to deliver your message to the following addresses.

            <tom@example.com>:
            Remote host said: 550 5.1.1 <tom@example.com>... User unknown
            """
        let result = try Formats.scan(text, format: .mail)
        #expect(try result.only("tom@example.com").codes == "550 5.1.1 -")
    }
}
