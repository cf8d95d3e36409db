import SMTPCatalog

/// One titled part of what an entry shows: its heading (already in the interface
/// language), its text and how that text reads. Built once by `EntrySections`;
/// the explorer wraps it into lines, the command line prints it.
public struct DocumentSection: Sendable, Equatable {
    /// Which part of an entry this is, so a presentation can pick parts by name.
    public enum Kind: Sendable, Equatable, CaseIterable {
        case description, when, fix, caveat, commands, seenAfter, references, related, knowledge, keywords
    }

    public let kind: Kind
    public let heading: String
    public let text: String
    public let role: DocumentLine.Role
    /// Where to read more, one line per source with its address; empty for most sections.
    /// The command line prints these in place of `text`; a narrow pane keeps to `text`.
    public let links: [String]
}
