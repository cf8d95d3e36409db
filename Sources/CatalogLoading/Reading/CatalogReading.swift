import Foundation
import SMTPCatalog
import TextSafety

/// One catalog load in progress, across all of its files: the text stores
/// filled so far, the entries that passed, and every problem found.
struct CatalogReading {
    /// One store per run of entries (`EntryRun`): a file, or half of a large one.
    private var stores: [TextStoreBuilder] = []
    private var entries: [ValidatedEntry] = []
    /// The file each entry came from, to name it when a later one repeats its code.
    private var entryFiles: [String] = []
    /// Each code's position in `entries`; becomes the catalog's lookup index.
    private var positionOfCode: [String: Int] = [:]
    var issues: [CatalogIssue] = []
    /// Each run's references, with the store their related codes lie in.
    private var references: [(store: Int, references: [EntryReference])] = []

    /// Files with more JSON after the start of their entries than this are read in two halves at once.
    static let parallelMinimum = 8 << 20
    /// Off only in tests, which compare both ways of reading.
    private let readsInHalves: Bool

    init(expectedBytes: Int, readsInHalves: Bool = true) {
        self.readsInHalves = readsInHalves
        // Entries take 600 to 900 bytes of JSON in practice; a guess on the high side saves rehashing as the index grows.
        positionOfCode.reserveCapacity(expectedBytes / 600)
    }

    /// Reads one file's JSON: the top level here, the elements of `entries` by
    /// `EntryRun`s. Pages of `mapped` are released as reading passes them.
    mutating func parse(_ data: some ContiguousBytes, named name: String, mapped: MappedFile? = nil) {
        var top: [String: JSONValue] = [:]
        var sawEntries = false
        var lone: JSONValue?
        var runs: [EntryRun] = []
        guard data.withUnsafeBytes({ !$0.isEmpty }) else {
            // Said plainly: "unexpected end of file at line 1" reads like a broken file.
            issues.append(CatalogIssue(file: name, message: "is empty"))
            return
        }
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
                    _ = try parser.beginArray()
                    if readsInHalves, let halves = Self.readInHalves(parser, file: name, mapped: mapped) {
                        runs += [halves.first, halves.second]
                        parser = parser.reader(at: halves.end)
                        continue
                    }
                    let remaining = parser.withBytes { $0.count } - parser.position
                    var run = EntryRun(file: name, expectedBytes: remaining, mapped: mapped, from: parser.position)
                    _ = try run.read(from: &parser)
                    // A repeated "entries" member adds its entries too (duplicates are reported).
                    runs.append(run)
                }
                try parser.expectEnd()
            }
        } catch {
            // A file that is not JSON contributes nothing but the one problem.
            let reason = error is JSONParser.Failure ? "is not valid JSON" : "cannot be read"
            issues.append(CatalogIssue(file: name, message: "\(reason): \(error)"))
            return
        }
        if let lone {
            issues.append(CatalogIssue(file: name, message: "expected an object with \"schema\" and \"entries\", found \(lone.typeName)"))
            return
        }
        for run in runs { add(run) }
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

    /// Reads a large entries array as two runs at once, cut between two entries near
    /// the middle. nil when the file is small, no cut is found, or either half has any
    /// problem: the caller then reads it in one go, which reports problems exactly
    /// (positions, order) as always. Only clean large catalogs take this path.
    private static func readInHalves(
        _ parser: JSONParser, file: String, mapped: MappedFile?
    ) -> (first: EntryRun, second: EntryRun, end: Int)? {
        let start = parser.position
        let count = parser.withBytes { $0.count }
        guard ProcessInfo.processInfo.activeProcessorCount > 1, count - start >= parallelMinimum,
              let comma = parser.withBytes({ EntrySplit.comma(in: $0, from: start, to: count) })
        else { return nil }
        let results = ParallelSlots<(run: EntryRun, end: Int)?>(count: 2)
        let shared = SharedReader(parser: parser)
        DispatchQueue.concurrentPerform(iterations: 2) { half in
            var reader = shared.parser.reader(at: half == 0 ? start : comma + 1)
            var run = EntryRun(file: file, expectedBytes: half == 0 ? comma - start : count - comma,
                               mapped: mapped, from: reader.position)
            let complete = (try? run.read(from: &reader, stoppingAtComma: half == 0 ? comma : nil)) ?? false
            results.set(half, complete && run.issues.isEmpty ? (run, reader.position) : nil)
        }
        guard let first = results.take(0), let second = results.take(1) else { return nil }
        return (first.run, second.run.renumbered(after: first.run.elementCount), second.end)
    }

    /// Takes in a run's entries (dropping repeated codes), problems and references.
    private mutating func add(_ run: EntryRun) {
        let storeIndex = stores.count
        for var entry in run.entries {
            entry.store = storeIndex
            if let earlier = positionOfCode[entry.code] {
                issues.append(CatalogIssue(
                    file: run.file, entry: entry.code, field: "code",
                    message: "duplicate code, already defined in \(entryFiles[earlier])"))
            } else {
                positionOfCode[entry.code] = entries.count
                entries.append(entry)
                entryFiles.append(run.file)
            }
        }
        issues += run.issues
        references.append((storeIndex, run.references))
        stores.append(run.store)
    }

    /// The catalog, or every problem found in any file.
    consuming func catalog() throws -> Catalog {
        issues += unresolvedReferences()
        guard issues.isEmpty else { throw CatalogValidationError(issues: issues) }
        if stores.contains(where: { $0.byteCount > TextStoreBuilder.capacityLimit }) {
            throw CatalogValidationError(issues: [CatalogIssue(file: "catalog", message: "holds more than 4 GiB of text in one file")])
        }
        let texts = stores.map { TextStore($0) }
        let catalogEntries = entries.map {
            CatalogEntry(code: $0.code, kind: $0.kind, classDigit: $0.classDigit, standing: $0.standing,
                         store: texts[$0.store], texts: $0.texts)
        }
        return Catalog(entries: catalogEntries, keys: entries.map(\.sortKey), index: positionOfCode)
    }

    /// Related codes that name no entry. Entries with other problems still count as
    /// existing, so one mistake is reported once, not again by every reference to it.
    private func unresolvedReferences() -> [CatalogIssue] {
        // Valid entries' codes are in `positionOfCode`; the others' are gathered only
        // if some related code is not found there.
        var otherCodes: Set<String>?
        var issues: [CatalogIssue] = []
        for (store, run) in references {
            for reference in run where reference.related.count > 0 {
                for related in stores[store].strings(of: reference.related) {
                    guard let key = StatusCode(parsing: related)?.catalogKey, positionOfCode[key] == nil else { continue }
                    if otherCodes == nil { otherCodes = Set(references.flatMap { $0.references.compactMap(\.storedCode) }) }
                    guard otherCodes?.contains(key) != true else { continue }
                    issues.append(CatalogIssue(
                        file: reference.file,
                        entry: EntryValidator.label(position: reference.position, writtenCode: reference.writtenCode),
                        field: "related", message: "\(related) is not in the catalog"))
                }
            }
        }
        return issues
    }
}

/// A reader handed to the two halves' threads: each takes its own copy (its own
/// position), and the bytes under it are only ever read while both run.
private struct SharedReader: @unchecked Sendable {
    let parser: JSONParser
}
