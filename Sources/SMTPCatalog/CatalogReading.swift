import Foundation
import TextSafety

/// One catalog load in progress, across all of its files: the text store being
/// filled, the entries that passed, and every problem found so far.
struct CatalogReading {
    private var store: TextStoreBuilder
    private var entries: [ValidatedEntry] = []
    /// The file each entry came from, to name it when a later file repeats its code.
    private var entryFiles: [String] = []
    /// Each code's position in `entries`; becomes the catalog's lookup index.
    private var positionOfCode: [String: Int] = [:]
    var issues: [CatalogIssue] = []
    private var references: [Reference] = []

    /// Where an entry points with `related`, valid or not, for the cross-entry check.
    private struct Reference {
        let file: String
        let position: Int
        let writtenCode: String?
        let storedCode: String?
        let related: ListSpan
    }

    init(expectedBytes: Int) {
        store = TextStoreBuilder(expectedBytes: expectedBytes)
        // Entries take 600 to 900 bytes of JSON in practice; a guess on the high side saves rehashing as the index grows.
        positionOfCode.reserveCapacity(expectedBytes / 600)
    }

    /// Reads one file's JSON: the top level here, each element of `entries` straight
    /// into the store, validated as it comes. `progress` is told how far reading has got.
    mutating func parse(_ data: some ContiguousBytes, named name: String, progress: (Int) -> Void = { _ in }) {
        var top: [String: JSONValue] = [:]
        var sawEntries = false
        var lone: JSONValue?
        let firstNewEntry = entries.count, firstNewReference = references.count, firstNewIssue = issues.count
        do {
            try JSONParser.withParser(data) { parser in
                guard parser.peekType() == .object else {
                    lone = try parser.parseDocument()
                    return
                }
                var members = try parser.beginObject()
                while try parser.next(in: &members) {
                    let key = try parser.readKey()
                    guard key == "entries", parser.peekType() == .array else {
                        top[key] = try parser.readValue()
                        continue
                    }
                    sawEntries = true
                    top[key] = nil
                    var elements = try parser.beginArray()
                    var position = 0
                    while try parser.next(in: &elements) {
                        let fields = try EntryFields.read(from: &parser, into: &store)
                        add(fields, position: position, file: name)
                        position += 1
                        progress(parser.position)
                    }
                }
                try parser.expectEnd()
            }
        } catch {
            // A file that is not JSON contributes nothing but the one problem.
            entries.removeSubrange(firstNewEntry...)
            references.removeSubrange(firstNewReference...)
            issues.removeSubrange(firstNewIssue...)
            let reason = error is JSONParser.Failure ? "is not valid JSON" : "cannot be read"
            issues.append(CatalogIssue(file: name, message: "\(reason): \(error)"))
            return
        }
        if let lone {
            issues.append(CatalogIssue(file: name, message: "expected an object with \"schema\" and \"entries\", found \(lone.typeName)"))
            return
        }
        if top["schema"] != .number(Double(CatalogLoader.schemaVersion)) {
            issues.append(CatalogIssue(file: name, field: "schema", message: "must be \(CatalogLoader.schemaVersion)"))
        }
        for key in top.keys.sorted() where key != "schema" && key != "entries" {
            issues.append(CatalogIssue(file: name, field: SafeText.visible(key), message: "unknown top-level field"))
        }
        if !sawEntries {
            issues.append(CatalogIssue(file: name, field: "entries", message: "must be an array of entries"))
        }
    }

    private mutating func add(_ fields: EntryFields, position: Int, file: String) {
        var validator = EntryValidator(file: file, position: position)
        if let entry = validator.validate(fields, store: &store) {
            if let earlier = positionOfCode[entry.code] {
                issues.append(CatalogIssue(
                    file: file, entry: entry.code, field: "code",
                    message: "duplicate code, already defined in \(entryFiles[earlier])"))
            } else {
                positionOfCode[entry.code] = entries.count
                entries.append(entry)
                entryFiles.append(file)
            }
        }
        issues += validator.issues
        references.append(Reference(file: file, position: position, writtenCode: validator.writtenCode,
                                    storedCode: validator.storedCode, related: validator.relatedCodes))
    }

    /// The catalog, or every problem found in any file.
    consuming func catalog() throws -> Catalog {
        issues += unresolvedReferences()
        guard issues.isEmpty else { throw CatalogValidationError(issues: issues) }
        if store.byteCount > TextStoreBuilder.capacityLimit {
            throw CatalogValidationError(issues: [CatalogIssue(file: "catalog", message: "holds more than 4 GiB of text")])
        }
        let text = TextStore(store)
        let catalogEntries = entries.map {
            CatalogEntry(code: $0.code, kind: $0.kind, classDigit: $0.classDigit, standing: $0.standing,
                         store: text, texts: $0.texts)
        }
        return Catalog(entries: catalogEntries, keys: entries.map(\.sortKey), index: positionOfCode)
    }

    /// Related codes that name no entry. Entries with other problems still count as
    /// existing, so one mistake is reported once, not again by every reference to it.
    private func unresolvedReferences() -> [CatalogIssue] {
        let known = Set(references.compactMap(\.storedCode))
        var issues: [CatalogIssue] = []
        for reference in references {
            for related in store.strings(of: reference.related) {
                guard let code = StatusCode(parsing: related), !known.contains(code.catalogKey) else { continue }
                issues.append(CatalogIssue(
                    file: reference.file,
                    entry: EntryValidator.label(position: reference.position, writtenCode: reference.writtenCode),
                    field: "related", message: "\(related) is not in the catalog"))
            }
        }
        return issues
    }
}
