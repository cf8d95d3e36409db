import Testing
@testable import ReplyExplainer
import SMTPCatalog

/// `DeliveredDetail.outcomeOnly`: what `triage`'s report reads of delivered replies. It
/// must change nothing the report shows, and nothing about any other reply.
@Suite struct DeliveredDetailTests {
    static let log = """
        Jul  3 10:00:01 mx postfix/smtp[1]: 4AB1: to=<a@example.org>, relay=mx.example.org[192.0.2.1]:25, delay=1, dsn=2.0.0, status=sent (250 2.0.0 OK queued as 99)
        Jul  3 10:00:02 mx postfix/smtp[1]: 4AB2: to=<b@Example.NET>, relay=mx.example.net[192.0.2.2]:25, delay=1, dsn=5.1.1, status=bounced (host mx.example.net[192.0.2.2] said: 550 5.1.1 <b@example.net>: Recipient address rejected: User unknown (in reply to RCPT TO command))
        Jul  3 11:00:03 mx postfix/smtp[1]: 4AB3: to=<c@example.com>, relay=mx.example.com[192.0.2.3]:25, delay=9, dsn=4.7.1, status=deferred (host mx.example.com[192.0.2.3] said: 451 4.7.1 Greylisted, please try again later (in reply to RCPT TO command))
        Jul  3 11:00:04 mx postfix/lmtp[2]: 4AB4: to=<d@example.org>, relay=store[private/dovecot-lmtp], delay=0.1, dsn=2.0.0, status=sent (250 2.0.0 <d@example.org> Saved)
        Jul  3 11:00:05 mx postfix/smtp[1]: 4AB5: to=<e@example.org>, relay=none, delay=30, dsn=4.4.1, status=deferred (connect to mx.example.org[192.0.2.9]:25: Connection timed out)
        Jul  3 12:00:06 mx postfix/smtpd[3]: NOQUEUE: reject: RCPT from unknown[192.0.2.7]: 554 5.7.1 Service unavailable; Client host [192.0.2.7] blocked; from=<s@example.net> to=<f@example.org> proto=ESMTP helo=<x>
        Jul  3 12:00:07 mx postfix/smtp[1]: 4AB6: to=<g@example.org>, relay=mx.example.org[192.0.2.1]:25, delay=1, dsn=2.0.0, status=sent
        """

    static func scans(_ bytes: [UInt8]) throws -> (full: Formats.Result, brief: Formats.Result) {
        (try Formats.scan(bytes: bytes, format: .postfix), try Formats.scan(bytes: bytes, format: .postfix, delivered: .outcomeOnly))
    }

    @Test func deliveredRepliesKeepTheirOutcomeTimeAndLineOnly() throws {
        let (full, brief) = try Self.scans(Array(Self.log.utf8))
        #expect(full.events.count == 6)
        #expect(brief.events.count == full.events.count)
        #expect(brief.unparsableLines == full.unparsableLines)
        #expect(full.unparsableLines == 1, "the sent line without a diagnostic is unparsable either way")
        for (whole, cut) in zip(full.events, brief.events) {
            if whole.outcome == .delivered {
                #expect(cut.outcome == .delivered && cut.timestamp == whole.timestamp && cut.line == whole.line)
                #expect(cut.recipient == nil && cut.relay == nil && cut.reply.text.isEmpty && cut.reply.replyCode == nil)
                #expect(whole.reply.replyCode == 250, "read in full they carry their reply")
            } else {
                #expect(cut == whole)
            }
        }
        #expect(brief.events.filter { $0.outcome == .delivered }.map(\.line) == [1, 4])
    }

    @Test func aReportIsTheSameEitherWay() throws {
        for bytes in [Array(Self.log.utf8), try Formats.fixture("postfix.log")] {
            let (full, brief) = try Self.scans(bytes)
            let classifier = try Formats.classifier()
            var whole = TriageReport(), cut = TriageReport(), asked = TriageReport()
            for event in full.events {
                whole.add(event, classifier.classify(event.reply))
                asked.add(event, classifiedBy: classifier)
            }
            for event in brief.events { cut.add(event, classifiedBy: classifier) }
            for report in [cut, asked] {
                #expect(report.replies == whole.replies && report.problems == whole.problems)
                #expect(Outcome.allCases.map(report.count) == Outcome.allCases.map(whole.count))
                #expect(report.overall == whole.overall)
                #expect(report.timeline == whole.timeline)
            }
            #expect(whole.problems > 0 && whole.count(.delivered) > 0, "both kinds are in the input")
        }
    }
}
