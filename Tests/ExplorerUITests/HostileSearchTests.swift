import ExplorerUI
import Foundation
import TerminalScreen
import Testing
import TestSupport
import CatalogLoading
import CatalogSearch
import SMTPCatalog

/// The explorer's search line fed what people paste and what fuzzers find:
/// typed key by key and pasted whole, at the smallest usable size and a wide one.
@Suite struct HostileSearchTests {
    static let inputs: [(name: String, text: String)] = [
        ("escape sequences", "\u{1B}[2J\u{1B}]0;pwned\u{07}\u{9B}1m550 \u{1B}[31m5.1.1"),
        ("long word", String(repeating: "a", count: 3_000)),
        ("wide characters", String(repeating: "中", count: 500)),
        ("combining marks", "e" + String(repeating: "\u{301}", count: 300) + " mailbox"),
        ("invalid UTF-8, repaired", String(decoding: [0xFF, 0xFE, 0xC0, 0x80, 0x20, 0x35, 0x35, 0x30] as [UInt8], as: UTF8.self)),
        ("NUL and controls", "550\u{0}5.1.1\u{0}\u{8}\u{7F}mailbox\r\nfull"),
        ("operators only", "| ! ' ^ $ | !! ^$ '' * x.x.x X.X.X"),
        ("a whole bounce", String(repeating: "550-5.7.26 This mail has been blocked because the sender is unauthenticated.\n", count: 40)),
    ]

    @Test(arguments: inputs.indices, [Size(width: 60, height: 15), Size(width: 160, height: 50)])
    func searchLineSurvives(input: Int, size: Size) throws {
        let text = Self.inputs[input].text
        // Typed: every character as a key (control characters arrive as what the decoder makes of them).
        let typed = keys("/") + text.prefix(400).map { InputEvent.key(.character($0)) } + [key(.enter)]
        let pasted: [InputEvent] = [key(.escape), .paste(text), key(.down), key(.enter)]
        let (_, screen, quit) = try ExplorerHarness.run(typed + pasted, size: size)
        #expect(!quit)
        let unsafe = screen.cells.first { cell in
            cell.text.unicodeScalars.contains { ($0.value < 0x20) || (0x7F...0x9F).contains($0.value) }
        }
        #expect(unsafe == nil, "\(Self.inputs[input].name): a cell holds a control character")
    }
}
