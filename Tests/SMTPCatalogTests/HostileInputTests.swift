import Foundation
import Testing
import TestSupport
@testable import SMTPCatalog

/// Inputs found to crash or hang the program, kept so the fixes stay fixed.
@Suite struct HostileInputTests {
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

    /// A file of opening brackets overflowed the stack (SIGSEGV): nesting is bounded.
    @Test(arguments: ["[", "{\"a\":"])
    func deepNestingIsAnErrorNotACrash(opener: String) throws {
        let text = String(repeating: opener, count: 100_000)
        let bytes = Array(text.utf8)
        #expect(throws: JSONParser.Failure.self) {
            try JSONParser.withParser(bytes) { try $0.parseDocument() }
        }
        let issues = CatalogFixture.issues(data: Data(bytes))
        #expect(issues.count == 1)
        #expect(issues.first?.message.contains("nested more than \(JSONParser.maximumDepth) deep") == true)
    }

    @Test func nestingUpToTheLimitIsRead() throws {
        let depth = JSONParser.maximumDepth
        let text = String(repeating: "[", count: depth) + String(repeating: "]", count: depth)
        var value = try JSONParser.withParser(Array(text.utf8)) { try $0.parseDocument() }
        var levels = 0
        while case .array(let items) = value {
            levels += 1
            guard let first = items.first else { break }
            value = first
        }
        #expect(levels == depth)
        let deeper = "[" + text + "]"
        #expect(throws: JSONParser.Failure.self) {
            try JSONParser.withParser(Array(deeper.utf8)) { try $0.parseDocument() }
        }
    }
}
