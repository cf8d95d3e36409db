import Foundation
import CatalogLoading
import CatalogSearch
import ReplyExplainer
import SMTPCatalog

/// The catalog, synonyms and labels the program ships, loaded once per fuzzing
/// process: loading takes far longer than one input, so doing it per input would
/// leave the fuzzer measuring the loader instead of the parser under test.
/// scripts/fuzz.sh points SMTP_CODES_RESOURCES at the repository's Resources folder.
public enum BundledResources {
    public struct Loaded: Sendable {
        public let catalog: Catalog
        public let synonyms: SynonymTable
        public let labels: LabelTable
        public let index: SearchIndex
        public let classifier: ReasonClassifier
    }

    /// Loaded on first use (Swift initialises a static `let` once, thread-safely).
    public static let shared: Loaded = {
        guard let folder = ResourceLocator().resourcesFolder() else {
            fail("no Resources folder found; set \(ResourceLocator.environmentKey)")
        }
        do {
            let catalog = try CatalogLoader.load(from: folder.appendingPathComponent("catalog"))
            let synonyms = try SynonymTable.load(from: folder.appendingPathComponent("search/synonyms.json"))
            let labels = try LabelTable.load(.english, resources: folder)
            let index = SearchIndex(catalog: catalog, synonyms: synonyms)
            // Build the lazy index and the rules' automaton now so their cost is not charged to the first input.
            index.prepare()
            let classifier = ReasonClassifier(book: try ReasonBookLoader.load(resources: folder))
            classifier.prepare()
            return Loaded(catalog: catalog, synonyms: synonyms, labels: labels, index: index, classifier: classifier)
        } catch {
            fail("cannot load the bundled resources: \(error)")
        }
    }()

    private static func fail(_ message: String) -> Never {
        FileHandle.standardError.write(Data("fuzz: \(message)\n".utf8))
        exit(2)
    }
}
