import FoundationEssentials
import Glibc
import SMTPCatalog

/// The bundled catalog as it is once read and validated, kept in one file beside its folder
/// (`catalog.snapshot` beside `catalog/`), so that the explorer's first screen does not wait
/// for 340 KB of JSON to be parsed and checked (docs/decisions.md, "A snapshot of the bundled
/// catalog"). `make install` writes it (`smtp-codes --write-catalog-snapshot`).
///
/// The JSON stays the source: a snapshot is used only when the files it was made from and
/// the binary that made it are unchanged (`SnapshotFingerprint`) and it reads back whole;
/// anything else, a missing, stale or damaged snapshot, means the JSON is read as always.
/// Translations and the user's catalogs are laid over it as over the JSON.
public enum CatalogSnapshot {
    static let magic = Array("smtp-codes catalog snapshot\n".utf8)
    /// Raised whenever what a run holds (`EntryRun`, `ValidatedEntry`) changes shape.
    static let formatVersion: UInt32 = 2

    /// Where the snapshot of the catalog at `catalog` lies: beside it, `.snapshot` added.
    public static func location(of catalog: URL) -> URL {
        URL(fileURLWithPath: path(of: catalog.path))
    }

    /// `location(of:)` as a path.
    static func path(of catalogPath: String) -> String {
        PathNames.trimmingTrailingSlashes(catalogPath) + ".snapshot"
    }

    /// Reads and validates the catalog at `catalog` from its JSON and writes its snapshot;
    /// throws `CatalogValidationError` when the catalog has problems (no snapshot is
    /// written then), or the system's error when the file cannot be written.
    @discardableResult
    public static func write(for catalog: URL) throws -> URL {
        let files = try CatalogLoader.catalogFiles(atPath: catalog.path)
        guard let fingerprint = SnapshotFingerprint(files: files) else {
            throw CatalogValidationError(issues: [CatalogIssue(file: catalog.path, message: "cannot be read")])
        }
        let reads = CatalogLoader.readFiles(files, under: catalog.path)
        var reading = CatalogReading(expectedBytes: 0)
        for read in reads { reading.take(read) }
        _ = try reading.catalog()
        let target = location(of: catalog)
        try write(encode(reads.flatMap(\.runs), fingerprint: fingerprint), to: target.path)
        return target
    }

    /// The runs the snapshot beside `catalog` holds, with the size of their texts; nil when
    /// there is none or it is not one to use (see the type's comment).
    ///
    /// The file is mapped, as the catalog's JSON is (`MappedFile`), and stays mapped while the
    /// catalog lives: the runs' texts are read from the page cache where they lie, where
    /// reading the file into a buffer, or copying the texts out, first wrote every page anew.
    /// `write` replaces the file by renaming a new one over it, so a process that mapped the
    /// old one goes on reading it unchanged.
    static func read(forPath catalog: String, files: [String]) -> (read: FileRead, textBytes: Int)? {
        guard let mapping = MappedFile(path: path(of: catalog)), mapping.count <= CatalogLoader.maximumFileBytes,
              let fingerprint = SnapshotFingerprint(files: files)
        else { return nil }
        return try? decode(mapping.bytes, keptBy: mapping, expecting: fingerprint)
    }

    // MARK: - Layout

    /// What comes before the runs: the magic, the format and schema versions and `fingerprint`.
    static func header(_ fingerprint: SnapshotFingerprint) -> SnapshotWriter {
        var writer = SnapshotWriter()
        writer.raw(magic)
        writer.u32(formatVersion)
        writer.u32(UInt32(CatalogLoader.schemaVersion))
        fingerprint.write(to: &writer)
        return writer
    }

    static func encode(_ runs: [EntryRun], fingerprint: SnapshotFingerprint) -> [UInt8] {
        var writer = header(fingerprint)
        writer.u32(UInt32(runs.count))
        for run in runs {
            writer.string(run.file)
            writer.u32(UInt32(run.store.byteCount))
            run.store.withAllBytes { writer.raw($0) }
            writer.u32(UInt32(run.store.items.count))
            for item in run.store.items { writer.span(item) }
            writer.u32(UInt32(run.entries.count))
            for entry in run.entries { write(entry, to: &writer) }
        }
        return writer.bytes
    }

    /// Throws `SnapshotReader.Damaged` for anything but a whole snapshot of this format made
    /// from files and a binary with exactly `fingerprint`.
    ///
    /// The runs come back without their references (the related codes each entry names, kept
    /// for the check that every one exists): that check passed when the snapshot was written,
    /// and what is laid over a catalog can add or change entries but never take one away.
    static func decode(_ bytes: [UInt8], expecting fingerprint: SnapshotFingerprint) throws -> (read: FileRead, textBytes: Int) {
        let copy = HeldBytes(bytes)
        return try decode(copy.bytes, keptBy: copy, expecting: fingerprint)
    }

