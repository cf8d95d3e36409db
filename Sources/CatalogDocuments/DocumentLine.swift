import SMTPCatalog
import TerminalScreen

/// A line of a scrollable document, with a role that decides its style.
public struct DocumentLine: Sendable, Equatable {
    /// `source`: where an entry of the user's own catalogs comes from (`EntrySections.sourceLines`).
    public enum Role: Sendable, Equatable { case title, classLine, source, heading, body, caveat, blank }
    public var text: String
    public var role: Role
    /// Class digit for colouring the title and class lines.
    public var classDigit: Int?

    public init(_ text: String, _ role: Role, classDigit: Int? = nil) {
        self.text = text
        self.role = role
        self.classDigit = classDigit
    }
}
