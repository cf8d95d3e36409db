import SMTPCatalog

/// One ranked hit; where it matched comes from a `SearchHighlighter`, only for
/// the rows actually shown, so ranking a large catalog stays cheap.
public struct SearchResult: Sendable, Hashable {
    /// Position of the entry in `Catalog.entries`.
    public let entryIndex: Int
    public let score: Int

    public init(entryIndex: Int, score: Int) {
        self.entryIndex = entryIndex
        self.score = score
    }
}
