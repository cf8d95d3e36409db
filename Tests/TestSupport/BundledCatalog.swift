import Foundation
import CatalogLoading
import CatalogSearch
import ReplyExplainer
import SMTPCatalog

/// The catalog and labels the program ships, loaded the way the program loads them.
public enum BundledCatalog {
    public static var resources: URL {
        get throws {
            guard let folder = ResourceLocator().resourcesFolder() else {
                throw CatalogValidationError(issues: [CatalogIssue(file: "Resources", message: "bundle not found beside the test binary")])
            }
            return folder
        }
    }

    public static func load() throws -> Catalog {
        try CatalogLoader.load(from: resources.appendingPathComponent("catalog"))
    }

    public static func synonyms() throws -> SynonymTable {
        try SynonymTable.load(from: resources.appendingPathComponent("search/synonyms.json"))
    }

    public static func labels(_ language: Language = .english) throws -> LabelTable {
        try LabelTable.load(language, resources: resources)
    }

    /// Loaded once per test process and shared by the suites that only read it. Kept as a
    /// `Result` so that a catalog that fails to load fails each test that asks for it,
    /// instead of trapping (`try!`) and taking every other test down with it.
    private static let loaded = Result { () throws -> SearchIndex in
        SearchIndex(catalog: try load(), synonyms: try synonyms())
    }

    /// The shared search index over the bundled catalog and synonyms.
    public static func sharedIndex() throws -> SearchIndex { try loaded.get() }

    /// The reasons and fingerprint rules the program ships.
    public static func reasonBook() throws -> ReasonBook {
        try ReasonBookLoader.load(resources: resources)
    }

    private static let knowledge = Result { () throws -> (SearchIndex, ReasonClassifier) in
        let book = try reasonBook()
        let catalog = KnowledgeEntries.catalog(try load(), adding: book, labels: try labels())
        return (SearchIndex(catalog: catalog, synonyms: try synonyms()), ReasonClassifier(book: book))
    }

    /// The index the program runs on: the codes, then the provider replies and reasons as entries.
    public static func sharedIndexWithKnowledge() throws -> SearchIndex { try knowledge.get().0 }

    /// The classifier over the bundled reasons and rules, built once per test process.
    public static func sharedClassifier() throws -> ReasonClassifier { try knowledge.get().1 }

    /// The shared bundled catalog.
    public static func shared() throws -> Catalog { try loaded.get().catalog }
}
