import Foundation
import Testing
import TestSupport
import CatalogLoading
@testable import CatalogSearch
import SMTPCatalog

/// The ranking rules on small made-up catalogs, where the expected order follows
/// from the rule alone: field weights, a phrase worth its weakest word, standing
/// before catalog order.
@Suite struct SearchRankingTests {
    /// Entries with the given overrides, codes 550, 551, … in order.
    private func index(_ overrides: [[String: Any]], synonyms: [[String]] = []) throws -> SearchIndex {
        try index(codes: overrides.indices.map { String(550 + $0) }, overrides, synonyms: synonyms)
    }

    private func index(codes: [String], _ overrides: [[String: Any]], synonyms: [[String]] = []) throws -> SearchIndex {
        let entries = zip(codes, overrides).map { CatalogFixture.entry($0, overrides: $1) }
        let catalog = try CatalogLoader.load(data: CatalogFixture.document(entries), named: "ranking.json")
        return SearchIndex(catalog: catalog, synonyms: SynonymTable(groups: synonyms))
    }

    private func order(_ query: String, _ index: SearchIndex) -> [String] {
        index.search(query).map { index.catalog.entries[$0.entryIndex].code }
    }

    @Test func aWordRanksByTheFieldItIsIn() throws {
        let fields = ["fix", "when", "description", "summary", "keywords", "title"]
        let index = try index(fields.map { field in
            [field: field == "keywords" ? ["zebra"] as Any : "The zebra is in the \(field)." as Any]
        })
        // Catalog order is 550 (fix) … 555 (title): the ranking must reverse it.
        #expect(order("zebra", index) == ["555", "554", "553", "552", "551", "550"])
    }

    /// A phrase whose words sit in different fields is worth its weakest word, so it
    /// ranks below an entry holding the whole phrase in one lesser field.
    @Test func aSplitPhraseIsWorthItsWeakestWord() throws {
        let index = try index([
            ["title": "Alpha Thing", "fix": "Mind the beta."],
            ["summary": "About alpha beta here."],
            ["title": "Alpha Beta"],
        ], synonyms: [["alpha beta", "omega"]])
        #expect(order("alpha beta", index) == ["552", "551", "550"])
    }

    /// Separate words add up: an entry matching both words in its title beats one
    /// matching one of them there and the other in its fix.
    @Test func separateWordsAddUp() throws {
        let index = try index([
            ["title": "Alpha Thing", "fix": "Mind the gamma."],
            ["title": "Alpha Gamma"],
        ])
        #expect(order("alpha gamma", index) == ["551", "550"])
    }

    /// A code typed in full outranks the codes it is a prefix of (5.7.1 of 5.7.10), even
    /// when their words match better: code scores dwarf text scores, exact ones most.
    @Test func anExactCodeOutranksCodesItIsAPrefixOf() throws {
        let index = try index(codes: ["X.7.1", "X.7.10"], [["fix": "Mind the zebra."], ["title": "Zebra"]])
        #expect(order("5.7.1 zebra", index) == ["X.7.1", "X.7.10"])
        #expect(order("5.7.1", index) == ["X.7.1", "X.7.10"])
    }

    @Test func equalScoresPutStandardCodesFirstThenCatalogOrder() throws {
        let index = try index([
            ["title": "Zebra One", "standing": "non-standard", "caveat": "Sent by some servers."],
            ["title": "Zebra Two"],
            ["title": "Zebra Three"],
        ])
        #expect(order("zebra", index) == ["551", "552", "550"])
    }
}
