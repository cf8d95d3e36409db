import Foundation
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
}
