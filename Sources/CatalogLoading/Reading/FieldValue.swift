import SMTPCatalog

/// One member's value as read: text goes straight into the catalog's store; of
/// anything else only what the validator needs is kept. Plain data, so the
/// per-entry slots cost nothing to throw away.
enum FieldValue {
    case text(TextSpan)
    /// A list of strings in the store; items that were not strings are left out
    /// and listed in `EntryObject.wrongItems`.
    case list(ListSpan)
    case number(Double)
    case null
    /// A value of a type no member takes where it was found.
    case other(JSONValue.ValueType)

    var typeName: String {
        switch self {
        case .text: JSONValue.ValueType.string.name
        case .list: JSONValue.ValueType.array.name
        case .number: JSONValue.ValueType.number.name
        case .null: JSONValue.ValueType.null.name
        case .other(let type): type.name
        }
    }
}
