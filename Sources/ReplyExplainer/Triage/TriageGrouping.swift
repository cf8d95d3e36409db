/// What a triage group is keyed by, at one level of the tree.
public enum TriageLevel: String, Sendable, CaseIterable {
    /// The reason id (`recipient_unknown`), shown by its title.
    case reason
    /// The provider, filter, blocklist or MTA whose words the reply carries; none for generic texts.
    case provider
    /// The reply's codes as written (`550 5.1.1`); none for a diagnostic without codes.
    case code
    /// The recipient's domain; none when the input does not name the recipient.
    case domain
}

/// How `triage` groups replies (`--by`): the outermost level first, then the levels under it.
public enum TriageGrouping: String, Sendable, CaseIterable {
    case reason, code, provider, domain

    /// The levels of the group tree, outermost first.
    public var levels: [TriageLevel] {
        switch self {
        case .reason: [.reason, .provider, .code]
        case .code: [.code, .reason, .provider]
        case .provider: [.provider, .reason, .code]
        case .domain: [.domain, .reason, .code]
        }
    }
}

/// How much a report keeps, so that its memory is bounded by these numbers and never by
/// the number of replies read. What does not fit is still counted, under "other".
public struct TriageLimits: Sendable, Equatable {
    /// Distinct groups at the outermost level; later keys are counted in one "other" group.
    public var groups: Int
    /// Distinct subgroups under one group; later keys go to that group's "other".
    public var subgroups: Int
    /// Groups and subgroups of every level together.
    public var nodes: Int
    /// Distinct recipient domains, and distinct relays, counted per group; the rest as "other".
    public var keysPerGroup: Int
    /// Distinct hours on the timeline; replies in later-seen hours are counted as beyond it.
    public var hours: Int
    /// The longest example text kept, in bytes.
    public var exampleBytes: Int
    /// The longest domain, relay or provider key kept, in bytes (a DNS name has at most 253).
    public var keyBytes: Int

    public init(
        groups: Int = 1_000, subgroups: Int = 50, nodes: Int = 5_000, keysPerGroup: Int = 50, hours: Int = 100_000,
        exampleBytes: Int = 4_096, keyBytes: Int = 255
    ) {
        self.groups = groups
        self.subgroups = subgroups
        self.nodes = nodes
        self.keysPerGroup = keysPerGroup
        self.hours = hours
        self.exampleBytes = exampleBytes
        self.keyBytes = keyBytes
    }
}
