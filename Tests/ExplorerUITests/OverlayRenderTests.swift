import Foundation
import ExplorerUI
import TerminalScreen
import Testing
import TestSupport
import CatalogLoading
import CatalogSearch
import SMTPCatalog

/// The explorer over the bundled catalog with a catalog of the user's own laid over it
/// (docs/catalog.md, "Your own codes"): the added code is listed, found and shown, and
/// the detail pane says which file it comes from.
@Suite struct OverlayRenderTests {
    /// A home folder holding `.config/smtp-codes/catalog/team.json`, so that the file
    /// shows as `~/.config/…` whatever the temporary folder is.
    private static func withTeamCatalog<T>(_ body: (Catalog) throws -> T) throws -> T {
        let home = FileManager.default.temporaryDirectory.appendingPathComponent("home-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: home) }
        let folder = home.appendingPathComponent(".config/smtp-codes/catalog")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try CatalogFixture.document([
            CatalogFixture.entry("599", overrides: [
                "title": "Relay Refused by Our Gateway", "summary": "The in-house gateway refuses the recipient.",
                "related": ["550"], "keywords": ["gateway"], "standing": "non-standard",
            ]),
            ["code": "550", "fix": "Ask postmaster@example.org to check the mailbox."],
        ]).write(to: folder.appendingPathComponent("team.json"))
        let codes = try CatalogLoader.load(from: try BundledCatalog.resources.appendingPathComponent("catalog"),
                                           overlays: [folder], home: home.path)
        let catalog = KnowledgeEntries.catalog(codes, adding: try BundledCatalog.reasonBook(), labels: try BundledCatalog.labels())
        return try body(catalog)
    }

    private static func play(_ events: [InputEvent], catalog: Catalog, size: Size) throws -> ScreenBuffer {
        let state = AppState(catalog: catalog, labels: try BundledCatalog.labels(), size: size,
                             synonyms: try BundledCatalog.synonyms())
        var terminal = ScriptedTerminal(size: size, events: events)
        let outcome = ExplorerLoop.run(&terminal, state: state, theme: Theme(usesColor: true))
        return ExplorerView(state: outcome.state, theme: Theme(usesColor: true)).render()
    }

    @Test func anAddedCodeShowsWhereItComesFrom() throws {
        let size = Size(width: 80, height: 24)
        let screen = try Self.withTeamCatalog { try Self.play(keys("/gateway") + [key(.enter)], catalog: $0, size: size) }
        try Snapshot.verify(screen.text, named: "overlay-599.80x24")
        // Listed first: the code's title and keyword match best.
        let rows = screen.text.split(separator: "\n")
        #expect(rows[2].hasPrefix("│ 599 ") && rows[2].contains("5xx   Relay Refused by Our Gateway"))
        #expect(screen.text.contains("│ From ~/.config/smtp-codes/catalog/team.json"))
    }

    @Test func aChangedCodeNamesTheFieldsChanged() throws {
        let size = Size(width: 80, height: 24)
        let screen = try Self.withTeamCatalog { try Self.play(ExplorerHarness.find("550"), catalog: $0, size: size) }
        #expect(screen.text.contains("│ Changed by ~/.config/smtp-codes/catalog/team.json: fix"), "\(screen.text)")
    }

    /// The added code is in the list, in code order, and counted.
    @Test func theListHoldsTheAddedCode() throws {
        try Self.withTeamCatalog { catalog in
            let bundled = try BundledCatalog.shared()
            #expect(catalog.codeEntries.count == bundled.entries.count + 1)
            let state = AppState(catalog: catalog, labels: try BundledCatalog.labels(), size: Size(width: 120, height: 40))
            #expect(state.selectedEntry?.code == "211")
            let screen = try Self.play(ExplorerHarness.find("599"), catalog: catalog, size: Size(width: 120, height: 40))
            #expect(screen.text.contains("599 Relay Refused by Our Gateway"))
        }
    }
}
