import SMTPCatalog

/// The JSON shape of `compare --json` (documented in the README).
public struct ComparisonJSON: Encodable {
    public struct Reference: Encodable {
        public let reference: String
        public let url: String
    }

    public let left: CodeJSON
    public let right: CodeJSON
    public let verdict: String
    public let differences: [String]
    public let whenToUse: [String]
    public let references: [Reference]

    enum CodingKeys: String, CodingKey {
        case left, right, verdict, differences, whenToUse = "when_to_use", references
    }

    public init(_ comparison: Comparison) {
        left = CodeJSON(comparison.left)
        right = CodeJSON(comparison.right)
        verdict = comparison.verdict
        differences = comparison.differences
        whenToUse = comparison.whenToUse
        references = comparison.references.map { Reference(reference: $0.description, url: $0.url) }
    }
}
