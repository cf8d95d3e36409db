import FoundationEssentials
import SMTPCatalog

extension LabelTable {
    /// Loads the table for `language` from a resources folder.
    public static func load(_ language: Language, resources: URL) throws -> LabelTable {
        let english = try readTable(resources, .english)
        let labels = language == .english ? english : try readTable(resources, language)
        return LabelTable(language: language, labels: labels, fallback: english)
    }

    public static func readTable(_ resources: URL, _ language: Language) throws -> [String: String] {
        let file = resources.appendingPathComponent("locales/\(language.rawValue).json")
        guard let data = FileManager.default.contents(atPath: file.path) else {
            throw CatalogValidationError(issues: [CatalogIssue(file: "locales/\(language.rawValue).json", message: "cannot be read")])
        }
        let shapeError = CatalogValidationError(issues: [CatalogIssue(
            file: "locales/\(language.rawValue).json", message: "must be an object of string labels")])
        // The byte-level reader rather than JSONDecoder, whose generic decoding is much
        // slower: the labels are read before the explorer's first screen.
        guard case .object(let members)? = try? JSONParser.withParser(data, { try $0.parseDocument() }) else { throw shapeError }
        return try members.mapValues { value in
            guard case .string(let text) = value else { throw shapeError }
            return text
        }
    }
}
