/// One rule of `Resources/rules/`: fingerprints of a reply's text, optionally
/// narrowed by its codes, and what they mean (docs/reasons.md).
public struct FingerprintRule: Sendable, Hashable {
    /// The fields, behind one reference: a rule is copied with every classification that
    /// names it, and one reference costs less to copy than a dozen strings and arrays.
    private let fields: SharedValue<Fields>

    private struct Fields: Sendable, Hashable {
        let id: String
        let source: RuleSource
        let providerCode: String?
        let title: String
        let any: [String]
        let all: [String]
        let codes: [ReplyCodePattern]
        let reason: String
        let explanation: String
        let action: String
        let docs: String?
        let example: String
    }

    public var id: String { fields.value.id }
    public var source: RuleSource { fields.value.source }
    /// The provider's own code as it appears in replies (`TSS04`, `S3150`, `5.7.606`).
    public var providerCode: String? { fields.value.providerCode }
    public var title: String { fields.value.title }
    /// Lower-case fingerprints; at least one must occur (none: the rule matches by code alone).
    public var any: [String] { fields.value.any }
    /// Lower-case fingerprints that must all occur as well.
    public var all: [String] { fields.value.all }
    /// The reply must carry one of these codes; empty means any.
    public var codes: [ReplyCodePattern] { fields.value.codes }
    /// A reason id of the reason table.
    public var reason: String { fields.value.reason }
    public var explanation: String { fields.value.explanation }
    public var action: String { fields.value.action }
    public var docs: String? { fields.value.docs }
    /// A reply this rule is meant for; a test checks it classifies to this rule.
    public var example: String { fields.value.example }

    public init(
        id: String, source: RuleSource, providerCode: String?, title: String, any: [String], all: [String],
        codes: [ReplyCodePattern], reason: String, explanation: String, action: String, docs: String?, example: String
    ) {
        fields = SharedValue(Fields(id: id, source: source, providerCode: providerCode, title: title, any: any, all: all,
                                    codes: codes, reason: reason, explanation: explanation, action: action, docs: docs,
                                    example: example))
    }

    /// Matched by code alone: no text fingerprints, only the provider's own codes.
    public var matchesByCodeAlone: Bool { any.isEmpty && all.isEmpty }
}
