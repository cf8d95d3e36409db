/// Whose texts a rule file holds: a mailbox provider, a filtering service, a
/// blocklist family or an MTA. The kind decides the rule's step in the decision
/// order (docs/reasons.md).
public struct RuleSource: Sendable, Hashable {
    public let id: String
    /// Shown as the provider (`Microsoft 365 / Outlook.com`).
    public let name: String
    public let kind: Kind

    public enum Kind: String, Sendable, Hashable, CaseIterable {
        case provider, filter, blocklist, mta, generic

        /// Provider, filter and blocklist texts name who answered, and outrank an MTA's stock texts.
        public var isSpecific: Bool { self == .provider || self == .filter || self == .blocklist }
    }

    public init(id: String, name: String, kind: Kind) {
        self.id = id
        self.name = name
        self.kind = kind
    }

    /// The provider to show for a rule of this source: none for phrases any server uses.
    public var shownProvider: String? { kind == .generic ? nil : name }
}
