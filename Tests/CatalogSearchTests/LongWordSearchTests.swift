import Foundation
import Testing
import TestSupport
import CatalogLoading
@testable import CatalogSearch
import SMTPCatalog

/// Search words longer than any catalog word used to trap (issue #9).
@Suite struct LongWordSearchTests {
    private static let index: SearchIndex? = {
        guard let catalog = try? BundledCatalog.load(), let synonyms = try? BundledCatalog.synonyms() else { return nil }
        return SearchIndex(catalog: catalog, synonyms: synonyms)
    }()

    /// Words longer than every catalog word used to index past the typo table (SIGILL).
    @Test(arguments: [
        String(repeating: "a", count: 66),
        String(repeating: "a", count: 70),
        String(repeating: "中", count: 23),
        String(repeating: "x", count: 300),
        "mailbox " + String(repeating: "q", count: 200) + " full",
        String(repeating: "é", count: 40) + "*",
    ])
    func aWordLongerThanAnyCatalogWordMatchesNothing(query: String) throws {
        let index = try #require(Self.index)
        #expect(index.search(query).isEmpty)
    }

    /// The typo table has no length cap: a long catalog word is still found with a typo.
    @Test func longCatalogWordsAreFoundWithATypo() throws {
        let long = String(repeating: "ab", count: 45) + "zebraword"
        let entry = CatalogFixture.entry("553", overrides: ["title": "Title with \(long)"])
        let catalog = try CatalogLoader.load(data: CatalogFixture.document([entry]), named: "long.json")
        let index = SearchIndex(catalog: catalog)
        let typo = String(long.dropLast(1)) + "x"
        #expect(index.search(typo).map(\.entryIndex) == [0])
        #expect(index.search(long + "qq").map(\.entryIndex) == [0])
        #expect(index.search(long + String(repeating: "q", count: 9)).isEmpty)
    }
}
