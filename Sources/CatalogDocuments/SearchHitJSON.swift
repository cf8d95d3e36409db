import CatalogSearch
import SMTPCatalog

/// The JSON shape of one search hit (documented in the README).
public struct SearchHitJSON: Encodable {
    public struct Match: Encodable {
        public let field: String
        public let ranges: [[Int]]
    }

    public let code: String
    public let title: String
    public let `class`: Int?
    public let className: String
    public let score: Int
    public let matches: [Match]

    enum CodingKeys: String, CodingKey { case code, title, `class`, className = "class_name", score, matches }

    /// `readClass` is the class the query named (`SearchQuery.typedClass`): an enhanced
    /// code that serves any class is reported in it, as it was typed.
    public init(_ result: SearchResult, catalog: Catalog, highlighter: SearchHighlighter, readClass: Int? = nil) {
        let entry = catalog.entries[result.entryIndex]
        let resolved = ResolvedCode(entry: entry, requested: readClass.map { .enhanced(classDigit: $0, subject: nil, detail: nil) })
        code = resolved.code
        title = entry.title
        `class` = resolved.classDigit
        className = resolved.className
        score = result.score
        matches = highlighter.matches(in: entry).map { match in
            Match(field: match.field.rawValue, ranges: match.scalarRanges(in: entry).map { [$0.lowerBound, $0.upperBound] })
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(code, forKey: .code)
        try container.encode(title, forKey: .title)
        try container.encode(`class`, forKey: .class)
        try container.encode(className, forKey: .className)
        try container.encode(score, forKey: .score)
        try container.encode(matches, forKey: .matches)
    }
}
