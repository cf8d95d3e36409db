import FoundationEssentials
import SMTPCatalog

extension LabelTable {
    /// Loads the table for `language` from a resources folder.
    public static func load(_ language: Language, resources: URL) throws -> LabelTable {
        try load(language, resourcesPath: resources.path)
    }

    /// `load(_:resources:)` with the resources folder's path, for the explorer's start (`PathNames`).
    public static func load(_ language: Language, resourcesPath: String) throws -> LabelTable {
        let english = try readTable(resourcesPath, .english)
        let labels = language == .english ? english : try readTable(resourcesPath, language)
        return LabelTable(language: language, labels: labels, fallback: english)
    }

    public static func readTable(_ resources: URL, _ language: Language) throws -> [String: String] {
        try readTable(resources.path, language)
    }

    static func readTable(_ resourcesPath: String, _ language: Language) throws -> [String: String] {
        // Mapped, as catalog files are: `FileManager` is not otherwise used before the first screen.
        guard let data = MappedFile(path: PathNames.join(resourcesPath, "locales/\(language.rawValue).json")) else {
            throw CatalogValidationError(issues: [CatalogIssue(file: "locales/\(language.rawValue).json", message: "cannot be read")])
        }
        let shapeError = CatalogValidationError(issues: [CatalogIssue(
            file: "locales/\(language.rawValue).json", message: "must be an object of string labels")])
        // The byte-level reader rather than JSONDecoder, whose generic decoding is much
        // slower, and straight into the table: the labels are read before the explorer's
        // first screen. A label given twice keeps the last, as a JSON object's member does.
        do {
            return try JSONParser.withParser(data) { parser in
                guard parser.peekType() == .object else { throw shapeError }
                var labels: [String: String] = [:]
                labels.reserveCapacity(256)
                var members = try parser.beginObject()
                while try parser.next(in: &members) {
                    let key = try parser.readKey()
                    guard parser.peekType() == .string else { throw shapeError }
                    labels[key] = try parser.readString()
                }
                try parser.expectEnd()
                return labels
            }
        } catch {
            throw shapeError
        }
    }
}
