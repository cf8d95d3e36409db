import SMTPCatalog

/// What the classifier decided for one reply, and which step of the decision
/// order decided it (docs/reasons.md).
public struct Classification: Sendable {
    public enum Step: String, Sendable {
        case providerText = "provider_text"
        case providerCode = "provider_code"
        case genericText = "generic_text"
        case enhancedCode = "enhanced_code"
        case basicCode = "basic_code"
        case unclassified
    }

    public let reason: Reason
    /// The rule that decided, when one did.
    public let rule: FingerprintRule?
    public let step: Step

    /// Whom the reply names as having answered: the rule's provider, filter, blocklist or MTA.
    public var provider: String? { rule?.source.shownProvider }
    public var providerCode: String? { rule?.providerCode }
}
