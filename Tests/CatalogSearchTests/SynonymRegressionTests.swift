import Foundation
import Testing
import TestSupport
import CatalogLoading
@testable import CatalogSearch
import SMTPCatalog

/// A regression check of the synonym table and the code patterns, not a relevance
/// measure: most of these queries (Fixtures/synonym-regression.json) are phrases of
/// Resources/search/synonyms.json or keywords of the codes they expect, and many
/// accept any of several codes. What it catches is a phrase that stops reaching its
/// codes, through an edit of the table or of how queries are expanded. Relevance is
/// measured by SearchRelevanceTests on queries independent of the table.
@Suite struct SynonymRegressionTests {
    struct Query: Decodable {
        let query: String
        let top5: [String]
        let first: [String]?
    }

    struct QueryFile: Decodable { let queries: [Query] }

    @Test func synonymPhrasesAndCodePatternsStillReachTheirCodes() throws {
        let queries = try Fixture.decode(QueryFile.self, "Fixtures/synonym-regression.json").queries
        #expect(queries.count >= 100)
        let index = try BundledCatalog.sharedIndex()
        var score = RelevanceScore()
        for query in queries {
            for code in query.top5 + (query.first ?? []) {
                #expect(index.catalog.entry(forKey: code) != nil, "the set names \(code), which the catalog lacks")
            }
            score.record(query.query, top: RelevanceScore.top5(query.query, in: index),
                         acceptedFirst: Set(query.first ?? query.top5), acceptedInTop5: Set(query.top5))
        }
        print("synonym regression set: \(score.summary)")
        for miss in score.misses { print("  miss \(miss)") }
        #expect(score.rateAt5 >= 0.95, "\(score.summary)")
        #expect(score.rateAt1 >= 0.80, "\(score.summary)")
    }
}
