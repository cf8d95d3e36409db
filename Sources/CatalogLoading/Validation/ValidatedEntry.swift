import SMTPCatalog
import TextSafety

/// An entry that passed validation, its texts still in the store being built.
struct ValidatedEntry {
    let code: String
    let kind: CodeKind
    let classDigit: Int?
    let standing: Standing
    package let texts: EntryTextSpans
    /// Where the code sorts (`CodeOrder`).
    let sortKey: UInt64
    /// Which of the reading's text stores holds the texts; set when the run is taken in.
    package var store = 0
}
