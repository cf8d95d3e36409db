@testable import SMTPCatalog
import Testing

/// `LabelTable.format` replaces placeholders on bytes (`replacingBytes`) when the label is
/// ASCII; the result must be what the standard library's `replacing` gives.
@Suite struct LabelFormatTests {
    @Test func byteReplacementMatchesReplacing() {
        var generator = SystemRandomNumberGenerator()
        let pieces = ["%1$@", "%2$@", "%1$", "$@", "%", "@", " of ", "x", "%%1$@", "·"]
        for _ in 0..<500 {
            let text = (0..<Int.random(in: 0...8, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined()
            for target in ["%1$@", "%2$@", "@"] {
                for replacement in ["", "154", "%1$@", "日本 é"] {
                    #expect(text.replacingBytes(of: target, with: replacement)
                            == text.replacing(target, with: replacement), "\(text) \(target) \(replacement)")
                }
            }
        }
    }

    @Test func placeholdersAreFilledLastFirst() {
        let table = LabelTable(language: .english, labels: ["count": "%1$@ of %2$@", "odd": "%2$@ then %1$@ · done"])
        #expect(table.format("count", "3", "154") == "3 of 154")
        // The second argument is put in first, so a placeholder it holds is filled by the first.
        #expect(table.format("count", "3", "%1$@") == "3 of 3")
        #expect(table.format("odd", "a", "b") == "b then a · done")
    }
}
