import Foundation

/// Reads catalog JSON from a file or a folder of files and validates all of it
/// before anything is shown, so a broken catalog never reaches the screen.
public enum CatalogLoader {
    /// The schema version this program reads (`"schema": 1` at the top of each file).
    public static let schemaVersion = 1

    /// Loads one `.json` file, or every `.json` file in a folder (sorted by name).
    /// Throws `CatalogValidationError` listing every problem, each naming its file.
    public static func load(from url: URL) throws -> Catalog {
        let files = try catalogFiles(at: url)
        var entries: [CatalogEntry] = []
        var issues: [CatalogIssue] = []
        var references: [Reference] = []
        var firstFileForCode: [String: String] = [:]
        for file in files {
            let name = displayName(of: file, under: url)
            let (fileEntries, fileIssues, fileReferences) = parse(file: file, named: name)
            issues += fileIssues
            references += fileReferences
            for entry in fileEntries {
                if let earlier = firstFileForCode[entry.code] {
                    issues.append(CatalogIssue(
                        file: name, entry: entry.code, field: "code",
                        message: "duplicate code, already defined in \(earlier)"))
                } else {
                    firstFileForCode[entry.code] = name
                    entries.append(entry)
                }
            }
        }
        issues += unresolved(references)
        guard issues.isEmpty else { throw CatalogValidationError(issues: issues) }
        return Catalog(entries: entries)
    }

    /// Validates a catalog given as data, for tests and tools; `name` labels the issues.
    public static func load(data: Data, named name: String) throws -> Catalog {
        let (entries, issues, references) = parse(data: data, named: name)
        var all = issues
        var seen = Set<String>()
        for entry in entries where !seen.insert(entry.code).inserted {
            all.append(CatalogIssue(file: name, entry: entry.code, field: "code", message: "duplicate code"))
        }
        all += unresolved(references)
        guard all.isEmpty else { throw CatalogValidationError(issues: all) }
        return Catalog(entries: entries)
    }

    // MARK: - Steps

    private static func catalogFiles(at url: URL) throws -> [URL] {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isFolder) else {
            throw CatalogValidationError(issues: [CatalogIssue(file: url.path, message: "no such file or folder")])
        }
        guard isFolder.boolValue else { return [url] }
        let names = (try? FileManager.default.contentsOfDirectory(atPath: url.path)) ?? []
        let files = names.filter { $0.hasSuffix(".json") }.sorted().map { url.appendingPathComponent($0) }
        guard !files.isEmpty else {
            throw CatalogValidationError(issues: [CatalogIssue(file: url.path, message: "folder holds no .json catalog files")])
        }
        return files
    }

    private static func displayName(of file: URL, under root: URL) -> String {
        file == root ? file.path : root.lastPathComponent + "/" + file.lastPathComponent
    }

    /// Where an entry points with `related`, valid or not, for the cross-entry check.
    private struct Reference {
        let file: String
        let label: String
        let code: String?
        let related: [String]
    }

    private static func parse(file: URL, named name: String) -> ([CatalogEntry], [CatalogIssue], [Reference]) {
        guard let data = FileManager.default.contents(atPath: file.path) else {
            return ([], [CatalogIssue(file: name, message: "cannot be read")], [])
        }
        return parse(data: data, named: name)
    }

    private static func parse(data: Data, named name: String) -> ([CatalogEntry], [CatalogIssue], [Reference]) {
        var issues: [CatalogIssue] = []
        var entries: [CatalogEntry] = []
        var references: [Reference] = []
        let top: [String: JSONValue]
        do {
            // Entries are validated as they are read, so a large catalog never exists twice in memory.
            top = try JSONParser.withParser(data) { parser in
                try parser.parseObject(streaming: "entries") { value, position in
                    var validator = EntryValidator(file: name, position: position)
                    if let entry = validator.validate(value) { entries.append(entry) }
                    issues += validator.issues
                    references.append(Reference(file: name, label: validator.label, code: validator.storedCode,
                                                related: validator.relatedCodes))
                }
            }
        } catch let failure as JSONParser.Failure {
            return ([], issues + [CatalogIssue(file: name, message: "is not valid JSON: \(failure)")], [])
        } catch {
            return ([], issues + [CatalogIssue(file: name, message: "cannot be read: \(error)")], [])
        }
        if let lone = top[""] {
            return ([], [CatalogIssue(file: name, message: "expected an object with \"schema\" and \"entries\", found \(lone.typeName)")], [])
        }
        if top["schema"] != .number(Double(schemaVersion)) {
            issues.append(CatalogIssue(file: name, field: "schema", message: "must be \(schemaVersion)"))
        }
        for key in top.keys.sorted() where key != "schema" && key != "entries" {
            issues.append(CatalogIssue(file: name, field: SafeText.visible(key), message: "unknown top-level field"))
        }
        if top["entries"] != .array([]) {
            issues.append(CatalogIssue(file: name, field: "entries", message: "must be an array of entries"))
        }
        return (entries, issues, references)
    }

    /// Related codes that name no entry. Entries with other problems still count as
    /// existing, so one mistake is reported once, not again by every reference to it.
    private static func unresolved(_ references: [Reference]) -> [CatalogIssue] {
        let known = Set(references.compactMap(\.code))
        var issues: [CatalogIssue] = []
        for reference in references {
            for related in reference.related {
                guard let code = StatusCode(parsing: related), !known.contains(code.catalogKey) else { continue }
                issues.append(CatalogIssue(file: reference.file, entry: reference.label, field: "related",
                                           message: "\(related) is not in the catalog"))
            }
        }
        return issues
    }

}
