/// A catalog of the user's own (`$XDG_CONFIG_HOME/smtp-codes/catalog/`, `--catalog`) that
/// added an entry or changed some of its fields (docs/catalog.md, "Your own codes").
public struct EntryOverlay: Sendable, Hashable {
    /// The file, as messages show it (`~/.config/smtp-codes/catalog/team.json`).
    public let file: String
    /// True when no catalog below had the code, so the file gave the whole entry.
    public let added: Bool
    /// The fields the file gave besides `code`, in schema order.
    public let fields: [SchemaField]

    public init(file: String, added: Bool, fields: [SchemaField]) {
        self.file = file
        self.added = added
        self.fields = fields
    }
}
