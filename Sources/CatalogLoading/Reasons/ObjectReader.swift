import FoundationEssentials
import SMTPCatalog

/// Reads the fields of one JSON object of a reasons or rules file, recording every
/// problem as a `CatalogIssue` (file, entry, field) instead of stopping at the first,
/// and rejecting fields the schema does not name, so a typo is reported, not ignored.
struct ObjectReader {
    let file: String
    let entry: String?
    let object: [String: JSONValue]
    private(set) var issues: [CatalogIssue] = []

    init(_ object: [String: JSONValue], file: String, entry: String?, allowed: Set<String>) {
        self.object = object
        self.file = file
        self.entry = entry
        for key in object.keys.sorted() where !allowed.contains(key) {
            issues.append(CatalogIssue(file: file, entry: entry, field: key, message: "is not a known field"))
        }
    }

    mutating func report(_ field: String?, _ message: String) {
        issues.append(CatalogIssue(file: file, entry: entry, field: field, message: message))
    }

    /// A non-empty string without control characters; nil (and an issue) otherwise.
    mutating func text(_ field: String, required: Bool = true) -> String? {
        guard let value = object[field], value != .null else {
            if required { report(field, "is missing") }
            return nil
        }
        guard case .string(let text) = value else {
            report(field, "must be a string, found \(value.typeName)")
            return nil
        }
        return checked(text, field)
    }

    mutating func strings(_ field: String) -> [String] {
        guard let value = object[field], value != .null else { return [] }
        guard case .array(let items) = value else {
            report(field, "must be an array of strings, found \(value.typeName)")
            return []
        }
        var result: [String] = []
        for item in items {
            guard case .string(let text) = item else {
                report(field, "must hold strings only, found \(item.typeName)")
                continue
            }
            if let text = checked(text, field) { result.append(text) }
        }
        return result
    }

    mutating func bool(_ field: String) -> Bool? {
        guard case .bool(let flag)? = object[field] else {
            report(field, object[field] == nil ? "is missing" : "must be true or false")
            return nil
        }
        return flag
    }

    mutating func choice<Value: RawRepresentable & CaseIterable>(_ field: String, _: Value.Type) -> Value? where Value.RawValue == String {
        guard let raw = text(field) else { return nil }
        guard let value = Value(rawValue: raw) else {
            let allowed = Value.allCases.map { "\"\($0.rawValue)\"" }.joined(separator: ", ")
            report(field, "must be one of \(allowed), found \"\(SafeText.visible(raw))\"")
            return nil
        }
        return value
    }

    private mutating func checked(_ text: String, _ field: String) -> String? {
        // Bytes, not Foundation's trimming: this runs for every text of every rule at start-up.
        if !text.utf8.contains(where: { $0 != 0x20 && $0 != 0x09 }) {
            report(field, "is empty")
            return nil
        }
        var text = text
        if let scalar = text.withUTF8({ ControlBytes.firstUnsafeScalar(in: $0) }) {
            report(field, "holds the control character U+\(String(scalar.value, radix: 16, uppercase: true))")
            return nil
        }
        return text
    }
}
