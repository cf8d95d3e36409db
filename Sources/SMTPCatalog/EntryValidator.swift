import Foundation

/// Checks one JSON object against the catalog schema (docs/catalog.md) and
/// builds the entry, collecting every problem instead of stopping at the first.
struct EntryValidator {
    static let requiredFields: Set<String> = [
        "code", "kind", "class", "class_name", "title", "summary", "description", "when", "fix",
        "commands", "rfcs", "related", "keywords", "standing",
    ]
    static let optionalFields: Set<String> = ["caveat"]
    /// SMTP verbs of RFC 5321 and the extensions the catalog covers; CONNECT is the
    /// greeting and ANY stands for a reply any command can get (421, 500).
    static let knownCommands: Set<String> = [
        "CONNECT", "HELO", "EHLO", "MAIL", "RCPT", "DATA", "BDAT", "RSET", "VRFY", "EXPN", "HELP",
        "NOOP", "QUIT", "AUTH", "STARTTLS", "ETRN", "ATRN", "ANY",
    ]

    let file: String
    let position: Int
    private(set) var issues: [CatalogIssue] = []
    /// The entry's label in messages ("#3 (553)").
    private(set) var label: String
    /// The stored code and related codes, kept even when the entry is invalid, so that
    /// references can be checked across the catalog in the same run.
    private(set) var storedCode: String?
    private(set) var relatedCodes: [String] = []

    init(file: String, position: Int) {
        self.file = file
        self.position = position
        self.label = "#\(position + 1)"
    }

    /// Returns the entry when the object is valid; `issues` holds what is wrong otherwise.
    mutating func validate(_ value: JSONValue) -> CatalogEntry? {
        guard case .object(let object) = value else {
            report(nil, "expected an object, found \(value.typeName)")
            return nil
        }
        if case .string(let code)? = object["code"], !code.isEmpty {
            label = "#\(position + 1) (\(SafeText.visible(code)))"
        }
        for field in Self.requiredFields.subtracting(object.keys).sorted() {
            report(field, "missing")
        }
        for field in Set(object.keys).subtracting(Self.requiredFields).subtracting(Self.optionalFields).sorted() {
            report(SafeText.visible(field), "unknown field")
        }
        let code = shape(object, "code")
        let kind = string(object, "kind").flatMap { text -> CodeKind? in
            guard let kind = CodeKind(rawValue: text) else {
                report("kind", "must be \"basic\" or \"enhanced\", found \"\(SafeText.visible(text))\"")
                return nil
            }
            return kind
        }
        if let code, let kind, code.kind != kind {
            report("kind", "is \"\(kind.rawValue)\" but the code \(code) is \(code.kind.rawValue)")
        }
        let digit = classDigit(object, code: code)
        let className = string(object, "class_name")
        if let code, let className {
            let expected = expectedClassName(for: code)
            if let expected, className != expected {
                report("class_name", "must be \"\(expected)\" for \(code), found \"\(SafeText.visible(className))\"")
            }
        }
        let texts = ["title", "summary", "description", "when", "fix"].map { string(object, $0) }
        let caveat = object["caveat"] == nil ? nil : string(object, "caveat")
        let commands = strings(object, "commands")
        for command in commands ?? [] where !Self.knownCommands.contains(command) {
            report("commands", "unknown SMTP command \"\(SafeText.visible(command))\"")
        }
        let rfcs = strings(object, "rfcs")?.compactMap { text -> RFCReference? in
            guard let reference = RFCReference(parsing: text) else {
                report("rfcs", "\"\(SafeText.visible(text))\" is not of the form \"RFC 5321\" or \"RFC 5321 §4.2.3\"")
                return nil
            }
            return reference
        }
        if let rfcs, rfcs.isEmpty, issues.allSatisfy({ $0.field != "rfcs" }) {
            report("rfcs", "must cite at least one RFC")
        }
        let related = strings(object, "related")
        for reference in related ?? [] where StatusCode(parsing: reference) == nil {
            report("related", "\"\(SafeText.visible(reference))\" is not a code")
        }
        storedCode = code?.catalogKey
        relatedCodes = (related ?? []).filter { StatusCode(parsing: $0) != nil }
        let keywords = strings(object, "keywords")
        let standing = string(object, "standing").flatMap { text -> Standing? in
            guard let standing = Standing(rawValue: text) else {
                let allowed = Standing.allCases.map(\.rawValue).joined(separator: ", ")
                report("standing", "must be one of \(allowed), found \"\(SafeText.visible(text))\"")
                return nil
            }
            return standing
        }
        guard issues.isEmpty, let code, let kind, let className, let commands, let rfcs,
              let related, let keywords, let standing,
              case let .some(title) = texts[0], let summary = texts[1], let description = texts[2],
              let when = texts[3], let fix = texts[4]
        else { return nil }
        return CatalogEntry(
            code: code.catalogKey, kind: kind, classDigit: digit, className: className, title: title,
            summary: summary, description: description, when: when, fix: fix, commands: commands,
            rfcs: rfcs, related: related.map { StatusCode(parsing: $0)?.description ?? $0 },
            keywords: keywords, standing: standing, caveat: caveat
        )
    }

