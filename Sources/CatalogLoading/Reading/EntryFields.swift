import SMTPCatalog
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
    /// Kept once: `allCases` builds a new array on every use.
    static let all = allCases
    static let requiredNamesSorted = all.filter(\.isRequired).map(\.name).sorted()
}

/// One member's value as read: text goes straight into the catalog's store; of
/// anything else only what the validator needs is kept. Plain data, so the
/// per-entry slots cost nothing to throw away.
enum FieldValue {
    case text(TextSpan)
    /// A list of strings in the store; items that were not strings are left out
    /// and listed in `EntryFields.wrongItems`.
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

/// One entry object as read from JSON: each known member's value in its slot,
/// and the names of members the schema does not have. Read straight from the
/// parser into the store, so a large catalog makes no tree, dictionary or
/// String per entry.
struct EntryFields {
    private var values: [FieldValue?] = Array(repeating: nil, count: EntryField.all.count)
    /// A set: an entry may carry any number of unknown members, and each is checked against the others.
    private(set) var unknownNames: Set<String> = []
    /// List items that were not strings: the member, the item's position (from 1) and its type.
    private(set) var wrongItems: [(field: EntryField, position: Int, type: JSONValue.ValueType)] = []
    /// The whole value when it is not an object at all.
    private(set) var nonObject: JSONValue?

    subscript(field: EntryField) -> FieldValue? { values[field.rawValue] }

    /// Names of required members that are absent, sorted; nil when none is (the usual case).
    var missingRequiredNames: [String]? {
        guard EntryField.all.contains(where: { $0.isRequired && values[$0.rawValue] == nil }) else { return nil }
        return EntryField.all.filter { $0.isRequired && values[$0.rawValue] == nil }.map(\.name).sorted()
    }


    static func read(from parser: inout JSONParser, into store: inout TextStoreBuilder) throws -> EntryFields {
        var fields = EntryFields()
        guard parser.peekType() == .object else {
            fields.nonObject = try parser.readValue()
            return fields
        }
        var members = try parser.beginObject()
        var likely = 0
        while try parser.next(in: &members) {
            switch try parser.readKey(in: EntryField.nameBytes, likely: likely) {
            case .known(let index):
                likely = index + 1
                // A repeated member keeps its last value, as JSON readers commonly do.
                fields.values[index] = try fields.readValue(of: EntryField(rawValue: index)!, from: &parser, into: &store)
            case .other(let name):
                _ = try parser.readValue()
                fields.unknownNames.insert(name)
            }
        }
        return fields
    }

    private mutating func readValue(
        of field: EntryField, from parser: inout JSONParser, into store: inout TextStoreBuilder
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
