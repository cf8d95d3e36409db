import Foundation
import Testing
import TestSupport

/// `explain --ndjson` and `--brief` under a writer that keeps its end of the pipe open and
/// waits for the answer (Spark's `RDD.pipe`, `xargs -P`, Vector's and Fluent Bit's `exec`):
/// each reply must come out while standard input is still open, not at its end.
@Suite struct StreamingTests {
    /// Long enough for a loaded machine; an answer that waits for the end of input never comes.
    static let patience = 20.0

    static func object(_ line: String?) throws -> [String: Any] {
        let line = try #require(line, "no answer while standard input stayed open")
        return try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
    }

    @Test func aReplyIsAnsweredWhileInputStaysOpen() throws {
        let child = try PipedProcess(smtpCodes: ["explain", "--ndjson"])
        try child.write("550 5.1.1 <bob@example.com>: Recipient address rejected: User unknown\n")
        let first = try Self.object(child.nextLine(within: Self.patience))
        #expect(first["reason"] as? String == "recipient_unknown" && first["line"] as? Int == 1)
        // A line without a reply gives nothing; the line number counts it all the same.
        try child.write("connect from unknown[192.0.2.1]\n421 4.7.0 [TSS04] Messages from 192.0.2.1 temporarily deferred\n")
        let second = try Self.object(child.nextLine(within: Self.patience))
        #expect(second["reply_code"] as? String == "421" && second["line"] as? Int == 3, "\(second)")
        #expect(child.finish() == 0)
        #expect(child.remainingOutput.isEmpty, "\(child.remainingOutput)")
    }

    @Test func postfixLinesAreAnsweredOneByOne() throws {
        let child = try PipedProcess(smtpCodes: ["explain", "--ndjson"])
        let front = "May  1 00:01:02 mx1 postfix/smtp[4711]: 4F3A21C0: to=<bob@gmail.com>, relay=gmail-smtp-in.l.google.com[192.0.2.7]:25"
        try child.write("\(front), dsn=5.1.1, status=bounced (host gmail-smtp-in.l.google.com[192.0.2.7] said: 550 5.1.1 The email account that you tried to reach does not exist. gsmtp (in reply to RCPT TO command))\n")
        let event = try Self.object(child.nextLine(within: Self.patience))
        #expect(event["outcome"] as? String == "bounced" && event["recipient"] as? String == "bob@gmail.com", "\(event)")
        #expect(child.finish() == 0)
    }

    @Test func briefAnswersAtOnceToo() throws {
        let child = try PipedProcess(smtpCodes: ["explain", "--brief"])
        try child.write("451 4.7.1 Greylisted, please try again later\n")
        let line = try #require(child.nextLine(within: Self.patience), "no answer while standard input stayed open")
        #expect(line.hasPrefix("451 4.7.1 · "), "\(line)")
        #expect(child.finish() == 0)
    }

    /// `triage --ndjson` streams the same way, through its second thread.
    @Test func triageNDJSONAnswersWhileInputStaysOpen() throws {
        let child = try PipedProcess(smtpCodes: ["triage", "--ndjson"])
        try child.write("452 4.2.2 Mailbox full\n")
        let event = try Self.object(child.nextLine(within: Self.patience))
        #expect(event["reply_code"] as? String == "452" && event["line"] as? Int == 1, "\(event)")
        #expect(child.finish() == 0)
    }

    /// A `550-` line announces more: the reply is written once its last line has come.
    @Test func aContinuedReplyWaitsForItsLastLine() throws {
        let child = try PipedProcess(smtpCodes: ["explain", "--ndjson"])
        try child.write("550-5.7.26 Unauthenticated email from example.com is not accepted due to\n")
        #expect(child.nextLine(within: 1) == nil)
        try child.write("550 5.7.26 domain's DMARC policy.\n")
        let event = try Self.object(child.nextLine(within: Self.patience))
        #expect((event["text"] as? String)?.contains("DMARC policy") == true && event["line"] as? Int == 1, "\(event)")
        #expect(child.finish() == 0)
    }
}