    // MARK: - Field readers (each reports its own problem and returns nil)

    private mutating func report(_ field: String?, _ message: String) {
        issues.append(CatalogIssue(file: file, entry: label, field: field, message: message))
    }

    private mutating func string(_ object: [String: JSONValue], _ field: String) -> String? {
        guard let value = object[field] else { return nil }
        guard case .string(let text) = value else {
            report(field, "expected a string, found \(value.typeName)")
            return nil
        }
        return checkedText(text, field: field)
    }

    private mutating func checkedText(_ text: String, field: String) -> String? {
        if text.utf8.allSatisfy({ $0 == 0x20 || $0 == 0x09 }) {
            report(field, "must not be empty")
            return nil
        }
        if let bad = SafeText.firstControlCharacter(in: text) {
            report(field, "contains the control character U+\(String(bad.value, radix: 16, uppercase: true).leftPadded(to: 4))")
            return nil
        }
        return text
    }

    private mutating func strings(_ object: [String: JSONValue], _ field: String) -> [String]? {
        guard let value = object[field] else { return nil }
        guard case .array(let items) = value else {
            report(field, "expected an array of strings, found \(value.typeName)")
            return nil
        }
        var result: [String] = []
        for (index, item) in items.enumerated() {
            guard case .string(let text) = item else {
                report(field, "item \(index + 1): expected a string, found \(item.typeName)")
                continue
            }
            if let text = checkedText(text, field: "\(field)[\(index + 1)]") { result.append(text) }
        }
        return result.count == items.count ? result : nil
    }

    /// The code must be in its stored form: `553`, `5.X.X`, `X.1.X` or `X.1.1`.
    private mutating func shape(_ object: [String: JSONValue], _ field: String) -> StatusCode? {
        guard let text = string(object, field) else { return nil }
        guard let code = StatusCode(parsing: text), code.catalogKey == text.uppercased() else {
            report(field, "\"\(SafeText.visible(text))\" is not a stored code form (553, 5.X.X, X.1.X or X.1.1)")
            return nil
        }
        return code
    }

    private mutating func classDigit(_ object: [String: JSONValue], code: StatusCode?) -> Int? {
        guard let value = object["class"] else { return nil }
        let digit: Int?
        switch value {
        case .null:
            digit = nil
        case .number(let number) where number == number.rounded() && abs(number) < 10:
            digit = Int(number)
        default:
            report("class", "expected a class digit or null, found \(value.typeName)")
            return nil
        }
        if let code, digit != code.classDigit {
            let expected = code.classDigit.map(String.init) ?? "null"
            report("class", "must be \(expected) for the code \(code), found \(digit.map(String.init) ?? "null")")
        }
        return digit
    }

    private func expectedClassName(for code: StatusCode) -> String? {
        guard let digit = code.classDigit else { return ReplyClass.anyClassName }
        return code.kind == .basic ? ReplyClass.basicName(digit) : ReplyClass.enhancedName(digit)
    }
}

private extension String {
    func leftPadded(to width: Int) -> String {
        count >= width ? self : String(repeating: "0", count: width - count) + self
    }
}
