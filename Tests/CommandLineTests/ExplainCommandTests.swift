import Foundation
import Testing
import TestSupport

@Suite struct ExplainCommandTests {
    struct Reply: Decodable, Equatable, CustomStringConvertible {
        let replyCode: String?
        let enhancedCode: String?
        let command: String?
        let permanent: Bool
        enum CodingKeys: String, CodingKey { case replyCode = "reply_code", enhancedCode = "enhanced_code", command, permanent }
        var description: String { "\(replyCode ?? "-") \(enhancedCode ?? "-") \(command ?? "-") \(permanent ? "permanent" : "not permanent")" }
    }

    struct Explained: Decodable {
        struct Code: Decodable { let code: String }
        let replyCode: String?
        let enhancedCode: String?
        let command: String?
        let text: String
        let permanent: Bool
        let basic: Code?
        let enhanced: Code?
        let verdict: String
        let fault: String
        let reason: String
        let hard: Bool
        let whoActs: String
        let provider: String?
        let providerCode: String?
        let rule: String?
        let notes: [String]
        enum CodingKeys: String, CodingKey {
            case replyCode = "reply_code", enhancedCode = "enhanced_code", command, text, permanent, basic, enhanced, verdict, fault, notes
            case reason, hard, whoActs = "who_acts", provider, providerCode = "provider_code", rule
        }
        var reply: Reply { Reply(replyCode: replyCode, enhancedCode: enhancedCode, command: command, permanent: permanent) }
    }

    struct Case: Decodable {
        struct Expected: Decodable {
            let replyCode: String?
            let enhancedCode: String?
            let command: String?
            let permanent: Bool
            let contradiction: Bool
            /// Asked of some cases only: the reason the words give (docs/reasons.md).
            let reason: String?
            enum CodingKeys: String, CodingKey {
                case replyCode = "reply_code", enhancedCode = "enhanced_code", command, permanent, contradiction, reason
            }
        }
        let id: String
        let source: String
        let input: String
        let replies: [Expected]
    }

    struct CaseFile: Decodable { let cases: [Case] }

    /// Read on each use: a missing or broken file fails the test rather than leaving it no cases.
    static func cases() throws -> [Case] {
        try Fixture.decode(CaseFile.self, "Fixtures/explain-cases.json").cases
    }

    private func explain(_ input: String) throws -> (ProcessResult, [Explained]) {
        let result = try ProcessRunner.smtpCodes(["explain", "--json"], stdin: input)
        let replies = result.stdout.isEmpty ? [] : try JSONDecoder().decode([Explained].self, from: Data(result.stdout.utf8))
        return (result, replies)
    }

    @Test func theTestSetIsLargeAndVaried() throws {
        let cases = try Self.cases()
        #expect(cases.count >= 80)
        #expect(Set(cases.map(\.source)).count >= 10)
    }

    /// Every case of the test set: codes, command, permanence and contradictions as a person would read them.
    @Test func explainsEveryCaseOfTheTestSet() throws {
        // One process for all cases would blur failures; one per case keeps them apart and stays fast enough.
        let cases = try Self.cases()
        try #require(!cases.isEmpty)
        var failures: [String] = []
        for testCase in cases {
            let (result, replies) = try explain(testCase.input)
            let expected = testCase.replies.map {
                Reply(replyCode: $0.replyCode, enhancedCode: $0.enhancedCode, command: $0.command, permanent: $0.permanent)
            }
            if replies.map(\.reply) != expected {
                failures.append("\(testCase.id): expected \(expected), got \(replies.map(\.reply))")
                continue
            }
            if expected.isEmpty && result.status != 1 { failures.append("\(testCase.id): exit \(result.status), wanted 1") }
            for (reply, wanted) in zip(replies, testCase.replies) {
                let noted = reply.notes.contains { $0.contains("classes disagree") }
                if noted != wanted.contradiction { failures.append("\(testCase.id): contradiction note \(noted)") }
                if let reason = wanted.reason, reason != reply.reason { failures.append("\(testCase.id): reason \(reply.reason), wanted \(reason)") }
            }
        }
        let report = "\(failures.count) of \(cases.count) cases failed:\n" + failures.joined(separator: "\n")
        #expect(failures.isEmpty, "\(report)")
    }

