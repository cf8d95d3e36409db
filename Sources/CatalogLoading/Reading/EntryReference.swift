import SMTPCatalog

/// Where an entry points with `related`, valid or not, for the cross-entry check.
struct EntryReference {
    let file: String
    var position: Int
    let writtenCode: String?
    let storedCode: String?
    /// In the run's own store.
    let related: ListSpan
}
