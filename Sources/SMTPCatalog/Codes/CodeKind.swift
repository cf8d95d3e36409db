/// The two numbering systems a mail administrator meets in a reply line.
public enum CodeKind: String, Sendable, Hashable, CaseIterable {
    /// Three-digit reply codes of RFC 5321 and its extensions, such as `553`.
    case basic
    /// Enhanced mail system status codes of RFC 3463 and the IANA registry, such as `5.1.3`.
    case enhanced
}
