import Foundation
import Testing
import TestSupport
import CatalogLoading
@testable import CatalogSearch
import SMTPCatalog

/// The search rules of the README, on the bundled catalog.
@Suite struct SearchBehaviourTests {
    let catalog: Catalog
    let index: SearchIndex

    init() throws {
        index = try BundledCatalog.sharedIndex()
        catalog = index.catalog
    }

    private func codes(_ query: String, _ count: Int = 5) -> [String] {
        index.search(query).prefix(count).map { catalog.entries[$0.entryIndex].code }
    }

    private func title(_ code: String) -> String { catalog.entry(forKey: code)?.title ?? "" }

    @Test func exactCodesComeFirst() {
        #expect(codes("553").first == "553")
        #expect(codes("5.1.3").first == "X.1.3")
        #expect(codes("x.1.1").first == "X.1.1")
        #expect(codes("4.2.2").first == "X.2.2")
    }

    @Test func codePrefixesAndPatterns() {
        let fifties = index.search("55").map { catalog.entries[$0.entryIndex].code }.prefix(while: { $0.hasPrefix("55") })
        #expect(fifties.count >= 7)
        #expect(codes("55x", 3).count == 3 && codes("55x", 3).allSatisfy { $0.hasPrefix("55") })
        #expect(codes("5.7").count == 5 && codes("5.7").allSatisfy { $0.hasPrefix("X.7.") })
        #expect(codes("5.7.*").count == 5 && codes("5.7.*").allSatisfy { $0.hasPrefix("X.7.") })
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
        let grey = codes("greylisting")
        #expect(!grey.isEmpty && codes("graylisting") == grey)
    }

    @Test func fzfOperators() {
        let excluded = index.search("mailbox !full").map { catalog.entries[$0.entryIndex].code }
        #expect(!excluded.contains("X.2.2") && !excluded.isEmpty)
        #expect(codes("^Mailbox").nonEmptyAllSatisfy { title($0).hasPrefix("Mailbox") })
        #expect(codes("Full$").nonEmptyAllSatisfy { title($0).hasSuffix("Full") })
        let either = Set(codes("spf | dkim", 40))
        #expect(either.contains("X.7.23") && either.contains("X.7.20"))
        #expect(!codes("'greylist").isEmpty)
    }

    /// A capital letter makes the word match as typed: fewer results, each with the word as typed.
    @Test func smartCase() throws {
        let lower = index.search("mailbox").map(\.entryIndex)
        let exact = index.search("Mailbox").map(\.entryIndex)
        #expect(!exact.isEmpty && exact.count < lower.count)
        for entryIndex in exact {
            let entry = catalog.entries[entryIndex]
            let texts = [entry.title, entry.summary, entry.description, entry.when, entry.fix] + entry.keywords
            #expect(texts.contains { $0.contains("Mailbox") }, "\(entry.code) lacks 'Mailbox'")
        }
        let starttls = index.search("STARTTLS").count
        #expect(starttls > 0 && starttls <= index.search("starttls").count)
        #expect(index.search("StartTLS-nonsense").isEmpty)
    }

    @Test func oneLetterMatchesTitleWordsStartingWithIt() {
        let results = index.search("m").map { catalog.entries[$0.entryIndex] }
        #expect(results.nonEmptyAllSatisfy { entry in
            entry.title.lowercased().split(whereSeparator: { !$0.isLetter && !$0.isNumber }).contains { $0.hasPrefix("m") }
        })
        let highlighter = SearchHighlighter(query: SearchQuery("m"), index: index)
        #expect(highlighter.ranges(in: "Mailbox Full") == [0..<1])
    }

    @Test func everyWordMustMatch() {
        #expect(!index.search("mailbox").isEmpty)
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
