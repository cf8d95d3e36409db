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

    @Test func theFirstControlCharacterIsNamed() {
        #expect(SafeText.firstControlCharacter(in: "ok \u{85} then \u{1B}") == "\u{85}")
        #expect(SafeText.firstControlCharacter(in: "nbsp\u{A0} and \u{2029}") == nil)
    }
}
