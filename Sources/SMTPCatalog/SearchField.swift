/// The parts of an entry a query can match, best-ranked first.
public enum SearchField: String, Sendable, Hashable, CaseIterable, Codable {
    case code, title, keywords, summary, description, when, fix

    /// How much a match in this field says about relevance.
    var weight: Int {
        switch self {
        case .code: 1000
        case .title: 300
        case .keywords: 200
        case .summary: 120
        case .description: 60
        case .when: 40
        case .fix: 30
        }
    }

    func text(of entry: CatalogEntry) -> String {
        switch self {
        case .code: entry.code
        case .title: entry.title
        case .keywords: entry.keywords.joined(separator: ", ")
        case .summary: entry.summary
        case .description: entry.description
        case .when: entry.when
        case .fix: entry.fix
        }
    }
}

/// Where a query matched inside one field, as character offsets into the field's text.
public struct FieldMatch: Sendable, Hashable {
    public let field: SearchField
    public let ranges: [Range<Int>]
}

/// One ranked hit.
public struct SearchResult: Sendable, Hashable {
    /// Position of the entry in `Catalog.entries`.
    public let entryIndex: Int
    public let score: Int
    public let matches: [FieldMatch]

    public func ranges(in field: SearchField) -> [Range<Int>] {
        matches.first { $0.field == field }?.ranges ?? []
    }
}