    @Test func argumentsAndStandardInputGiveTheSameAnswer() throws {
        let line = "550 5.1.1 <user@example.com>: Recipient address rejected: User unknown"
        let fromArgument = try ProcessRunner.smtpCodes(["explain", "--json", line])
        let fromDash = try ProcessRunner.smtpCodes(["explain", "--json", "-"], stdin: line)
        let fromStdin = try ProcessRunner.smtpCodes(["explain", "--json"], stdin: line + "\n")
        #expect(fromArgument.status == 0 && fromArgument.stdout.contains("\"5.1.1\""))
        #expect(fromArgument.stdout == fromDash.stdout && fromDash.stdout == fromStdin.stdout)
    }

    @Test func jsonCarriesTheCatalogEntriesAndTheVerdict() throws {
        let (_, replies) = try explain("host mx.example.com[192.0.2.1] said: 550 5.1.1 <u@example.com>: User unknown (in reply to RCPT TO command)")
        let reply = try #require(replies.first)
        #expect(replies.count == 1)
        #expect(reply.basic?.code == "550" && reply.enhanced?.code == "5.1.1" && reply.command == "RCPT")
        #expect(reply.permanent && reply.verdict.hasPrefix("Permanent failure"))
        #expect(reply.reason == "recipient_unknown" && reply.hard && reply.whoActs == "sender")
        #expect(reply.fault.contains("the sender"))
        #expect(reply.text == "<u@example.com>: User unknown")
    }

    @Test func multiLineRepliesAreJoined() throws {
        let input = """
            550-5.7.26 This mail is unauthenticated, which poses a security risk to the
            550-5.7.26 sender and Gmail users, and has been blocked. The sender must
            550 5.7.26 authenticate with at least one of SPF or DKIM.
            """
        let (_, replies) = try explain(input)
        #expect(replies.count == 1)
        #expect(replies.first?.enhanced?.code == "5.7.26")
        #expect(replies.first?.text.hasPrefix("This mail is unauthenticated") == true)
        #expect(replies.first?.text.hasSuffix("SPF or DKIM.") == true)
    }

    @Test func unregisteredDetailIsExplainedByClassAndSubject() throws {
        let (_, replies) = try explain("550 5.7.54 SMTP; Unable to relay recipient in non-accepted domain")
        let reply = try #require(replies.first)
        #expect(reply.enhanced == nil)
        #expect(reply.notes.contains { $0.contains("5.7.54") && $0.contains("Security or Policy") && $0.contains("vendor specific") })
    }

    @Test func contradictoryClassesAreReported() throws {
        let (_, replies) = try explain("554 4.4.7 Message expired")
        #expect(replies.first?.notes.contains { $0.contains("classes disagree") } == true)
        #expect(replies.first?.permanent == true)
    }

    @Test func nonStandardBasicCodeGetsItsEntryAndACaveat() throws {
        let (_, replies) = try explain("541 5.4.1 Recipient address rejected: Access denied")
        #expect(replies.first?.basic?.code == "541")
        #expect(replies.first?.notes.contains { $0.contains("not defined by any RFC") } == true)
    }

    @Test func inputWithoutACodeExitsOne() throws {
        let (result, replies) = try explain("the weather at mx.example.com[192.0.2.1] is fine today")
        #expect(replies.isEmpty && result.status == 1)
        #expect(result.stderr.contains("no SMTP reply code"))
    }

    /// A diagnostic without codes that a rule knows is explained by its words.
    @Test func aKnownDiagnosticWithoutCodesIsExplained() throws {
        let (result, replies) = try explain("connect to mx.example.com[192.0.2.1]:25: Connection timed out")
        #expect(result.status == 0 && replies.count == 1)
        #expect(replies.first?.replyCode == nil && replies.first?.reason == "network_error" && replies.first?.rule != nil)
    }

    @Test func plainOutputIsReadableAndSafe() throws {
        let result = try ProcessRunner.smtpCodes(["explain"], stdin: "550 5.1.1 bad \u{1B}]0;pwned\u{07} user")
        #expect(result.status == 0)
        #expect(result.stdout.contains("Permanent failure") && result.stdout.contains("What to do"))
        #expect(!result.stdout.contains("\u{1B}") && !result.stdout.contains("\u{07}"))
    }

    @Test func interactiveStandardInputWithoutArgumentsShowsHowToUseIt() throws {
        let session = try TmuxSession(command: "'\(BinaryLocator.binary.path)' explain; echo EXIT=$?; sleep 600", width: 100, height: 20)
        let screen = try session.require("EXIT=")
        #expect(screen.contains("EXIT=64") && screen.contains("smtp-codes explain"))
    }
}
