/// What an entry of the catalog stands for: the two numbering systems a mail
/// administrator meets in a reply line, and the knowledge built on them.
public enum CodeKind: String, Sendable, Hashable, CaseIterable {
    /// Three-digit reply codes of RFC 5321 and its extensions, such as `553`.
    case basic
    /// Enhanced mail system status codes of RFC 3463 and the IANA registry, such as `5.1.3`.
    case enhanced
    /// A provider's, filter's or MTA's own reply, recognised by a fingerprint rule (`yahoo.tss04`).
    case provider
    /// A reason of the taxonomy (`greylisted`), what a reply says happened.
    case reason
    /// A group of replies read from a mail log or bounces (`smtp-codes --log FILE`): how often
    /// a reason, provider and code were seen, with an example.
    case seen

    /// Reply codes proper, as opposed to the knowledge entries built from rules and reasons.
    public var isCode: Bool { self == .basic || self == .enhanced }
}
