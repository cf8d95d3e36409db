import Foundation
import Testing
import CatalogLoading
import SMTPCatalog
import TestSupport

/// `--lang id` reads the bundled catalog's titles and summaries and the reason titles in
/// Indonesian: every code and reason has them, and they are laid over quietly.
@Suite struct TranslationTests {
    @Test func everyCodeHasAnIndonesianTitleAndSummary() throws {
        let resources = try BundledCatalog.resources
        let english = try BundledCatalog.load()
        let indonesian = try CatalogLoader.load(from: resources.appendingPathComponent("catalog"),
                                                translation: resources.appendingPathComponent("locales/catalog-id.json"))
        #expect(indonesian.entries.count == english.entries.count)
        var untranslated: [String] = []
        for (ours, theirs) in zip(indonesian.entries, english.entries) {
            #expect(ours.code == theirs.code && ours.description == theirs.description)
            // Translated quietly: the detail pane reports no change.
            #expect(ours.overlays.isEmpty)
            if ours.title == theirs.title || ours.summary == theirs.summary { untranslated.append(ours.code) }
        }
        #expect(untranslated.isEmpty, "not translated: \(untranslated)")
        #expect(indonesian.entry(forKey: "553")?.title == "Nama Mailbox Tidak Valid")
    }

    @Test func everyReasonHasAnIndonesianTitle() throws {
        let resources = try BundledCatalog.resources
        let book = try BundledCatalog.reasonBook()
        let titles = try ReasonBookLoader.titles(for: .indonesian, resources: resources)
        #expect(Set(titles.keys) == Set(book.reasons.map(\.id)))
        let translated = book.withTitles(titles)
        #expect(translated.reason("greylisted")?.title == titles["greylisted"] && translated.reason("greylisted")?.meaning == book.reason("greylisted")?.meaning)
        #expect(try ReasonBookLoader.titles(for: .english, resources: resources).isEmpty)
    }
}
