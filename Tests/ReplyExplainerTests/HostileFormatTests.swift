import Foundation
import Testing
@testable import ReplyExplainer
import TestSupport

/// Hostile input through every reader: nothing traps, what cannot be read is counted, and
/// the input after it is still read.
@Suite struct HostileFormatTests {
    static let formats: [InputFormat?] = [nil] + InputFormat.allCases.map { $0 }

    private static func garbage(_ count: Int, seed: UInt64) -> [UInt8] {
        var generator = SplitMix(seed: seed)
        return (0..<count).map { _ in UInt8.random(in: 0...255, using: &generator) }.map { $0 == 0x0A ? 0x20 : $0 }
    }

    @Test(arguments: formats)
    func aLineOfSixteenKibibytesOfGarbage(format: InputFormat?) throws {
        var bytes = Self.garbage(ReplyParser.maximumLineBytes, seed: 1)
        bytes += Array("\n550 5.1.1 <u@example.com>: User unknown\n".utf8)
        let result = try Formats.scan(bytes: bytes, format: format)
        if format == nil || format == .reply {
            #expect(result.events.contains { $0.codes == "550 5.1.1 -" })
        }
    }

    @Test(arguments: formats)
    func binaryBytesAndOverlongLines(format: InputFormat?) throws {
        var bytes: [UInt8] = []
        for seed in UInt64(0)..<40 {
            bytes += Self.garbage(Int(seed) * 97 % 700, seed: seed) + [0x0A]
        }
        bytes += [UInt8](repeating: 0xFF, count: ReplyParser.maximumLineBytes * 3) + [0x0A]
        bytes += [UInt8](repeating: UInt8(ascii: "("), count: 40_000) + [0x0A]
        bytes += Array("--\n--b--\n=\n=A\n.\n\n<>:\n<<< \n>>> \nS: \nC: \n".utf8)
        _ = try Formats.scan(bytes: bytes, format: format)
    }

    @Test func logLinesCutShortAreCountedNotRead() throws {
        let line = "Mar  5 10:12:32 mail postfix/smtp[2347]: 4F9D21C0A5: to=<bob@example.com>, relay=mx1.example.com[192.0.2.26]:25, delay=2.1, dsn=5.1.1, status=bounced (host mx1.example.com[192.0.2.26] said: 550 5.1.1 <bob@example.com>: Recipient address rejected (in reply to RCPT TO command))"
        var text = ""
        for cut in stride(from: 40, to: line.utf8.count, by: 7) { text += String(line.utf8.prefix(cut))! + "\n" }
        text += line + "\n"
        let result = try Formats.scan(text, format: .postfix)
        // Every prefix either reads (the diagnostic cut short but started) or is counted; the whole line reads.
        #expect(result.events.last?.codes == "550 5.1.1 RCPT")
        #expect(result.events.count + result.unparsableLines >= 1)
    }

    @Test func base64ThatIsAllGarbage() throws {
        var text = "Subject: Undelivered Mail Returned to Sender\nContent-Type: multipart/report; boundary=x\n\n--x\nContent-Type: message/delivery-status\nContent-Transfer-Encoding: base64\n\n"
        for _ in 0..<20 { text += "%%%% not base64 at all !!!!\n" }
        text += "--x\nContent-Type: message/delivery-status\n\nFinal-Recipient: rfc822; ok@example.com\nAction: failed\nStatus: 5.1.1\n--x--\n"
        let result = try Formats.scan(text)
        #expect(result.unparsableLines == 20 && result.unparsableParts == 1)
        #expect(result.events.map { $0.recipient ?? "-" } == ["ok@example.com"])
    }

    @Test func thousandsOfBoundariesAndFieldsStayBounded() throws {
        var text = "Subject: Undelivered Mail Returned to Sender\nContent-Type: multipart/report; boundary=x\n\n"
        for index in 0..<2000 { text += "--x\nContent-Type: message/delivery-status\n\nFinal-Recipient: rfc822; r\(index)@example.com\nStatus: 5.1.1\n\n" }
        let result = try Formats.scan(text)
        // Parts beyond the cap are passed over and counted once; the multipart never closed counts too.
        #expect(result.events.count == MailReader.maximumParts)
        #expect(result.unparsableParts == 2)
    }

    @Test func aHeaderBlockOverTheCapIsCut() throws {
        var text = "Subject: Undelivered Mail Returned to Sender\n"
        for _ in 0..<2000 { text += "X-Filler: " + String(repeating: "y", count: 60) + "\n" }
        text += "\n<u@example.com>:\nRemote host said: 550 5.1.1 no such user\n"
        let result = try Formats.scan(text)
        #expect(result.unparsableParts == 1 && result.unparsableLines > 0)
        #expect(result.events.map(\.codes) == ["550 5.1.1 -"])
    }
}

/// Inputs the `events` fuzz target found (docs/reliability.md, "Findings"), kept as tests.
@Suite struct EventsFuzzRegressionTests {
    /// A `dsn=` field holding something other than an enhanced code was taken whole as the
    /// reply's enhanced code ("5liveror mo.1.1"). A status field now counts only when it is one.
    @Test func aBrokenDsnFieldIsNoEnhancedCode() throws {
        let postfix = "Mar  5 10:15:05 mail postfix/local[2358]: 5F6A7B8C9D: to=<kim@example.org>, relay=local, delay=0.1, dsn=5liveror mo.1.1, status=bounced (unknown user: \"kim\")"
        let event = try #require(try Formats.scan(postfix, format: .postfix).events.first)
        #expect(event.reply.enhancedCode == nil && event.recipient == "kim@example.org")
        let sendmail = "Mar  5 10:12:32 mail sm-mta[1]: 425AC1xY012345: to=<bob@example.com>, relay=mx. [192.0.2.1], dsn=5.1.1x, stat=User unknown"
        let other = try #require(try Formats.scan(sendmail, format: .sendmail).events.first)
        #expect(other.reply.enhancedCode == nil && other.outcome == .bounced)
    }
}

extension EventsFuzzRegressionTests {
    /// Every input kept in Fixtures/fuzz/ (the fuzz target's format byte, then the lines) passes
    /// the target's checks on each event.
    @Test func everyKeptFuzzInputPassesTheTargetsChecks() throws {
        let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/fuzz")
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasPrefix("events-") }
        try #require(!names.isEmpty)
        let formats: [InputFormat?] = [nil] + InputFormat.allCases
        for name in names {
            let bytes = Array(try Data(contentsOf: folder.appendingPathComponent(name)))
            guard let selector = bytes.first else { continue }
            let forced = formats[Int(selector) % formats.count]
            let result = try Formats.scan(bytes: Array(bytes.dropFirst()), format: forced)
            for event in result.events {
                if let code = event.reply.replyCode { #expect((200...599).contains(code), "\(name)") }
                if let enhanced = event.reply.enhancedCode {
                    #expect(enhanced.wholeMatch(of: /[245]\.[0-9]{1,3}\.[0-9]{1,3}/) != nil, "\(name): \(enhanced)")
                }
                #expect(event.recipient.map { !$0.isEmpty } ?? true, "\(name)")
            }
        }
    }
}
