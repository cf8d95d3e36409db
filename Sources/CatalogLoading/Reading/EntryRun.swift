import SMTPCatalog

/// Consecutive elements of an `entries` array, read and validated into a text
/// store of their own. A file is normally one run; a large one is read as two
/// runs at once, one per core, each from its own half of the array. A user's catalog
/// laid over others is read as one run that keeps its objects unvalidated
/// (`keepsObjects`): `CatalogReading` first fills in what they leave out from the
/// entries below, then validates them.
struct EntryRun {
    package var store: TextStoreBuilder
    private(set) var entries: [ValidatedEntry] = []
    /// The objects as read, when the run keeps them for merging.
    private(set) var objects: [EntryObject] = []
    private let keepsObjects: Bool
    private(set) var issues: [CatalogIssue] = []
    private(set) var references: [EntryReference] = []
    let file: String
    private var releaser: PageReleaser

    init(file: String, expectedBytes: Int, mapped: MappedFile?, from offset: Int, keepsObjects: Bool = false) {
        self.file = file
        self.keepsObjects = keepsObjects
        store = TextStoreBuilder(expectedBytes: expectedBytes)
        store.adviseHugePages()
        releaser = PageReleaser(file: mapped, from: offset)
    }

    /// A clean run as a catalog snapshot kept it (`CatalogSnapshot`): validated when the
    /// snapshot was written, with no problems, nothing to merge, no file pages to release and
    /// no references left to check.
    init(file: String, store: TextStoreBuilder, entries: [ValidatedEntry]) {
        self.file = file
        self.store = store
        self.entries = entries
        keepsObjects = false
        releaser = PageReleaser(file: nil, from: 0)
    }

    var elementCount: Int { references.count }

    /// The same run with its elements numbered as if `count` elements came before it
    /// (a second half, read before the first half's length was known).
    func renumbered(after count: Int) -> EntryRun {
        var copy = self
        for index in copy.references.indices { copy.references[index].position += count }
        return copy
    }

    /// Reads elements after `parser`'s position (just after `[` or a separating comma)
    /// until the array closes, consuming the `]`. With `stop`, ends instead where the
    /// next separating comma is at that offset, and returns false if the array ended
    /// or the elements did not end there (so the caller can read the file another way).
    mutating func read(from parser: inout JSONParser, stoppingAtComma stop: Int? = nil) throws -> Bool {
        var elements = parser.resumeArray()
        while true {
            if let stop, parser.offsetOfNextToken() == stop { return true }
            guard try parser.next(in: &elements) else { return stop == nil }
            if let stop, parser.position > stop { return false }
            add(try EntryObject.read(from: &parser, into: &store))
            releaser.passed(parser.position)
        }
    }

    private mutating func add(_ fields: EntryObject) {
        if keepsObjects {
            objects.append(fields)
            return
        }
        // Labels ("#3") count from the run's start; a second half is renumbered when taken in.
        let position = references.count
        var validator = EntryValidator(file: file, position: position)
        if let entry = validator.validate(fields, store: &store) { entries.append(entry) }
        issues += validator.issues
        references.append(EntryReference(file: file, position: position, writtenCode: validator.writtenCode,
                                         storedCode: validator.storedCode, related: validator.relatedCodes))
    }
}
