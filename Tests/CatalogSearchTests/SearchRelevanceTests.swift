import Foundation
import Testing
import TestSupport
import CatalogLoading
@testable import CatalogSearch
import SMTPCatalog

/// Relevance measured on queries as people type them (Fixtures/search-queries-as-typed.json):
/// misspellings, fragments pasted from server replies, informal words and partial codes,
/// each with the one code an expert wants first. The set is kept independent of the
/// synonym table and the catalog's keywords (checked below), so it measures the search
/// rather than those tables against themselves.
@Suite struct SearchRelevanceTests {
    struct Query: Decodable {
        let query: String
        let expected: String
        let kind: String
    }

    struct QueryFile: Decodable { let queries: [Query] }

    static func queries() throws -> [Query] {
        try Fixture.decode(QueryFile.self, "Fixtures/search-queries-as-typed.json").queries
    }

    /// Just under the figures measured when the set was written (150 queries: hits@1
    /// 65 = 43.3%, hits@5 79 = 52.7%); a drop below them is a regression to look at, a
    /// rise a reason to raise them. Most misses are sentences pasted from replies and
    /// informal phrasings with a word no entry has: every word must match, so one
    /// foreign word ("that", "tried", a host name) leaves no result at all.
    static let minimumAt1 = 0.42
    static let minimumAt5 = 0.51

    @Test func theSetIsLargeVariedAndNamesRealCodes() throws {
        let queries = try Self.queries()
        let catalog = try BundledCatalog.shared()
        #expect(queries.count >= 100)
        #expect(Set(queries.map(\.query)).count == queries.count, "a query is repeated")
        for kind in ["typo", "pasted", "informal", "code"] {
            #expect(queries.filter { $0.kind == kind }.count >= 8, "too few \(kind) queries")
        }
        for query in queries {
            #expect(catalog.entry(forKey: query.expected) != nil, "'\(query.query)' expects \(query.expected), which the catalog lacks")
        }
    }

    /// No query is, word for word, a phrase of the synonym table, a keyword of its expected
    /// entry or that entry's title: the search has to get there on its own. Words are compared
    /// after a folding of this test's own (lower case, accents off, split at anything but
    /// letters and digits), so punctuation or case cannot hide a copy.
    @Test func queriesAreNotCopiedFromTheSynonymsKeywordsOrTitles() throws {
        let queries = try Self.queries()
        let catalog = try BundledCatalog.shared()
        let synonymFile = try BundledCatalog.resources.appendingPathComponent("search/synonyms.json")
        let object = try JSONSerialization.jsonObject(with: Data(contentsOf: synonymFile)) as? [String: Any]
        let groups = try #require(object?["groups"] as? [[String]], "synonyms.json has no groups")
        let phrases = Set(groups.joined().map(Self.words))
        #expect(phrases.count > 300, "the synonym table looks truncated: \(phrases.count) phrases")
        for query in queries {
            let words = Self.words(query.query)
            let entry = try #require(catalog.entry(forKey: query.expected))
            #expect(!phrases.contains(words), "'\(query.query)' is a synonym phrase")
            #expect(!entry.keywords.map(Self.words).contains(words), "'\(query.query)' is a keyword of \(entry.code)")
            #expect(Self.words(entry.title) != words, "'\(query.query)' is the title of \(entry.code)")
        }
    }

    private static func words(_ text: String) -> [String] {
        text.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
            .split { !$0.isLetter && !$0.isNumber }.map(String.init)
    }

    @Test func hitRatesStayAtTodaysLevel() throws {
        let queries = try Self.queries()
        let index = try BundledCatalog.sharedIndex()
        var overall = RelevanceScore()
        var byKind: [String: RelevanceScore] = [:]
        for query in queries {
            let top = RelevanceScore.top5(query.query, in: index)
            overall.record(query.query, top: top, acceptedFirst: [query.expected], acceptedInTop5: [query.expected])
            byKind[query.kind, default: RelevanceScore()]
                .record(query.query, top: top, acceptedFirst: [query.expected], acceptedInTop5: [query.expected])
        }
        print("search relevance (queries as typed): \(overall.summary)")
        for (kind, score) in byKind.sorted(by: { $0.key < $1.key }) { print("  \(kind): \(score.summary)") }
        for miss in overall.misses { print("  miss \(miss)") }
        #expect(overall.rateAt1 >= Self.minimumAt1, "\(overall.summary)")
        #expect(overall.rateAt5 >= Self.minimumAt5, "\(overall.summary)")
    }
}
