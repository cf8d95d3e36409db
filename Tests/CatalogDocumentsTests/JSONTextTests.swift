import Foundation
import Testing
@testable import CatalogDocuments

/// The byte-level JSON string writer behind `--ndjson`: what it writes must read back,
/// through Foundation's parser, as exactly the text it was given.
@Suite struct JSONTextTests {
    private func roundTrip(_ text: String) throws -> String? {
        let literal = JSONText.quoted(text)
        let parsed = try JSONSerialization.jsonObject(with: Data("[\(literal)]".utf8)) as? [String]
        return parsed?.first
    }

    @Test func escapesQuotesBackslashesAndEveryControlCharacter() throws {
        #expect(JSONText.quoted(#"say "hi" \ bye"#) == #""say \"hi\" \\ bye""#)
        #expect(JSONText.quoted("a\nb\rc\td") == #""a\nb\rc\td""#)
        #expect(JSONText.quoted("\u{0}\u{1B}\u{1F}") == #""\u0000\u001b\u001f""#)
        for value in 0..<0x20 {
            let text = "x" + String(UnicodeScalar(UInt8(value))) + "y"
            #expect(try roundTrip(text) == text)
        }
    }

    @Test func leavesSlashesDeletesAndNonASCIIAsTheyAre() throws {
        let text = "https://example.com/a?b=c \u{7F} café 日本 🙂 \u{2028}"
        #expect(JSONText.quoted(text) == "\"" + text + "\"")
        #expect(try roundTrip(text) == text)
    }

    @Test func anyTextReadsBackAsItself() throws {
        // Deterministic pseudo-random texts over a mix of ASCII, controls and wider scalars.
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        let alphabet: [Character] = ["a", "Z", "0", " ", "\"", "\\", "/", "\n", "\r", "\t", "\u{0}", "\u{1B}", "\u{7F}", "é", "日", "🙂", "\u{200B}"]
        for _ in 0..<300 {
            var text = ""
            state = state &* 6364136223846793005 &+ 1442695040888963407
            for step in 0..<Int(state >> 58) {
                text.append(alphabet[Int((state >> UInt64(step % 50)) % UInt64(alphabet.count))])
            }
            #expect(try roundTrip(text) == text)
            var appended = Array("prefix".utf8)
            JSONText.appendQuoted(text, to: &appended)
            #expect(appended == Array(("prefix" + JSONText.quoted(text)).utf8))
        }
    }
}
