import Foundation
import ExplorerUI
import TerminalScreen
import Testing
import TestSupport
import CatalogLoading
import CatalogSearch
import SMTPCatalog

/// Whole screens as text at fixed sizes, compared with snapshots in Snapshots/.
@Suite struct ExplorerRenderTests {
    static let small = Size(width: 80, height: 24)
    static let large = Size(width: 120, height: 40)
    /// Just wide enough for the panes side by side, and the smallest usable size.
    static let medium = Size(width: 100, height: 30)
    static let minimum = Size(width: 60, height: 15)

    @discardableResult
    private func verify(_ events: [InputEvent], _ name: String, size: Size, language: Language = .english) throws -> ScreenBuffer {
        let (_, screen) = try ExplorerHarness.play(events, size: size, language: language)
        try Snapshot.verify(screen.text, named: "\(name).\(size.width)x\(size.height)")
        return screen
    }

    /// R reverse, H highlight (underline), M marked/bold, . plain.
    private func styleMask(_ screen: ScreenBuffer) -> String {
        screen.mask { cell in
            if cell.style.reverse { return "R" }
            if cell.style.underline { return "H" }
            if cell.style.bold && cell.style.foreground == .magenta { return "M" }
            return "."
        }
    }

    @Test(arguments: [small, medium, minimum, large]) func mainView(size: Size) throws {
        try verify([], "main", size: size)
    }

    @Test(arguments: [small, medium, minimum, large]) func searchHighlightsMatches(size: Size) throws {
        let screen = try verify(keys("/mailbox"), "search-mailbox", size: size)
        try Snapshot.verify(styleMask(screen), named: "search-mailbox-mask.\(size.width)x\(size.height)")
        #expect(styleMask(screen).contains("HHHHHHH"))
    }

    @Test(arguments: [small, large]) func detailScrolled(size: Size) throws {
        try verify(ExplorerHarness.find("553") + [key(.tab)] + keys("jjjjj"), "detail-scrolled", size: size)
    }

    @Test(arguments: [small, medium, minimum, large]) func comparison(size: Size) throws {
        let events = ExplorerHarness.find("553") + keys(" ") + [key(.escape)] + ExplorerHarness.find("334") + keys(" c")
        let screen = try verify(events, "compare-553-334", size: size)
        let verdict = screen.text.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.joined(separator: " ")
        #expect(verdict.contains("553 is a 5xx Permanent Negative Completion reply, while 334 is a 3xx Positive Intermediate reply."))
    }

    @Test(arguments: [small, large]) func marksShowInTheListAndHeader(size: Size) throws {
        let screen = try verify(keys(" jj "), "marked", size: size)
        try Snapshot.verify(styleMask(screen), named: "marked-mask.\(size.width)x\(size.height)")
    }

    @Test(arguments: [small, large]) func help(size: Size) throws {
        try verify(keys("?"), "help", size: size)
    }

    /// The Providers tab lists the providers' own replies; the detail pane shows one with its reason.
    @Test(arguments: [small, large]) func providersTab(size: Size) throws {
        let screen = try verify(keys("]]]"), "providers", size: size)
        #expect(screen.text.contains(" Providers ") && screen.text.contains("barracuda."))
    }

    /// A code's detail lists the provider replies and reasons that use it (5.7.26 → Gmail's DMARC rejection …).
    @Test(arguments: [small, large]) func codeDetailListsItsProviderReplies(size: Size) throws {
        let (state, _) = try ExplorerHarness.play(ExplorerHarness.find("5.7.26") + [key(.tab)], size: size)
        let lines = state.detailLineTexts
        let heading = try #require(lines.firstIndex(of: "Provider replies and reasons"))
        #expect(lines[(heading + 1)...].prefix(4).joined(separator: " ").contains("gmail."))
    }

    /// Two provider replies are marked and compared like codes.
    @Test(arguments: [small, large]) func twoProviderRepliesCompare(size: Size) throws {
        let events = ExplorerHarness.find("tss04") + keys(" ") + [key(.escape)] + ExplorerHarness.find("s3150") + keys(" c")
        let screen = try verify(events, "compare-providers", size: size)
        #expect(screen.text.contains("yahoo.tss04") && screen.text.contains("microsoft."))
    }

    @Test func tooSmall() throws {
        try verify([.resize(Size(width: 40, height: 10))], "too-small", size: Size(width: 40, height: 10))
    }

    @Test func stackedPanesWhenNarrow() throws {
        let screen = try verify([], "stacked", size: Size(width: 64, height: 24))
        #expect(screen.text.contains("Codes") && screen.text.contains("Details"))
    }

    @Test(arguments: [small, large]) func indonesianLabels(size: Size) throws {
        let events = ExplorerHarness.find("553") + keys(" ") + [key(.escape)] + ExplorerHarness.find("334") + keys(" c")
        let compare = try verify(events, "compare-id", size: size, language: .indonesian)
        #expect(compare.text.contains("Deskripsi"))
        // The whole comparison, as it scrolls past page by page: every section label is Indonesian.
        let (state, _) = try ExplorerHarness.play(events, size: size, language: .indonesian)
        let pages = try #require(state.compareLineCount) / Layout(size: size).compareRows
        let document = try (0...pages).map { page in
            try ExplorerHarness.play(events + Array(repeating: key(.pageDown), count: page), size: size, language: .indonesian).screen.text
        }.joined(separator: "\n")
        for label in ["Deskripsi", "Ketika Anda Melihatnya", "Cara Memperbaiki", "Perbedaan Utama",
                      "Kapan Menggunakan Yang Mana", "Pelajari Lebih Lanjut"] {
            #expect(document.contains(label), "missing \(label)")
        }
        let bottom = try ExplorerHarness.play(events + [key(.end)], size: size, language: .indonesian).screen.text
        #expect(bottom.contains("Pelajari Lebih Lanjut"))
        try verify([], "main-id", size: size, language: .indonesian)
    }

    @Test func monochromeKeepsSelectionAndMarksVisible() throws {
        let (_, screen) = try ExplorerHarness.play(keys(" j"), color: false)
        #expect(screen.cells.nonEmptyAllSatisfy { $0.style.foreground == .standard && $0.style.background == .standard })
        #expect(screen.cells.contains { $0.style.reverse })
        #expect(screen.cells.contains { $0.text == "●" && $0.style.bold })
    }
}
