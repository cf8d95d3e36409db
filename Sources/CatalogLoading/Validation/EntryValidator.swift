import SMTPCatalog
import TextSafety

/// Checks one entry object against the catalog schema (docs/catalog.md),
/// collecting every problem instead of stopping at the first. Texts are checked
/// as bytes in the store; only short values (code, kind, commands…) become Strings.
struct EntryValidator {
    /// SMTP verbs of RFC 5321 and the extensions the catalog covers, for `commands` and
    /// `seen_after`; CONNECT is the greeting and ANY stands for a reply any command can
    /// get (421, 500, 501).
    static let knownCommands: Set<String> = [
        "CONNECT", "HELO", "EHLO", "MAIL", "RCPT", "DATA", "BDAT", "RSET", "VRFY", "EXPN", "HELP",
        "NOOP", "QUIT", "AUTH", "STARTTLS", "ETRN", "ATRN", "ANY",
    ]

    let file: String
    let position: Int
    private(set) var issues: [CatalogIssue] = []
    /// The code as written, when it is a non-empty string, for the entry's label.
    private(set) var writtenCode: String?
    /// The stored code and related codes, kept even when the entry is invalid, so that
    /// references can be checked across the catalog in the same run.
    private(set) var storedCode: String?
    private(set) var relatedCodes: ListSpan = .empty

    init(file: String, position: Int) {
        self.file = file
        self.position = position
    }

    /// The entry's label in messages ("#3 (553)").
    var label: String { Self.label(position: position, writtenCode: writtenCode) }

    static func label(position: Int, writtenCode: String?) -> String {
        writtenCode.map { "#\(position + 1) (\(SafeText.visible($0)))" } ?? "#\(position + 1)"
    }

