import Dispatch
import FoundationEssentials
import SMTPCatalog
import TextSafety

/// One catalog file read: its entries as runs (`EntryRun`, validated unless the file is an
/// overlay) and its problems, before they join a `CatalogReading`. Reading depends on
/// nothing read before, so the files of a catalog folder are read at once on two threads
/// (`CatalogLoader`) and taken in afterwards in their order, which keeps every problem
/// and duplicate reported as reading them one by one does.
struct FileRead {
    /// The file's entries, in order.
    private(set) var runs: [EntryRun] = []
    /// Problems found before its entries: the file is empty, not JSON or not an object
    /// (then it has no runs), or it cannot be read.
    private(set) var problems: [CatalogIssue] = []
    /// Problems of the top level, reported after the entries' own: the schema version,
    /// unknown members, no `entries`.
    private(set) var laterProblems: [CatalogIssue] = []

    /// A file that could not be read at all.
    init(failure: CatalogIssue) {
        problems = [failure]
    }

    /// Runs without problems: what a catalog snapshot holds for the files it was made from.
    init(runs: [EntryRun]) {
        self.runs = runs
    }

    /// Reads the top level here and the elements of `entries` by `EntryRun`s. Pages of
    /// `mapped` are released as reading passes them; with `readsInHalves`, a large file is
    /// read in two halves at once. An `overlay`'s entries are kept as objects, to be
    /// merged with the entries below them when taken in.
    init(_ data: some ContiguousBytes, named name: String, mapped: MappedFile? = nil, overlay: Bool = false,
         readsInHalves: Bool = true) {
        var top: [String: JSONValue] = [:]
        var sawEntries = false
        var lone: JSONValue?
        guard data.withUnsafeBytes({ !$0.isEmpty }) else {
            // Said plainly: "unexpected end of file at line 1" reads like a broken file.
            problems.append(CatalogIssue(file: name, message: "is empty"))
            return
        }
        var runs: [EntryRun] = []
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
                    if readsInHalves, !overlay, let halves = Self.readInHalves(parser, file: name, mapped: mapped) {
                        runs += [halves.first, halves.second]
                        parser = parser.reader(at: halves.end)
                        continue
                    }
                    let remaining = parser.withBytes { $0.count } - parser.position
                    var run = EntryRun(file: name, expectedBytes: remaining, mapped: mapped, from: parser.position,
                                       keepsObjects: overlay)
                    _ = try run.read(from: &parser)
                    // A repeated "entries" member adds its entries too (duplicates are reported).
                    runs.append(run)
                }
                try parser.expectEnd()
            }
        } catch {
            // A file that is not JSON contributes nothing but the one problem.
            let reason = error is JSONParser.Failure ? "is not valid JSON" : "cannot be read"
            problems.append(CatalogIssue(file: name, message: "\(reason): \(error)"))
            return
        }
        if let lone {
            problems.append(CatalogIssue(file: name, message: "expected an object with \"schema\" and \"entries\", found \(lone.typeName)"))
            return
        }
        self.runs = runs
        if top["schema"] != .number(Double(CatalogLoader.schemaVersion)) {
            laterProblems.append(CatalogIssue(file: name, field: "schema", message: "must be \(CatalogLoader.schemaVersion)"))
        }
        for key in top.keys.sorted() where key != "schema" && key != "entries" {
            laterProblems.append(CatalogIssue(file: name, field: SafeText.visible(key), message: "unknown top-level field"))
        }
        if !sawEntries {
            laterProblems.append(CatalogIssue(file: name, field: "entries", message: "must be an array of entries"))
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
        // Size first: a small catalog (the bundled one) never wakes ProcessInfo at start-up.
        guard count - start >= CatalogReading.parallelMinimum, ProcessInfo.processInfo.activeProcessorCount > 1,
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
}

/// A reader handed to the two halves' threads: each takes its own copy (its own
/// position), and the bytes under it are only ever read while both run.
private struct SharedReader: @unchecked Sendable {
    let parser: JSONParser
}
