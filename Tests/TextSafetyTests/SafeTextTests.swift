import Testing
import TextSafety

@Suite struct SafeTextTests {
    @Test func everyUnsafeScalarGetsAVisibleStandIn() {
        #expect(SafeText.visible("a\u{1B}[2Jb\u{07}\u{7F}\u{9B}\u{202E}\tz") == "a␛[2Jb␇␡\u{FFFD}\u{FFFD} z")
        #expect(SafeText.visible("plain text, é, 日本") == "plain text, é, 日本")
    }

    @Test func lineBreaksAreKeptOnlyWhenAsked() {
        #expect(SafeText.visible("one\ntwo\u{1B}") == "one␊two␛")
        #expect(SafeText.visible("one\ntwo\u{1B}", keepingLineBreaks: true) == "one\ntwo␛")
        #expect(SafeText.visible("a\rb", keepingLineBreaks: true) == "a␍b")
    }

    /// Printable ASCII is returned as it is after a look at its bytes; every other kind of
    /// text still goes through the scalars (a DEL or a C1 control right after ASCII too).
    @Test func printableASCIIPassesAndEverythingElseIsStillChecked() {
        let ascii = String(decoding: (0x20...0x7E).map { UInt8($0) }, as: UTF8.self)
        #expect(SafeText.visible(ascii) == ascii)
        #expect(SafeText.visible("tail\u{7F}") == "tail␡")
        #expect(SafeText.visible("tail\u{85}") == "tail\u{FFFD}")
        #expect(SafeText.visible("line\nbreak") == "line␊break")
        #expect(SafeText.visible("line\nbreak", keepingLineBreaks: true) == "line\nbreak")
        #expect(SafeText.visible("caf\u{E9}\u{1B}") == "caf\u{E9}␛")
    }

    @Test func theFirstControlCharacterIsNamed() {
        #expect(SafeText.firstControlCharacter(in: "ok \u{85} then \u{1B}") == "\u{85}")
        #expect(SafeText.firstControlCharacter(in: "nbsp\u{A0} and \u{2029}") == nil)
    }
}
