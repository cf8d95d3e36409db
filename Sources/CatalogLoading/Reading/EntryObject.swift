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

    /// The members present, in schema order.
    var givenFields: [SchemaField] { SchemaField.all.filter { values[$0.rawValue] != nil } }

    /// In a user's catalog, `null` for an optional member (`caveat`, `seen_after`) leaves
    /// it out, also of the entry below; elsewhere `null` is a wrong type as ever. Returns
    /// the members dropped.
    mutating func dropNullOptionals() -> Set<SchemaField> {
        var dropped: Set<SchemaField> = []
        for field in SchemaField.all where !field.isRequired {
            guard case .null? = values[field.rawValue] else { continue }
            values[field.rawValue] = nil
            dropped.insert(field)
        }
        return dropped
    }

    /// Fills each member this object leaves out with the value of `entry`, the one below it
    /// of the same code, copied from `below` into `store`. `omitted` are members to keep
    /// out (optional ones the user's catalog set to `null`).
    mutating func fill(from entry: ValidatedEntry, of below: TextStoreBuilder, into store: inout TextStoreBuilder,
                       omitting omitted: Set<SchemaField> = []) {
        let texts = entry.texts
        for field in SchemaField.all where values[field.rawValue] == nil && !omitted.contains(field) {
            let value: FieldValue?
            switch field {
            case .code: value = .text(store.append(entry.code.utf8))
            case .kind: value = .text(store.append(entry.kind.rawValue.utf8))
            case .classDigit: value = entry.classDigit.map { .number(Double($0)) } ?? .null
            case .className: value = .text(store.append(texts.className, of: below))
            case .title: value = .text(store.append(texts.title, of: below))
            case .summary: value = .text(store.append(texts.summary, of: below))
            case .description: value = .text(store.append(texts.description, of: below))
            case .when: value = .text(store.append(texts.when, of: below))
            case .fix: value = .text(store.append(texts.fix, of: below))
            case .caveat: value = texts.caveat.map { .text(store.append($0, of: below)) }
            case .commands: value = .list(store.append(texts.commands, of: below))
            // An entry without practice's commands has an empty list; the member stays absent.
            case .seenAfter: value = texts.seenAfter.count == 0 ? nil : .list(store.append(texts.seenAfter, of: below))
            case .rfcs: value = .list(store.append(texts.rfcs, of: below))
            case .related: value = .list(store.append(texts.related, of: below))
            case .keywords: value = .list(store.append(texts.keywords, of: below))
            case .standing: value = .text(store.append(entry.standing.rawValue.utf8))
            }
            values[field.rawValue] = value
        }
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
