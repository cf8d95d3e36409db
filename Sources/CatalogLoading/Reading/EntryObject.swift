import SMTPCatalog

/// One entry object as read from JSON: each known member's value in its slot,
/// and the names of members the schema does not have. Read straight from the
/// parser into the store, so a large catalog makes no tree, dictionary or
/// String per entry.
struct EntryObject {
    private var values: [FieldValue?] = Array(repeating: nil, count: SchemaField.all.count)
    /// A set: an entry may carry any number of unknown members, and each is checked against the others.
    private(set) var unknownNames: Set<String> = []
    /// List items that were not strings: the member, the item's position (from 1) and its type.
    private(set) var wrongItems: [(field: SchemaField, position: Int, type: JSONValue.ValueType)] = []
    /// The whole value when it is not an object at all.
    private(set) var nonObject: JSONValue?

    subscript(field: SchemaField) -> FieldValue? { values[field.rawValue] }

    /// Names of required members that are absent, sorted; nil when none is (the usual case).
    var missingRequiredNames: [String]? {
        guard SchemaField.all.contains(where: { $0.isRequired && values[$0.rawValue] == nil }) else { return nil }
        return SchemaField.all.filter { $0.isRequired && values[$0.rawValue] == nil }.map(\.name).sorted()
    }

    static func read(from parser: inout JSONParser, into store: inout TextStoreBuilder) throws -> EntryObject {
        var fields = EntryObject()
        guard parser.peekType() == .object else {
            fields.nonObject = try parser.readValue()
            return fields
        }
        var members = try parser.beginObject()
        var likely = 0
        while try parser.next(in: &members) {
            switch try parser.readKey(in: SchemaField.nameBytes, likely: likely) {
            case .known(let index):
                likely = index + 1
                // A repeated member keeps its last value, as JSON readers commonly do.
                fields.values[index] = try fields.readValue(of: SchemaField(rawValue: index)!, from: &parser, into: &store)
            case .other(let name):
                _ = try parser.readValue()
                fields.unknownNames.insert(name)
            }
        }
        return fields
    }

    private mutating func readValue(
        of field: SchemaField, from parser: inout JSONParser, into store: inout TextStoreBuilder
    ) throws -> FieldValue {
        switch parser.peekType() {
        case .string where field != .classDigit && !field.isList:
            return .text(try store.appendWriting { try parser.readString(appendingTo: &$0) })
        case .array where field.isList:
            let start = store.nextListStart
            var elements = try parser.beginArray()
            var position = 0
            while try parser.next(in: &elements) {
                position += 1
                if parser.peekType() == .string {
                    store.appendItem(try store.appendWriting { try parser.readString(appendingTo: &$0) })
                } else {
                    wrongItems.append((field, position, try parser.readValue().type))
                }
            }
            return .list(store.list(from: start))
        default:
            switch try parser.readValue() {
            case .null: return .null
            case .number(let number): return .number(number)
            case let value: return .other(value.type)
            }
        }
    }
}
