/// The members an entry object may have, in the order their slots are kept.
enum EntryField: Int, CaseIterable {
    case code, kind, classDigit, className, title, summary, description, when, fix
    case commands, rfcs, related, keywords, standing, caveat

    /// The member name in the JSON (docs/catalog.md).
    var name: String {
        switch self {
        case .code: "code"
        case .kind: "kind"
        case .classDigit: "class"
        case .className: "class_name"
        case .title: "title"
        case .summary: "summary"
        case .description: "description"
        case .when: "when"
        case .fix: "fix"
        case .commands: "commands"
        case .rfcs: "rfcs"
        case .related: "related"
        case .keywords: "keywords"
        case .standing: "standing"
        case .caveat: "caveat"
        }
    }

    var isRequired: Bool { self != .caveat }

    /// Members holding a list of strings; the others hold one string, but `class`.
    var isList: Bool {
        switch self {
        case .commands, .rfcs, .related, .keywords: true
        default: false
        }
    }

    /// Member names as UTF-8, indexed by raw value, for matching keys without making Strings.
    static let nameBytes: [[UInt8]] = allCases.map { Array($0.name.utf8) }
}

/// One member's value as read: text goes straight into the catalog's store;
/// anything else is kept as a tree so the validator can say what it found.
enum FieldValue {
    case text(TextSpan)
    /// A list of strings in the store; items that were not strings are named by
    /// position and type, and left out.
    case list(ListSpan, wrongItems: [(position: Int, type: JSONValue.ValueType)])
    case other(JSONValue)

    var typeName: String {
        switch self {
        case .text: JSONValue.ValueType.string.name
        case .list: JSONValue.ValueType.array.name
        case .other(let value): value.typeName
        }
    }
}

/// One entry object as read from JSON: each known member's value in its slot,
/// and the names of members the schema does not have. Read straight from the
/// parser into the store, so a large catalog makes no tree, dictionary or
/// String per entry.
struct EntryFields {
    private var values: [FieldValue?] = Array(repeating: nil, count: EntryField.allCases.count)
    private(set) var unknownNames: [String] = []
    /// The whole value when it is not an object at all.
    private(set) var nonObject: JSONValue?

    subscript(field: EntryField) -> FieldValue? { values[field.rawValue] }


    static func read(from parser: inout JSONParser, into store: inout TextStoreBuilder) throws -> EntryFields {
        var fields = EntryFields()
        guard parser.peekType() == .object else {
            fields.nonObject = try parser.readValue()
            return fields
        }
        var members = try parser.beginObject()
        while try parser.next(in: &members) {
            switch try parser.readKey(in: EntryField.nameBytes) {
            case .known(let index):
                // A repeated member keeps its last value, as JSON readers commonly do.
                fields.values[index] = try readValue(of: EntryField(rawValue: index)!, from: &parser, into: &store)
            case .other(let name):
                _ = try parser.readValue()
                if !fields.unknownNames.contains(name) { fields.unknownNames.append(name) }
            }
        }
        return fields
    }

    private static func readValue(
        of field: EntryField, from parser: inout JSONParser, into store: inout TextStoreBuilder
    ) throws -> FieldValue {
        switch parser.peekType() {
        case .string where field != .classDigit && !field.isList:
            return .text(try store.appendWriting { try parser.readString(appendingTo: &$0) })
        case .array where field.isList:
            var wrongItems: [(position: Int, type: JSONValue.ValueType)] = []
            let start = store.nextListStart
            var elements = try parser.beginArray()
            var position = 0
            while try parser.next(in: &elements) {
                position += 1
                if parser.peekType() == .string {
                    store.appendItem(try store.appendWriting { try parser.readString(appendingTo: &$0) })
                } else {
                    wrongItems.append((position, try parser.readValue().type))
                }
            }
            return .list(store.list(from: start), wrongItems: wrongItems)
        default:
            return .other(try parser.readValue())
        }
    }
}
