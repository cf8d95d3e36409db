import Testing
import TestSupport
import CatalogLoading
@testable import CatalogSearch
import SMTPCatalog

@Suite struct VocabularyTests {
    /// Large catalogs are tokenised in parts on several cores and merged; the merge must
    /// give exactly what one pass over every entry gives.
    @Test(arguments: [2, 3, 7])
    func tokenisingInPartsGivesTheSameIndex(parts: Int) throws {
        let entries = try BundledCatalog.load().entries
        let whole = Vocabulary(entries: entries, parts: 1)
        let split = Vocabulary(entries: entries, parts: parts)
        #expect(split.words == whole.words)
        #expect(whole.words.count > 500)
        for id in whole.words.indices {
            #expect(Array(split.postings(of: id)) == Array(whole.postings(of: id)), "postings of \(whole.words[id])")
        }
        #expect(!whole.titleInitials.isEmpty && split.titleInitials == whole.titleInitials)
    }

    @Test func postingsNameTheEntriesAndFieldsAWordIsIn() throws {
        let catalog = try BundledCatalog.load()
        let vocabulary = Vocabulary(entries: catalog.entries)
        let id = try #require(vocabulary.id(of: "greylisting"))
        let entries = vocabulary.postings(of: id).map { catalog.entries[Int($0 >> 8)] }
        #expect(!entries.isEmpty)
        for (posting, entry) in zip(vocabulary.postings(of: id), entries) {
            let fields = SearchField.textFields.filter { posting & (1 << UInt32($0.bit)) != 0 }
            #expect(!fields.isEmpty)
            for field in fields {
                #expect(SearchText.fold(field.text(of: entry)).contains("greylisting"), "\(entry.code) \(field)")
            }
        }
    }
}
