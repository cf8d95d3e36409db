@testable import TerminalScreen
import TextSafety
import Testing

/// `ScreenBuffer.put` and `TextWrapper.wrap` take shortcuts for the text nearly every frame
/// holds; each must give what the general path (graphemes, widths, stand-ins) gives.
@Suite struct TextFastPathTests {
    private static let narrowScalars: [Unicode.Scalar] = (0...0x2FFF).compactMap(Unicode.Scalar.init)
        .filter(ScreenBuffer.isNarrowCharacterOfItsOwn)

    @Test func eachNarrowScalarIsOneSafeCharacterOneColumnWide() {
        #expect(Self.narrowScalars.count == 95 + 95 + 24 + 160)
        for scalar in Self.narrowScalars {
            #expect(DisplayWidth.of(Character(scalar)) == 1, "U+\(String(scalar.value, radix: 16))")
            #expect(!SafeText.isUnsafe(scalar))
            // Beside any other of them it stays a character of its own.
            let text = String(String.UnicodeScalarView([scalar, "─", scalar, "a", scalar, "…", scalar]))
            #expect(text.count == 7, "U+\(String(scalar.value, radix: 16)) joined a neighbour")
        }
        for excluded: UInt32 in [0x1F, 0x7F, 0x85, 0x9F, 0xAD, 0x200B, 0x200D, 0x2028, 0x202A, 0x0301, 0x3042, 0xFE0F] {
            #expect(!ScreenBuffer.isNarrowCharacterOfItsOwn(Unicode.Scalar(excluded)!))
        }
    }

    /// The general path is forced by a wide character after the text, which the width
    /// given leaves out: the cells written must be the same.
    @Test(arguments: ["┌──── Codes 154 of 154 ────┐", "│", "Überweisung · RFC 5321 §4.2.3 — “quoted” …", "▏▕█░", "é", "a…"])
    func narrowTextIsWrittenAsTheGeneralPathWritesIt(text: String) {
        let style = Style(foreground: .cyan, bold: true)
        for (x, maxWidth) in [(0, 60), (3, 10), (-2, 8), (5, 1), (0, 0)] {
            var fast = ScreenBuffer(size: Size(width: 40, height: 1))
            var general = fast
            let fastColumns = fast.put(text, x: x, y: 0, maxWidth: maxWidth, style: style)
            let columns = min(text.unicodeScalars.count, maxWidth, 40 - x)
            let generalColumns = general.put(text + "日", x: x, y: 0, maxWidth: max(0, columns), style: style)
            #expect(fast == general, "\(text) at \(x), \(maxWidth)")
            #expect(fastColumns == generalColumns)
        }
    }

    /// A paragraph of something else (here "é", which takes the general path) does not
    /// change how the others wrap, so wrapping ASCII alone must match wrapping it with one.
    @Test func asciiWrapsAsTheGeneralPathWrapsIt() {
        var generator = SystemRandomNumberGenerator()
        let alphabet = Array("ab cd  e\nfghijklmnop   qrstuvwxyz-.,;:!?()[]{}<>\"'`~@#$%^&*_+=|/\\0123456789")
        for _ in 0..<300 {
            let length = Int.random(in: 0...90, using: &generator)
            let text = String((0..<length).map { _ in alphabet.randomElement(using: &generator)! })
            for width in [1, 3, 7, 20, 80] {
                for breaking in [true, false] {
                    let ascii = TextWrapper.wrap(text, width: width, breakingLongWords: breaking)
                    let mixed = TextWrapper.wrap(text + "\né", width: width, breakingLongWords: breaking)
                    #expect(mixed == ascii + ["é"], "\(text.debugDescription) at \(width)")
                }
            }
        }
    }
}
