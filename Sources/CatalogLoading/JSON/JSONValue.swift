import SMTPCatalog
/// A JSON document kept with its exact types, so the validator can say
/// "expected a string, found a number" instead of failing inside a decoder.
enum JSONValue: Sendable, Equatable {
    case null
    case bool(Bool)
    case number(Double)
    case string(String)
    case array([JSONValue])
    case object([String: JSONValue])

    /// The kinds of JSON value, for messages and for peeking before reading.
    enum ValueType: Sendable {
        case null, bool, number, string, array, object

        var name: String {
            switch self {
            case .null: "null"
            case .bool: "a boolean"
            case .number: "a number"
            case .string: "a string"
            case .array: "an array"
            case .object: "an object"
            }
        }
    }

    var type: ValueType {
        switch self {
        case .null: .null
        case .bool: .bool
        case .number: .number
        case .string: .string
        case .array: .array
        case .object: .object
        }
    }

    var typeName: String { type.name }
}
