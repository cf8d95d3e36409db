import Foundation

/// Interface labels in one language, read from `Resources/locales/<lang>.json`.
/// Missing keys fall back to English, so a partial translation still reads.
public struct LabelTable: Sendable {
    public let language: Language
    private let labels: [String: String]
    private let fallback: [String: String]

    public init(language: Language, labels: [String: String], fallback: [String: String] = [:]) {
        self.language = language
        self.labels = labels
        self.fallback = fallback
    }

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
        do {
            return try JSONDecoder().decode([String: String].self, from: data)
        } catch {
            throw CatalogValidationError(issues: [CatalogIssue(
                file: "locales/\(language.rawValue).json", message: "must be an object of string labels")])
        }
    }

    public var keys: Set<String> { Set(labels.keys) }

    /// The label for `key`; an unknown key shows itself, which a test catches.
    public subscript(_ key: String) -> String {
        labels[key] ?? fallback[key] ?? key
    }

    /// The label with `%1$@`, `%2$@`, … replaced by the arguments in order.
    public func format(_ key: String, _ arguments: String...) -> String {
        var text = self[key]
        for (index, argument) in arguments.enumerated().reversed() {
            text = text.replacingOccurrences(of: "%\(index + 1)$@", with: argument)
        }
        return text
    }
}
