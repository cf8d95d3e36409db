import CatalogDocuments
import SMTPCatalog
import Testing
import TestSupport

/// The sections of an entry are written once (`EntrySections`) and read by the
/// explorer's detail pane, the comparison and the command line.
@Suite struct EntrySectionsTests {
    @Test func sectionsComeInOneOrderWithOptionalOnesOnlyWhenPresent() throws {
        let catalog = try BundledCatalog.load()
        let labels = try BundledCatalog.labels()
        let order = DocumentSection.Kind.allCases
        var sawCaveat = false, sawRelated = false, sawSeenAfter = false
        for entry in catalog.entries {
            let kinds = EntrySections.sections(of: entry, labels: labels).map(\.kind)
            #expect(kinds == order.filter { kinds.contains($0) }, "\(entry.code): \(kinds)")
            #expect(kinds.contains(.caveat) == (entry.caveat != nil))
            #expect(kinds.contains(.related) == !entry.related.isEmpty)
            #expect(kinds.contains(.seenAfter) == !entry.seenAfter.isEmpty)
            sawCaveat = sawCaveat || entry.caveat != nil
            sawRelated = sawRelated || !entry.related.isEmpty
            sawSeenAfter = sawSeenAfter || !entry.seenAfter.isEmpty
        }
        #expect(sawCaveat && sawRelated && sawSeenAfter)
    }

    @Test func referencesCarryTheirAddresses() throws {
        let entry = try #require(try BundledCatalog.load().resolve("553")).entry
        let references = try #require(EntrySections.section(.references, of: entry, labels: try BundledCatalog.labels()))
        #expect(references.links.count == entry.rfcs.count)
        #expect(references.links.nonEmptyAllSatisfy { $0.contains("https://www.rfc-editor.org/rfc/rfc") })
        #expect(references.text == entry.rfcs.map(\.description).joined(separator: ", "))
    }

    /// The detail pane shows every section but the search keywords, in the same order, with the same headings.
    @Test func theDetailPaneShowsTheSectionsInOrder() throws {
        let resolved = try #require(try BundledCatalog.load().resolve("421"))
        let labels = try BundledCatalog.labels()
        let headings = DetailDocument.lines(for: resolved, labels: labels, width: 60).filter { $0.role == .heading }.map(\.text)
        let expected = EntrySections.sections(of: resolved.entry, labels: labels).filter { $0.kind != .keywords }.map(\.heading)
        #expect(headings == expected)
        #expect(!headings.isEmpty)
    }

    /// What practice adds has its own heading, after the commands the RFCs list.
    @Test func practiceIsShownApartFromTheRFCsCommands() throws {
        let entry = try #require(try BundledCatalog.load().resolve("554")).entry
        let labels = try BundledCatalog.labels()
        let commands = try #require(EntrySections.section(.commands, of: entry, labels: labels))
        let seenAfter = try #require(EntrySections.section(.seenAfter, of: entry, labels: labels))
        #expect(commands.text == "CONNECT, DATA")
        #expect(seenAfter.heading == "Also seen after (practice)" && seenAfter.text.contains("RCPT"))
        let indonesian = try BundledCatalog.labels(.indonesian)
        #expect(EntrySections.section(.seenAfter, of: entry, labels: indonesian)?.heading == "Juga terlihat setelah (praktik)")
        // A code no RFC defines names no command of the RFCs' and says so.
        let unofficial = try #require(try BundledCatalog.load().resolve("571")).entry
        #expect(EntrySections.section(.commands, of: unofficial, labels: labels)?.text == "(none named by an RFC)")
    }

    /// A part only one side has faces "(none)" under the same heading.
    @Test func theComparisonShowsPracticeWhenOneSideHasIt() throws {
        let catalog = try BundledCatalog.load()
        let labels = try BundledCatalog.labels()
        let comparison = Comparison(left: try #require(catalog.resolve("554")), right: try #require(catalog.resolve("553")),
                                    catalog: catalog, labels: labels)
        let lines = CompareDocument.lines(for: comparison, labels: labels, width: 120)
        let heading = try #require(lines.firstIndex { $0.left.role == .heading && $0.left.text == "Also seen after (practice)" })
        #expect(lines[heading].right?.text == "Also seen after (practice)")
        #expect(lines[heading + 1].left.text.contains("RCPT") && lines[heading + 1].right?.text == "(none)")
    }

    @Test func theComparisonSetsTheComparedSectionsSideBySide() throws {
        let catalog = try BundledCatalog.load()
        let labels = try BundledCatalog.labels()
        let left = try #require(catalog.resolve("334")), right = try #require(catalog.resolve("553"))
        let comparison = Comparison(left: left, right: right, catalog: catalog, labels: labels)
        let headings = CompareDocument.lines(for: comparison, labels: labels, width: 120)
            .filter { $0.left.role == .heading && $0.right != nil }.map(\.left.text)
        let sections = EntrySections.sections(of: left.entry, labels: labels)
        #expect(headings == EntrySections.compared.compactMap { kind in sections.first { $0.kind == kind }?.heading })
    }
}
