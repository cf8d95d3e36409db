import FoundationEssentials
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
    /// For the positions in `entries` that a user's catalog added or changed, which
    /// catalogs did, in order. Empty for a catalog read on its own.
    private var overlays: [Int: [EntryOverlay]] = [:]

    /// Files with more JSON after the start of their entries than this are read in two halves at once.
    static let parallelMinimum = 8 << 20
    /// Off only in tests, which compare both ways of reading.
    let readsInHalves: Bool

    init(expectedBytes: Int, readsInHalves: Bool = true) {
        self.readsInHalves = readsInHalves
        // Entries take 600 to 900 bytes of JSON in practice; a guess on the high side saves rehashing as the index grows.
        positionOfCode.reserveCapacity(expectedBytes / 600)
    }

    /// Reads one file's JSON and takes it in (`FileRead`, then `take`). Pages of `mapped`
    /// are released as reading passes them. With `overlay`, the file is a user's catalog
    /// laid over what was read before it (`overlay(_:)`). A `quiet` overlay (the bundled
    /// translation of titles and summaries) changes entries without their detail saying so.
    mutating func parse(_ data: some ContiguousBytes, named name: String, mapped: MappedFile? = nil, overlay: Bool = false,
                         quiet: Bool = false) {
        take(FileRead(data, named: name, mapped: mapped, overlay: overlay, readsInHalves: readsInHalves),
             overlay: overlay, quiet: quiet)
    }

    /// Takes in a file read on its own (maybe on another thread), with its problems in the
    /// order reading it here would have found them.
    mutating func take(_ file: FileRead, overlay: Bool = false, quiet: Bool = false) {
        issues += file.problems
        // Room for all of the file's entries at once: a snapshot is one file of every run,
        // and growing the arrays entry by entry copied them several times over.
        let adding = file.runs.reduce(0) { $0 + $1.entries.count }
        entries.reserve(more: adding)
        entryFiles.reserve(more: adding)
        // A dictionary's room comes in powers of two, so reserving exactly still doubles.
        positionOfCode.reserveCapacity(positionOfCode.count + adding)
        for run in file.runs {
            if overlay { self.overlay(run, quiet: quiet) } else { add(run) }
        }
        issues += file.laterProblems
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

    /// Lays a user's catalog over the entries read so far (docs/catalog.md, "Your own
    /// codes"). An object whose code is below gets the members it leaves out from that
    /// entry, then is validated like any entry and takes its place; one with a new code is
    /// validated as it stands and added. Problems name this file and entry; one in a
    /// member taken from below says so.
    private mutating func overlay(_ run: EntryRun, quiet: Bool) {
        var run = run
        let storeIndex = stores.count
        var runReferences: [EntryReference] = []
        // The codes this file gave so far, to report one given twice.
        var earlierInFile: [String: Int] = [:]
        for (position, read) in run.objects.enumerated() {
            var object = read
            var validator = EntryValidator(file: run.file, position: position)
            var written: String?
            if case .text(let span)? = object[.code] { written = run.store.string(span) }
            let key = written.flatMap { StatusCode(parsing: $0)?.catalogKey }
            if let key, let earlier = earlierInFile[key] {
                let label = EntryValidator.label(position: position, writtenCode: written)
                issues.append(CatalogIssue(file: run.file, entry: label, field: "code",
                                           message: "duplicate code, already given in this file as entry #\(earlier + 1)"))
                continue
            }
            if let key { earlierInFile[key] = position }
            let below = key.flatMap { positionOfCode[$0] }
            let given = object.givenFields.filter { $0 != .code }
            let dropped = object.dropNullOptionals()
            if let below {
                let entry = entries[below]
                object.fill(from: entry, of: stores[entry.store], into: &run.store, omitting: dropped)
            }
            let validated = validator.validate(object, store: &run.store)
            var found = validator.issues
            if below == nil, key != nil, object.missingRequiredNames != nil {
                found.insert(CatalogIssue(file: run.file, entry: validator.label,
                                          message: "is a code no catalog below has, so it must be a complete entry"), at: 0)
            }
            issues += found.map { issue in
                // A member this file left out came from below: say so, as the fix is to give it here.
                guard below != nil, let field = issue.field,
                      let member = SchemaField(stringValue: String(field.prefix { $0 != "[" })),
                      !given.contains(member), member != .code
                else { return issue }
                return CatalogIssue(file: issue.file, entry: issue.entry, field: issue.field,
                                    message: issue.message + " (taken from the catalog below; give the field here to change it)")
            }
            runReferences.append(EntryReference(file: run.file, position: position, writtenCode: validator.writtenCode,
                                                storedCode: validator.storedCode, related: validator.relatedCodes))
            guard var entry = validated else { continue }
            entry.store = storeIndex
            let source = EntryOverlay(file: run.file, added: below == nil, fields: given)
            if let below {
                entries[below] = entry
                if !quiet { overlays[below, default: []].append(source) }
            } else {
                positionOfCode[entry.code] = entries.count
                overlays[entries.count] = [source]
                entries.append(entry)
                entryFiles.append(run.file)
            }
        }
        issues += run.issues
        references.append((storeIndex, runReferences))
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
        var catalogEntries = entries.map {
            CatalogEntry(code: $0.code, kind: $0.kind, classDigit: $0.classDigit, standing: $0.standing,
                         store: texts[$0.store], texts: $0.texts)
        }
        for (position, sources) in overlays {
            let entry = catalogEntries[position]
            catalogEntries[position] = CatalogEntry(code: entry.code, kind: entry.kind, classDigit: entry.classDigit,
                                                    standing: entry.standing, store: entry.store, texts: entry.texts,
                                                    overlays: sources)
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
                    // Related codes are nearly always written as the key they name (a key
                    // parses back to itself), so most are found without parsing them.
                    if positionOfCode[related] != nil { continue }
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

private extension Array {
    /// Room for `more` elements, growing at least twofold as appending does, so that a
    /// catalog of many files is not copied once per file.
    mutating func reserve(more: Int) {
        if count + more > capacity { reserveCapacity(Swift.max(count + more, capacity * 2)) }
    }
}
