import ExplorerUI
import Foundation
import TerminalScreen
import Testing
import TestSupport
import CatalogLoading
import CatalogSearch
import SMTPCatalog

/// A match in the part of a title that is cut off used to be drawn past the pane
/// (and, past the screen's edge, to trap).
@Suite struct HighlightClippingTests {
    /// A one-entry catalog whose 553 has a long title ending in "Zebraword".
    private func catalog() throws -> Catalog {
        let title = String(repeating: "Long title words ", count: 6).prefix(91) + "Zebraword"
        let entry: [String: Any] = [
            "code": "553", "kind": "basic", "class": 5, "class_name": "Permanent Negative Completion",
            "title": String(title), "summary": "s.", "description": "d.", "when": "w.", "fix": "f.",
            "commands": ["RCPT"], "rfcs": ["RFC 5321 §4.2.3"], "related": [], "keywords": ["k"], "standing": "standard",
        ]
        let data = try JSONSerialization.data(withJSONObject: ["schema": 1, "entries": [entry]])
        return try CatalogLoader.load(data: data, named: "zebra.json")
    }

    @Test(arguments: [Size(width: 100, height: 30), Size(width: 80, height: 24), Size(width: 60, height: 15), Size(width: 200, height: 30)])
    func highlightsStayInsideTheShownTitle(size: Size) throws {
        let catalog = try catalog()
        #expect(catalog.entries[0].title.count == 100)
        let state = AppState(index: SearchIndex(catalog: catalog), labels: try BundledCatalog.labels(), size: size)
        var terminal = ScriptedTerminal(size: size, events: keys("/zebraword"))
        let final = ExplorerLoop.run(&terminal, state: state, theme: Theme(usesColor: true)).state
        #expect(final.results.count == 1)
        let screen = ExplorerView(state: final, theme: Theme(usesColor: true)).render()
        // The title row: find it by its code, then check every highlighted cell holds a letter of "Zebraword".
        let row = try #require((0..<size.height).first { screen.line($0).contains("553") && screen.line($0).contains("Long title") })
        // The list pane ends at the first border after its left one; the detail pane may show the title too.
        let paneEnd = (1..<size.width).first { screen[$0, row].text == "│" } ?? size.width
        let pane = 0..<paneEnd
        let highlighted = pane.filter { screen[$0, row].style.underline }
        let shownWhole = pane.map { screen[$0, row].text }.joined().contains("Zebraword")
        if shownWhole {
            #expect(highlighted.map { screen[$0, row].text }.joined() == "Zebraword")
        } else {
            #expect(highlighted.isEmpty, "highlight drawn on \(highlighted.map { screen[$0, row].text }.joined())")
        }
    }

    /// A match that the ellipsis cuts is highlighted up to the ellipsis and no further:
    /// neither the `…` nor the pane's border nor the next pane take the highlight. The
    /// filler before "Zebraword" moves the word across the cut one cell at a time.
    @Test(arguments: [Size(width: 80, height: 24), Size(width: 120, height: 40)], 1...48)
    func aMatchCutByTheEllipsisIsHighlightedUpToIt(size: Size, fillerLength: Int) throws {
        let title = String(repeating: "y", count: fillerLength) + " Zebraword and the rest of a title far too long for the list pane"
        let entry: [String: Any] = [
            "code": "553", "kind": "basic", "class": 5, "class_name": "Permanent Negative Completion",
            "title": title, "summary": "s.", "description": "d.", "when": "w.", "fix": "f.",
            "commands": ["RCPT"], "rfcs": ["RFC 5321 §4.2.3"], "related": [], "keywords": ["k"], "standing": "standard",
        ]
        let data = try JSONSerialization.data(withJSONObject: ["schema": 1, "entries": [entry]])
        let catalog = try CatalogLoader.load(data: data, named: "zebra.json")
        let state = AppState(index: SearchIndex(catalog: catalog), labels: try BundledCatalog.labels(), size: size)
        var terminal = ScriptedTerminal(size: size, events: keys("/zebraword"))
        let final = ExplorerLoop.run(&terminal, state: state, theme: Theme(usesColor: true)).state
        #expect(final.results.count == 1)
        let screen = ExplorerView(state: final, theme: Theme(usesColor: true)).render()
        let row = try #require((0..<size.height).first { screen.line($0).hasPrefix("│ 553") })
        let paneEnd = try #require((1..<size.width).first { screen[$0, row].text == "│" })
        let titleStart = try #require((0..<paneEnd).first { screen[$0, row].text == "y" })
        let ellipsis = try #require((titleStart..<paneEnd).first { screen[$0, row].text == "…" })
        let wordStart = titleStart + fillerLength + 1
        let expected = Array(wordStart..<max(wordStart, min(wordStart + 9, ellipsis)))
        // The border is checked too: a highlight running on would restyle it.
        let highlighted = (0...paneEnd).filter { screen[$0, row].style.underline }
        #expect(highlighted == expected,
                "highlighted \"\(highlighted.map { screen[$0, row].text }.joined())\" in \"\(screen.line(row).prefix(paneEnd + 1))\"")
    }

    @Test func restylingPastTheEdgeDoesNothing() {
        var buffer = ScreenBuffer(size: Size(width: 10, height: 2))
        buffer.put("abcdefghij", x: 0, y: 0)
        let before = buffer
        buffer.restyle(x: 15, y: 0, width: 4) { $0.underline = true }
        buffer.restyle(x: -8, y: 0, width: 3) { $0.underline = true }
        buffer.restyle(x: 3, y: 0, width: -2) { $0.underline = true }
        buffer.fill(Rect(x: 12, y: 5, width: 3, height: 3))
        #expect(buffer == before)
        buffer.restyle(x: 8, y: 0, width: 5) { $0.underline = true }
        #expect((0..<10).filter { buffer[$0, 0].style.underline } == [8, 9])
    }
}
