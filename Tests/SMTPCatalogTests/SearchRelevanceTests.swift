import Foundation
import SMTPCatalog
import Testing
import TestSupport

/// The relevance set: realistic queries with the codes an expert expects.
/// Reports hits@1 and hits@5 and holds them to the targets (95% and 80%).
@Suite struct SearchRelevanceTests {
    struct Query: Decodable {
        let query: String
        let top5: [String]
        let first: [String]?
    }

    struct QueryFile: Decodable { let queries: [Query] }

    static let queries: [Query] = {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/search-relevance.json")
        return (try? JSONDecoder().decode(QueryFile.self, from: Data(contentsOf: url)))?.queries ?? []
    }()

    @Test func relevanceSetMeetsTheTargets() throws {
        #expect(Self.queries.count >= 50)
        let catalog = try BundledCatalog.load()
        let index = SearchIndex(catalog: catalog, synonyms: try BundledCatalog.synonyms())
        var hitsAt1 = 0, hitsAt5 = 0
        var misses: [String] = []
        for query in Self.queries {
            for code in query.top5 + (query.first ?? []) {
                #expect(catalog.entry(forKey: code) != nil, "relevance set names \(code), which the catalog lacks")
            }
            let top = index.search(query.query).prefix(5).map { catalog.entries[$0.entryIndex].code }
            let firstOK = top.first.map { (query.first ?? query.top5).contains($0) } ?? false
            let fiveOK = top.contains { query.top5.contains($0) }
            if firstOK { hitsAt1 += 1 }
            if fiveOK { hitsAt5 += 1 }
            if !firstOK || !fiveOK { misses.append("\(fiveOK ? "@1" : "@5") '\(query.query)': got \(top), want \(query.first ?? query.top5)") }
        }
        let total = Double(Self.queries.count)
        let at1 = Double(hitsAt1) / total, at5 = Double(hitsAt5) / total
        print("search relevance: hits@1 \(hitsAt1)/\(Self.queries.count) = \(Int(at1 * 100))%, hits@5 \(hitsAt5)/\(Self.queries.count) = \(Int(at5 * 100))%")
        for miss in misses { print("  miss \(miss)") }
        #expect(at5 >= 0.95, "hits@5 \(at5)")
        #expect(at1 >= 0.80, "hits@1 \(at1)")
    }
}

@Suite struct SearchBehaviourTests {
    let catalog: Catalog
    let index: SearchIndex

    init() throws {
        catalog = try BundledCatalog.load()
        index = SearchIndex(catalog: catalog, synonyms: try BundledCatalog.synonyms())
    }

    private func codes(_ query: String, _ count: Int = 5) -> [String] {
        index.search(query).prefix(count).map { catalog.entries[$0.entryIndex].code }
    }

    @Test func exactCodesComeFirst() {
        #expect(codes("553").first == "553")
        #expect(codes("5.1.3").first == "X.1.3")
        #expect(codes("x.1.1").first == "X.1.1")
        #expect(codes("4.2.2").first == "X.2.2")
    }

    @Test func codePrefixesAndPatterns() {
        let fifties = index.search("55").map { catalog.entries[$0.entryIndex].code }.prefix(while: { $0.hasPrefix("55") })
        #expect(fifties.count >= 7)
        #expect(codes("55x", 3).allSatisfy { $0.hasPrefix("55") })
        #expect(codes("5.7").allSatisfy { $0.hasPrefix("X.7.") })
        #expect(codes("5.7.*").allSatisfy { $0.hasPrefix("X.7.") })
        #expect(codes("5.7.2", 3).contains("X.7.2"))
        #expect(codes("5.7.54").first == "X.7.X", "an unregistered detail finds its subject")
    }

    @Test func typosAreForgiven() {
        #expect(codes("authentcation").contains { ["535", "X.7.8", "530", "X.7.0", "235"].contains($0) })
        #expect(codes("mailbx ful").contains("X.2.2"))
        // A misspelt word still being typed: "athent" is one edit from the start of "authentication".
        #expect(!index.search("athent").isEmpty)
    }

    @Test func synonymsFromTheDataFile() {
        #expect(codes("over quota").contains("X.2.2"))
        #expect(codes("graylisting") == codes("greylisting"))
    }

    @Test func fzfOperators() {
        let excluded = index.search("mailbox !full").map { catalog.entries[$0.entryIndex].code }
        #expect(!excluded.contains("X.2.2") && !excluded.isEmpty)
        #expect(codes("^Mailbox").allSatisfy { catalog.entry(forKey: $0)!.title.hasPrefix("Mailbox") })
        #expect(codes("Full$").allSatisfy { catalog.entry(forKey: $0)!.title.hasSuffix("Full") })
        let either = Set(codes("spf | dkim", 40))
        #expect(either.contains("X.7.23") && either.contains("X.7.20"))
        #expect(!codes("'greylist").isEmpty)
    }

    @Test func smartCase() {
        let lower = index.search("starttls").count
        let exactCase = index.search("STARTTLS").count
        #expect(exactCase > 0 && exactCase <= lower)
        #expect(index.search("StartTLS-nonsense").isEmpty)
    }

    @Test func oneLetterMatchesTitleWordsStartingWithIt() {
        let results = index.search("m").map { catalog.entries[$0.entryIndex] }
        #expect(!results.isEmpty)
        #expect(results.allSatisfy { entry in
            entry.title.lowercased().split(whereSeparator: { !$0.isLetter && !$0.isNumber }).contains { $0.hasPrefix("m") }
        })
        let highlighter = SearchHighlighter(query: SearchQuery("m"), index: index)
        #expect(highlighter.ranges(in: "Mailbox Full") == [0..<1])
    }

    @Test func everyWordMustMatch() {
        #expect(index.search("mailbox zzzzqqq").isEmpty)
    }

    @Test func highlightsPointAtTheMatchedWords() throws {
        let query = SearchQuery("mailbox", synonyms: index.synonyms)
        let highlighter = SearchHighlighter(query: query, index: index)
        let entry = try #require(catalog.entry(forKey: "X.2.2"))
        let title = Array(entry.title)
        let ranges = highlighter.ranges(in: entry.title)
        #expect(ranges.contains { String(title[$0]).lowercased() == "mailbox" })
    }
}
