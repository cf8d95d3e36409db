/// One rule of `Resources/rules/`: fingerprints of a reply's text, optionally
/// narrowed by its codes, and what they mean (docs/reasons.md).
public struct FingerprintRule: Sendable, Hashable {
    public let id: String
    public let source: RuleSource
    /// The provider's own code as it appears in replies (`TSS04`, `S3150`, `5.7.606`).
    public let providerCode: String?
    public let title: String
    /// Lower-case fingerprints; at least one must occur (none: the rule matches by code alone).
    public let any: [String]
    /// Lower-case fingerprints that must all occur as well.
    public let all: [String]
    /// The reply must carry one of these codes; empty means any.
    public let codes: [ReplyCodePattern]
    /// A reason id of the reason table.
    public let reason: String
    public let explanation: String
    public let action: String
    public let docs: String?
    /// A reply this rule is meant for; a test checks it classifies to this rule.
    public let example: String

    public init(
        id: String, source: RuleSource, providerCode: String?, title: String, any: [String], all: [String],
        codes: [ReplyCodePattern], reason: String, explanation: String, action: String, docs: String?, example: String
    ) {
        self.id = id
        self.source = source
        self.providerCode = providerCode
        self.title = title
        self.any = any
        self.all = all
        self.codes = codes
        self.reason = reason
        self.explanation = explanation
        self.action = action
        self.docs = docs
        self.example = example
    }

    /// Matched by code alone: no text fingerprints, only the provider's own codes.
    public var matchesByCodeAlone: Bool { any.isEmpty && all.isEmpty }
}