    /// The runs' stores read their texts where they lie in `raw`, which `owner` keeps valid
    /// and unchanged while it lives: each store holds on to it.
    static func decode(_ raw: UnsafeRawBufferPointer, keptBy owner: some AnyObject & Sendable,
                       expecting fingerprint: SnapshotFingerprint) throws -> (read: FileRead, textBytes: Int) {
        var reader = SnapshotReader(raw)
        guard try reader.raw(magic.count).elementsEqual(magic), try reader.u32() == formatVersion,
              try reader.u32() == UInt32(CatalogLoader.schemaVersion),
              try SnapshotFingerprint(reading: &reader) == fingerprint
        else { throw SnapshotReader.Damaged() }
        var runs: [EntryRun] = []
        var textBytes = 0
        for _ in 0..<(try reader.count(eachAtLeast: 16)) {
            let file = try reader.string()
            let text = try reader.raw(try reader.count(eachAtLeast: 1))
            let itemCount = try reader.count(eachAtLeast: 8)
            var items: [TextSpan] = []
            items.reserveCapacity(itemCount)
            for _ in 0..<itemCount { items.append(try reader.span(within: text.count)) }
            let entryCount = try reader.count(eachAtLeast: 100)
            var entries: [ValidatedEntry] = []
            entries.reserveCapacity(entryCount)
            for _ in 0..<entryCount { entries.append(try readEntry(from: &reader, bytes: text.count, items: itemCount)) }
            runs.append(EntryRun(file: file, store: TextStoreBuilder(outside: text, owner: owner, items: items), entries: entries))
            textBytes += text.count
        }
        guard reader.isAtEnd else { throw SnapshotReader.Damaged() }
        return (FileRead(runs: runs), textBytes)
    }

    private static func write(_ entry: ValidatedEntry, to writer: inout SnapshotWriter) {
        writer.string(entry.code)
        writer.byte(UInt8(CodeKind.allCases.firstIndex(of: entry.kind)!))
        writer.byte(entry.classDigit.map { UInt8($0) } ?? noClass)
        writer.byte(UInt8(Standing.allCases.firstIndex(of: entry.standing)!))
        let texts = entry.texts
        for span in [texts.className, texts.title, texts.summary, texts.description, texts.when, texts.fix] {
            writer.span(span)
        }
        writer.byte(texts.caveat == nil ? 0 : 1)
        writer.span(texts.caveat ?? TextSpan(start: 0, count: 0))
        for list in [texts.commands, texts.seenAfter, texts.rfcs, texts.related, texts.keywords] { writer.list(list) }
    }

    private static let noClass: UInt8 = 0xFF
    /// Made once: `allCases` builds a new array on every use, twice per entry read.
    private static let kinds = CodeKind.allCases
    private static let standings = Standing.allCases

    private static func readEntry(from reader: inout SnapshotReader, bytes: Int, items: Int) throws -> ValidatedEntry {
        let code = try reader.string()
        let kind = Int(try reader.byte()), digit = try reader.byte(), standing = Int(try reader.byte())
        // The code as the validator stores it (its catalog key, so that lookups find it), of
        // the kind and class its form gives, as every entry the JSON passes is.
        guard let parsed = StatusCode(parsing: code), parsed.catalogKey == code,
              kind < kinds.count, kinds[kind] == parsed.kind,
              digit == parsed.classDigit.map(UInt8.init) ?? noClass, standing < standings.count
        else { throw SnapshotReader.Damaged() }
        let className = try reader.span(within: bytes), title = try reader.span(within: bytes)
        let summary = try reader.span(within: bytes), description = try reader.span(within: bytes)
        let when = try reader.span(within: bytes), fix = try reader.span(within: bytes)
        let hasCaveat = try reader.byte()
        let caveat = try reader.span(within: bytes)
        guard hasCaveat <= 1 else { throw SnapshotReader.Damaged() }
        let texts = EntryTextSpans(
            className: className, title: title, summary: summary, description: description, when: when, fix: fix,
            caveat: hasCaveat == 1 ? caveat : nil, commands: try reader.list(within: items),
            seenAfter: try reader.list(within: items), rfcs: try reader.list(within: items),
            related: try reader.list(within: items), keywords: try reader.list(within: items))
        return ValidatedEntry(code: code, kind: kinds[kind], classDigit: digit == noClass ? nil : Int(digit),
                              standing: standings[standing], texts: texts, sortKey: CodeOrder.key(parsed))
    }

    // MARK: - Files

    /// Writes beside the target and renames, so a reader never sees half a snapshot.
    private static func write(_ bytes: [UInt8], to path: String) throws {
        let temporary = path + ".partial"
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
        let failure = DescriptorWriter.writeAll(bytes, to: descriptor)
        close(descriptor)
        if let failure {
            unlink(temporary)
            throw POSIXError(POSIXErrorCode(rawValue: failure) ?? .EIO)
        }
        guard rename(temporary, path) == 0 else {
            let code = errno
            unlink(temporary)
            throw POSIXError(POSIXErrorCode(rawValue: code) ?? .EIO)
        }
    }
}