    /// Returns the entry when the object is valid; `issues` holds what is wrong otherwise.
    mutating func validate(_ object: EntryObject, store: inout TextStoreBuilder) -> ValidatedEntry? {
        if let value = object.nonObject {
            report(nil, "expected an object, found \(value.typeName)")
            return nil
        }
        if case .text(let span)? = object[.code], span.count > 0 { writtenCode = store.string(span) }
        if let missing = object.missingRequiredNames {
            for name in missing { report(name, "missing") }
        }
        for name in object.unknownNames.sorted() {
            report(SafeText.visible(name), "unknown field")
        }
        let (code, key) = shape(object, store) ?? (nil, nil)
        let kind = string(object, .kind, store).flatMap { text -> CodeKind? in
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
        let className = text(object, .className, store)
        if let code, let className, let expected = expectedClassName(for: code),
           !store.withBytes(className, { $0.withUnsafeBufferPointer { $0.elementsEqual(expected.utf8) } }) {
            report("class_name", "must be \"\(expected)\" for \(code), found \"\(SafeText.visible(store.string(className)))\"")
        }
        let title = text(object, .title, store), summary = text(object, .summary, store)
        let description = text(object, .description, store), when = text(object, .when, store)
        let fix = text(object, .fix, store)
        let caveat = object[.caveat] == nil ? nil : text(object, .caveat, store)
        let commands = list(object, .commands, store)
        let commandNames = commands.map { store.strings(of: $0) } ?? []
        for command in commandNames where !Self.knownCommands.contains(command) {
            report("commands", "unknown SMTP command \"\(SafeText.visible(command))\"")
        }
        // What practice adds: the same vocabulary, and nothing `commands` already says.
        let seenAfter = object[.seenAfter] == nil ? ListSpan.empty : list(object, .seenAfter, store)
        for command in seenAfter.map({ store.strings(of: $0) }) ?? [] {
            if !Self.knownCommands.contains(command) {
                report("seen_after", "unknown SMTP command \"\(SafeText.visible(command))\"")
            } else if commandNames.contains(command) {
                report("seen_after", "\"\(command)\" is already in commands")
            }
        }
        let rfcs = list(object, .rfcs, store)
        for index in 0..<Int(rfcs?.count ?? 0) {
            let span = store.item(rfcs!, index)
            guard !store.withBytes(span, RFCReference.isWellFormed) else { continue }
            report("rfcs", "\"\(SafeText.visible(store.string(span)))\" is not of the form \"RFC 5321\", \"RFC 5321 §4.2.3\" or \"draft-name\"")
        }
        if let rfcs, rfcs.count == 0, issues.allSatisfy({ $0.field != "rfcs" }) {
            report("rfcs", "must cite at least one RFC")
        }
        let related = list(object, .related, store).map { normalisedCodes($0, &store) }
        let keywords = list(object, .keywords, store)
        let standing = string(object, .standing, store).flatMap { text -> Standing? in
            guard let standing = Standing(rawValue: text) else {
                let allowed = Standing.allCases.map(\.rawValue).joined(separator: ", ")
                report("standing", "must be one of \(allowed), found \"\(SafeText.visible(text))\"")
                return nil
            }
            return standing
        }
        storedCode = key
        guard issues.isEmpty, let code, let storedCode, let kind, let className, let commands, let seenAfter, let rfcs,
              let related, let keywords, let standing, let title, let summary, let description,
              let when, let fix
        else { return nil }
        return ValidatedEntry(
            code: storedCode, kind: kind, classDigit: digit, standing: standing,
            texts: EntryTextSpans(
                className: className, title: title, summary: summary, description: description, when: when,
                fix: fix, caveat: caveat, commands: commands, seenAfter: seenAfter, rfcs: rfcs, related: related,
                keywords: keywords),
            sortKey: CodeOrder.key(code))
    }

    // MARK: - Field readers (each reports its own problem and returns nil)

    private mutating func report(_ field: String?, _ message: String) {
        issues.append(CatalogIssue(file: file, entry: label, field: field, message: message))
    }

    /// A text member: a string that is neither blank nor holding control characters.
    private mutating func text(_ object: EntryObject, _ field: SchemaField, _ store: TextStoreBuilder) -> TextSpan? {
        guard let value = object[field] else { return nil }
        guard case .text(let span) = value else {
            report(field.name, "expected a string, found \(value.typeName)")
            return nil
        }
        return checked(span, store, field: field.name) ? span : nil
    }

    /// A short text member, as a String.
    private mutating func string(_ object: EntryObject, _ field: SchemaField, _ store: TextStoreBuilder) -> String? {
        text(object, field, store).map(store.string)
    }

    /// `field` is only worked out when there is something to report: this runs for every text loaded.
    private mutating func checked(_ span: TextSpan, _ store: TextStoreBuilder, field: @autoclosure () -> String) -> Bool {
        let (blank, bad) = store.withBytes(span) { span in
            span.withUnsafeBufferPointer { bytes in
                (bytes.allSatisfy { $0 == 0x20 || $0 == 0x09 }, ControlBytes.firstUnsafeScalar(in: bytes))
            }
        }
        if blank {
            report(field(), "must not be empty")
            return false
        }
        if let bad {
            report(field(), "contains the control character U+\(String(bad.value, radix: 16, uppercase: true).leftPadded(to: 4))")
            return false
        }
        return true
    }

    /// A list of texts; nil when it or any item is wrong.
    private mutating func list(_ object: EntryObject, _ field: SchemaField, _ store: TextStoreBuilder) -> ListSpan? {
        guard let value = object[field] else { return nil }
        guard case .list(let list) = value else {
            report(field.name, "expected an array of strings, found \(value.typeName)")
            return nil
        }
        let wrongItems = object.wrongItems.filter { $0.field == field }
        // Items are numbered as written, counting the ones that were not strings.
        var valid = wrongItems.isEmpty
        var wrong = wrongItems[...]
        var position = 0
        for index in 0..<Int(list.count) {
            position += 1
            while let first = wrong.first, first.position == position {
                report(field.name, "item \(position): expected a string, found \(first.type.name)")
                wrong = wrong.dropFirst()
                position += 1
            }
            if !checked(store.item(list, index), store, field: "\(field.name)[\(position)]") { valid = false }
        }
        for item in wrong { report(field.name, "item \(item.position): expected a string, found \(item.type.name)") }
        return valid ? list : nil
    }

    /// Related codes in their stored form (`x.1.1` becomes `X.1.1`); a text that is no
    /// code is reported. The codes are kept for the cross-entry check either way.
    private mutating func normalisedCodes(_ list: ListSpan, _ store: inout TextStoreBuilder) -> ListSpan {
        var spans: [TextSpan] = []
        var changed = false
        for index in 0..<Int(list.count) {
            let span = store.item(list, index)
            let text = store.string(span)
            guard let code = StatusCode(parsing: text) else {
                report("related", "\"\(SafeText.visible(text))\" is not a code")
                changed = true
                continue
            }
            let normal = code.description
            if normal == text {
                spans.append(span)
            } else {
                spans.append(store.append(normal.utf8))
                changed = true
            }
        }
        relatedCodes = changed ? store.appendList(spans) : list
        return relatedCodes
    }

    /// The code must be in its stored form: `553`, `5.X.X`, `X.1.X` or `X.1.1`.
    /// Returns the code and its key.
    private mutating func shape(_ object: EntryObject, _ store: TextStoreBuilder) -> (StatusCode, String)? {
        guard let text = string(object, .code, store) else { return nil }
        let code = StatusCode(parsing: text)
        let key = code?.catalogKey
        guard let code, let key, key == Catalog.lookupKey(text) else {
            report("code", "\"\(SafeText.visible(text))\" is not a stored code form (553, 5.X.X, X.1.X or X.1.1)")
            return nil
        }
        return (code, key)
    }

    private mutating func classDigit(_ object: EntryObject, code: StatusCode?) -> Int? {
        guard let field = object[.classDigit] else { return nil }
        let digit: Int?
        switch field {
        case .null:
            digit = nil
        case .number(let number) where number == number.rounded() && abs(number) < 10:
            digit = Int(number)
        default:
            report("class", "expected a class digit or null, found \(field.typeName)")
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
