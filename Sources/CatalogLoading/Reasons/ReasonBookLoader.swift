import FoundationEssentials
import SMTPCatalog

/// Reads and validates `reasons/reasons.json`, `reasons/codes.json` and every
/// `rules/*.json` of a resources folder. Every problem of every file is reported
/// together, each naming its file, rule and field (exit 65, like the catalog).
public enum ReasonBookLoader {
    /// Reason and rule files are small; a larger one is a wrong path, not data.
    static let maximumFileBytes = 16 << 20

    public static func load(resources: URL) throws -> ReasonBook {
        try load(reasonsFolder: resources.appendingPathComponent("reasons"),
                 rulesFolder: resources.appendingPathComponent("rules"))
    }

    public static func load(reasonsFolder: URL, rulesFolder: URL) throws -> ReasonBook {
        var issues: [CatalogIssue] = []
        let reasonsFile = reasonsFolder.appendingPathComponent("reasons.json")
        let reasons = document(reasonsFile, list: "reasons", issues: &issues).map {
            ReasonReader.reasons($0.items, file: $0.name, issues: &issues)
        } ?? []
        let known = Set(reasons.map(\.id))
        if !reasons.isEmpty, !known.contains(Reason.unclassifiedID) {
            issues.append(CatalogIssue(file: "reasons/reasons.json", message: "must define the reason \"\(Reason.unclassifiedID)\""))
        }
        let codesFile = reasonsFolder.appendingPathComponent("codes.json")
        let byCode = document(codesFile, list: "by_code", issues: &issues).map {
            ReasonReader.codeReasons($0.items, file: $0.name, known: known, issues: &issues)
        } ?? []
        var rules: [FingerprintRule] = []
        var seen = Set<String>()
        for file in ruleFiles(in: rulesFolder, issues: &issues) {
            guard let parsed = document(file, list: "rules", issues: &issues) else { continue }
            let expected = file.deletingPathExtension().lastPathComponent
            let fileRules = RuleReader.rules(parsed.top, items: parsed.items, file: parsed.name, expectedSource: expected,
                                             known: known, issues: &issues)
            for rule in fileRules {
                if seen.insert(rule.id).inserted {
                    rules.append(rule)
                } else {
                    issues.append(CatalogIssue(file: parsed.name, entry: rule.id, field: "id", message: "is used by another rule"))
                }
            }
        }
        guard issues.isEmpty else { throw CatalogValidationError(issues: issues) }
        return ReasonBook(reasons: reasons, rules: rules, byCode: byCode)
    }

    /// The reason titles of `locales/reasons-<language>.json` (`{"schema": 1, "reasons": [{"id", "title"}]}`),
    /// checked like the reasons themselves; empty when the language has no such file.
    public static func titles(for language: Language, resources: URL) throws -> [String: String] {
        let url = resources.appendingPathComponent("locales/reasons-\(language.rawValue).json")
        guard FileManager.default.fileExists(atPath: url.path) else { return [:] }
        var issues: [CatalogIssue] = []
        var titles: [String: String] = [:]
        if let parsed = document(url, list: "reasons", issues: &issues) {
            for (position, object) in parsed.items.enumerated() {
                var reader = ObjectReader(object, file: parsed.name, entry: "#\(position + 1)", allowed: ["id", "title"])
                if let id = reader.text("id"), let title = reader.text("title") { titles[id] = title }
                issues += reader.issues
            }
        }
        guard issues.isEmpty else { throw CatalogValidationError(issues: issues) }
        return titles
    }

    /// Reads a file shaped `{"schema": 1, "<list>": [objects]}`.
    private static func document(
        _ url: URL, list: String, issues: inout [CatalogIssue]
    ) -> (name: String, top: [String: JSONValue], items: [[String: JSONValue]])? {
        let name = url.deletingLastPathComponent().lastPathComponent + "/" + url.lastPathComponent
        let contents: BoundedInput.Contents
        do {
            contents = try BoundedInput.read(path: url.path, limit: maximumFileBytes)
        } catch {
            issues.append(CatalogIssue(file: name, message: "cannot be read: \(error)"))
            return nil
        }
        guard !contents.wasCut else {
            issues.append(CatalogIssue(file: name, message: "is larger than \(maximumFileBytes >> 20) MiB"))
            return nil
        }
        let value: JSONValue
        do {
            value = try JSONParser.withParser(contents.data) { try $0.parseDocument() }
        } catch {
            issues.append(CatalogIssue(file: name, message: "is not valid JSON: \(error)"))
            return nil
        }
        guard case .object(let top) = value else {
            issues.append(CatalogIssue(file: name, message: "must be an object {\"schema\": 1, \"\(list)\": […]}"))
            return nil
        }
        guard top["schema"] == .number(Double(CatalogLoader.schemaVersion)) else {
            issues.append(CatalogIssue(file: name, field: "schema", message: "must be \(CatalogLoader.schemaVersion)"))
            return nil
        }
        guard case .array(let values)? = top[list] else {
            issues.append(CatalogIssue(file: name, field: list, message: "must be an array of objects"))
            return nil
        }
        var items: [[String: JSONValue]] = []
        for (position, value) in values.enumerated() {
            guard case .object(let object) = value else {
                issues.append(CatalogIssue(file: name, entry: "#\(position + 1)", message: "must be an object, found \(value.typeName)"))
                continue
            }
            items.append(object)
        }
        return (name, top, items)
    }

    private static func ruleFiles(in folder: URL, issues: inout [CatalogIssue]) -> [URL] {
        guard case .success(let names) = FolderNames.at(folder.path) else {
            issues.append(CatalogIssue(file: folder.lastPathComponent, message: "rules folder cannot be read"))
            return []
        }
        return names.filter { $0.hasSuffix(".json") }.sorted().map { folder.appendingPathComponent($0) }
    }
}
