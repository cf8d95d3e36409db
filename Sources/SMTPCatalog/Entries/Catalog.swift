import FoundationEssentials

/// The validated set of codes, with lookups by any accepted code form.
public struct Catalog: Sendable {
    /// Entries in display order: basic codes by number, then enhanced classes,
    /// subjects, and detail codes by subject and detail.
    public let entries: [CatalogEntry]
    private let indexByKey: [String: Int]
    /// For a code's key (`550`, `X.7.26`), the provider replies and reasons that use it.
    private var uses: [String: [String]] = [:]

    /// Builds a catalog from already validated entries. Duplicates keep the first.
    public init(entries: [CatalogEntry]) {
        var index: [String: Int] = [:]
        index.reserveCapacity(entries.count)
        for (position, entry) in entries.enumerated() where index[Self.lookupKey(entry.code)] == nil {
            index[Self.lookupKey(entry.code)] = position
        }
        self.init(entries: entries, keys: entries.map { CodeOrder.key($0.code) }, index: index)
    }

    /// `keys` are the entries' `CodeOrder` keys; `index` maps each lookup key to a
    /// position in `entries`. Both come from the loader, which has them already.
    package init(entries: [CatalogEntry], keys: [UInt64], index: [String: Int]) {
        // Catalogs are usually written in order; then nothing moves.
        if zip(keys, keys.dropFirst()).allSatisfy({ $0 <= $1 }) {
            self.entries = entries
            self.indexByKey = index
            return
        }
        // Positions are sorted rather than entries (stable, so duplicates keep their
        // order), and the index is renumbered in place instead of hashed again.
        let order = entries.indices.sorted { keys[$0] < keys[$1] }
        var newPosition = [Int](repeating: 0, count: entries.count)
        for (new, old) in order.enumerated() { newPosition[old] = new }
        self.entries = order.map { entries[$0] }
        self.indexByKey = index.mapValues { newPosition[$0] }
    }

    /// Codes are looked up in capitals; stored codes already are.
    package static func lookupKey(_ code: String) -> String {
        code.utf8.contains { $0 >= UInt8(ascii: "a") && $0 <= UInt8(ascii: "z") } ? code.uppercased() : code
    }

    /// This catalog with knowledge entries (provider replies, reasons) after its codes, and
    /// for each code's key the knowledge entries that use it.
    public func adding(_ knowledge: [CatalogEntry], uses: [String: [String]]) -> Catalog {
        var result = Catalog(entries: entries + knowledge)
        result.uses = uses
        return result
    }

    /// The provider replies and reasons that use this code, as entry codes.
    public func knowledge(using entry: CatalogEntry) -> [String] {
        entry.kind.isCode ? uses[Self.lookupKey(entry.code)] ?? [] : []
    }

    /// Only the reply codes, without provider replies and reasons.
    public var codeEntries: [CatalogEntry] { entries.filter { $0.kind.isCode } }

    public var basicEntries: [CatalogEntry] { entries.filter { $0.kind == .basic } }
    public var enhancedEntries: [CatalogEntry] { entries.filter { $0.kind == .enhanced } }

    /// The entry stored under exactly this key (`553`, `X.1.1`, `5.X.X`).
    public func entry(forKey key: String) -> CatalogEntry? {
        position(ofKey: key).map { entries[$0] }
    }

    /// Where the entry stored under this key stands in `entries`.
    public func position(ofKey key: String) -> Int? {
        indexByKey[Self.lookupKey(key)]
    }

    /// Looks up a code in any accepted form; an enhanced code keeps the class it was asked with.
    public func resolve(_ code: StatusCode) -> ResolvedCode? {
        entry(forKey: code.catalogKey).map { ResolvedCode(entry: $0, requested: code) }
    }

    /// Parses and looks up user text; nil when it is not a code or not in the catalog.
    /// A provider reply's or reason's id (`yahoo.tss04`, `greylisted`) finds its entry.
    public func resolve(_ text: String) -> ResolvedCode? {
        if let code = StatusCode(parsing: text) { return resolve(code) }
        return entry(forKey: text.trimmingSpaces()).map { ResolvedCode(entry: $0) }
    }

    /// Known codes close to an unknown one, nearest first: same kind, then the
    /// fewest differing characters, then the smallest numeric distance.
    public func suggestions(for text: String, limit: Int = 5) -> [String] {
        let wanted = text.trimmingSpaces().uppercased()
        let parsed = StatusCode(parsing: wanted)
        let probe = parsed?.catalogKey ?? wanted
        let probeKind: CodeKind? = parsed?.kind ?? (wanted.contains(".") ? .enhanced : nil)
        let scored = entries.map { entry -> (entry: CatalogEntry, score: (Int, Int, Int)) in
            let kindPenalty = probeKind == nil || probeKind == entry.kind ? 0 : 1
            let distance = EditDistance.between(Array(probe), Array(entry.code.uppercased()))
            return (entry, (kindPenalty, distance, CodeOrder.numericGap(probe, entry.code)))
        }
        let best = scored.sorted { $0.score < $1.score }.prefix(limit)
        return best.map { candidate in
            // Offer the suggestion in the class the user typed, when it has none of its own.
            if candidate.entry.classDigit == nil, let digit = parsed?.classDigit,
               candidate.entry.code.hasPrefix("X.") {
                return String(digit) + candidate.entry.code.dropFirst()
            }
            return candidate.entry.code
        }
    }
}
