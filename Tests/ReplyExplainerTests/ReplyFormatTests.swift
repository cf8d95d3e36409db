import Foundation
import Testing
@testable import ReplyExplainer
import SMTPCatalog
import TestSupport

/// The plain reply format reads line by line, on bytes, what `ReplyFinder` reads from the
/// whole text with `ReplyParser`'s regular expressions: the two must agree.
@Suite struct ReplyFormatTests {
    private struct Case: Decodable { let id: String; let input: String }
    private struct CaseFile: Decodable { let cases: [Case] }

    private func agree(_ input: String, _ label: String) throws {
        let expected = ReplyFinder.replies(in: input, classifier: try Formats.classifier())
        let result = try Formats.scan(input, format: .reply)
        #expect(result.events.map(\.reply) == expected, "\(label): \(input.debugDescription)")
    }

    /// The 162 inputs of explain's test set.
    @Test func explainsTestSetReadsTheSame() throws {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("../CommandLineTests/Fixtures/explain-cases.json")
        let cases = try JSONDecoder().decode(CaseFile.self, from: Data(contentsOf: url)).cases
        try #require(cases.count > 100)
        for item in cases { try agree(item.input, item.id) }
    }

    /// The labelled and held-out replies, one by one and all together as one text.
    @Test func labelledRepliesReadTheSame() throws {
        for name in ["labelled-replies", "labelled-replies-holdout"] {
            let lines = try LabelledRepliesTests.lines(name)
            for line in lines { try agree(line.text, name) }
        }
    }

    /// Detected as whatever they are, explain's cases give the same codes and commands.
    @Test func detectionKeepsExplainsReadings() throws {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("../CommandLineTests/Fixtures/explain-cases.json")
        let cases = try JSONDecoder().decode(CaseFile.self, from: Data(contentsOf: url)).cases
        let classifier = try Formats.classifier()
        for item in cases {
            let expected = ReplyFinder.replies(in: item.input, classifier: classifier)
            let result = try Formats.scan(item.input)
            let codes = { (reply: ParsedReply) in
                "\(reply.replyCode.map(String.init) ?? "-") \(reply.enhancedCode ?? "-") \(reply.command ?? "-")"
            }
            #expect(result.events.map { codes($0.reply) } == expected.map(codes), "\(item.id) read as \(result.format.map(\.rawValue) ?? "?")")
        }
    }

    /// Token soup of the things the patterns look for (codes, leads, phrases, status fields,
    /// white space beyond ASCII), with a fixed seed: the byte reader against the patterns.
    @Test func randomTextReadsTheSame() throws {
        let tokens = ["550", "451", "250", "5.1.1", "4.7.0", "5.12.1", "2.0.0", " ", " ", "-", ":", ": ", ";", "(", ")", "#", "\"", "'",
                      "[", "]", "<", ">", "=", "in reply to ", "RCPT", "rcpt to", "DATA", "end of data", "after ", "pipelined ",
                      "mail from", "EHLO", "command", "Status:", "status: ", "dsn=", "x", "User unknown", "\n", "\n", "\t", "(#5.1.1)",
                      "refused to talk to me", "reject: RCPT from", "end-of-message", "_", ".", "1", "5", "\u{a0}", "\r",
                      "(in reply to RCPT TO command)", "550-", "550 ", "5.7.1", "said: ", "=550 5.7.1 ", "auth", "o", ","]
        var generator = SplitMix(seed: 12)
        for _ in 0..<400 {
            var input = ""
            for _ in 0..<Int.random(in: 1...14, using: &generator) { input += tokens.randomElement(using: &generator)! }
            try agree(input, "random")
        }
    }

    @Test func withoutStrayClosersOnBytesMatchesCharacters() {
        let pieces = ["(", ")", "[", "]", "<", ">", "\"", "'", " ", "\t", "a", "User unknown", "  "]
        var generator = SplitMix(seed: 5)
        for _ in 0..<5000 {
            var text = ""
            for _ in 0..<Int.random(in: 0...10, using: &generator) { text += pieces.randomElement(using: &generator)! }
            #expect(ReplyParser.withoutStrayClosersASCII(text) == ReplyParser.withoutStrayClosersByCharacter(text), "\(text.debugDescription)")
        }
        #expect(ReplyParser.withoutStrayClosersASCII("é)") == nil)
    }

    /// Code prefixes inside a one-line multi-line reply become line breaks on bytes as they do
    /// through `ReplyParser`, wherever the code's digits fall (the search starts at the digit).
    @Test func repeatedPrefixesOnBytesMatchTheParser() {
        let pieces = [" ", "550", "-", "5.1.1", "55", "0", "x", " 550-5.1.1 ", " 550 5.1.1 ", " 550-", "é", "5"]
        var generator = SplitMix(seed: 21)
        for _ in 0..<5000 {
            var text = ""
            for _ in 0..<Int.random(in: 0...9, using: &generator) { text += pieces.randomElement(using: &generator)! }
            for enhanced in [nil, "5.1.1"] as [String?] {
                let reply = ParsedReply(replyCode: 550, enhancedCode: enhanced, command: nil, text: text)
                #expect(ReplyText.withoutRepeatedPrefixes(text, code: 550, enhanced: enhanced)
                        == ReplyParser.withoutRepeatedPrefixes(text, of: reply), "\(text.debugDescription)")
            }
        }
    }

    /// The shortcut for texts with plain ends, and the byte path, give what Characters give,
    /// with marks, non-ASCII spaces and brackets at either end.
    @Test func withoutStrayClosersMatchesCharactersOnAnyText() {
        let pieces = ["(", ")", "[", "]", "<", ">", "\"", "'", " ", "\t", "a", "Z", "é", "\u{301}", "\u{00A0}", "\u{600}", ".",
                      "User unknown", "\r\n", "-"]
        var generator = SplitMix(seed: 8)
        for _ in 0..<5000 {
            var text = ""
            for _ in 0..<Int.random(in: 0...8, using: &generator) { text += pieces.randomElement(using: &generator)! }
            #expect(ReplyParser.withoutStrayClosers(text) == ReplyParser.withoutStrayClosersByCharacter(text), "\(text.debugDescription)")
        }
    }

    /// Replies arrive as the lines that end them are read; memory holds a window, not the input.
    @Test func longInputsStream() throws {
        var text = ""
        for index in 0..<500 { text += "550-5.1.1 line \(index)\n550 5.1.1 end \(index)\nStatus: 4.2.2\n451 try later\n" }
        let result = try Formats.scan(text, format: .reply)
        #expect(result.events.count == 1000)
        // Each continuation joins its reply; the first status field fills the 451 after it, and
        // later ones repeat a code a reply in reach already carries, so they go (as in ReplyParser).
        #expect(result.events.first?.reply.text == "line 0\nend 0")
        #expect(result.events[1].codes == "451 4.2.2 -")
        #expect(result.events.allSatisfy { $0.codes == "550 5.1.1 -" || $0.codes.hasPrefix("451 ") })
    }

    @Test func aDiagnosticWithoutCodesIsReadWhenARuleKnowsIt() throws {
        let result = try Formats.scan("connect to mx.example.com[192.0.2.10]:25: Connection timed out", format: .reply)
        #expect(result.events.map(\.codes) == ["- - -"] && result.events.first?.outcome == .unknown)
        #expect(try Formats.scan("nothing to see here", format: .reply).events.isEmpty)
    }
}
