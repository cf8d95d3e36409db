import SMTPCatalog
import TerminalScreen

/// One row of the comparison: a full-width line, or a left and a right cell.
public struct CompareLine: Sendable, Equatable {
    public var left: DocumentLine
    /// nil for a line that spans both columns.
    public var right: DocumentLine?
}
