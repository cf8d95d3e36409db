import FoundationEssentials
import SMTPCatalog

/// Validates one `rules/*.json` file: its source and each rule (docs/reasons.md).
enum RuleReader {
    static let ruleFields: Set<String> = [
        "id", "provider_code", "title", "any", "all", "codes", "reason", "explanation", "action", "docs", "example",
    ]
    /// Longer titles do not fit the explorer's list beside the code.
    static let maximumTitleLength = 90

    static func rules(
        _ top: [String: JSONValue], items: [[String: JSONValue]], file: String, expectedSource: String,
        known: Set<String>, issues: inout [CatalogIssue]
    ) -> [FingerprintRule] {
        var topReader = ObjectReader(top, file: file, entry: nil, allowed: ["schema", "source", "rules"])
        guard case .object(let sourceObject)? = top["source"] else {
            topReader.report("source", "must be an object {\"id\", \"name\", \"kind\"}")
            issues += topReader.issues
            return []
        }
        var sourceReader = ObjectReader(sourceObject, file: file, entry: nil, allowed: ["id", "name", "kind"])
        let sourceID = sourceReader.text("id"), name = sourceReader.text("name")
        let kind = sourceReader.choice("kind", RuleSource.Kind.self)
        if let sourceID, sourceID != expectedSource {
            sourceReader.report("source.id", "is \"\(SafeText.visible(sourceID))\" but the file is \(expectedSource).json")
        }
        issues += topReader.issues + sourceReader.issues
        guard topReader.issues.isEmpty, sourceReader.issues.isEmpty, let sourceID, let name, let kind else { return [] }
        let source = RuleSource(id: sourceID, name: name, kind: kind)
        var result: [FingerprintRule] = []
        for (position, object) in items.enumerated() {
            let label: String
            if case .string(let id)? = object["id"] { label = SafeText.visible(id) } else { label = "#\(position + 1)" }
            var reader = ObjectReader(object, file: file, entry: label, allowed: ruleFields)
            if let rule = rule(&reader, source: source, known: known) { result.append(rule) }
            issues += reader.issues
        }
        return result
    }

    private static func rule(_ reader: inout ObjectReader, source: RuleSource, known: Set<String>) -> FingerprintRule? {
        let id = reader.text("id")
        if let id, !(isSlug(id, extra: ".-") && id.hasPrefix(source.id + ".")) {
            reader.report("id", "must be \"\(source.id).<name>\" in lower case letters, digits, '.', '-' and '_'")
        }
        let providerCode = reader.text("provider_code", required: false)
        // Byte checks throughout: Character counting and white-space tests cost grapheme breaking, at start-up.
        if let providerCode, providerCode.utf8.contains(where: Self.isSpace) { reader.report("provider_code", "must be one word") }
        let title = reader.text("title")
        if let title, title.utf8.count > maximumTitleLength, title.unicodeScalars.count > maximumTitleLength {
            reader.report("title", "is longer than \(maximumTitleLength) characters")
        }
        let any = fingerprints(&reader, "any"), all = fingerprints(&reader, "all")
        let codes = reader.strings("codes").compactMap { text -> ReplyCodePattern? in
            guard let pattern = ReplyCodePattern(parsing: text) else {
                reader.report("codes", "\"\(SafeText.visible(text))\" is not a code, class (5xx) or subject (X.7)")
                return nil
            }
            return pattern
        }
        if any.isEmpty, !all.isEmpty { reader.report("any", "is empty while 'all' is not: put at least one fingerprint in 'any'") }
        if any.isEmpty, all.isEmpty, !codes.contains(where: \.isConcreteEnhanced) {
            reader.report("any", "is empty: a rule needs fingerprints, or 'codes' with a provider's own enhanced code (5.7.606)")
        }
        let reason = reason(&reader, known: known)
        let explanation = reader.text("explanation"), action = reader.text("action")
        let docs = reader.text("docs", required: false)
        if let docs, !(docs.hasPrefix("https://") && !docs.utf8.contains(where: Self.isSpace) && docs.utf8.count > 8) {
            reader.report("docs", "must be one https:// address")
        }
        let example = reader.text("example")
        guard reader.issues.isEmpty, let id, let title, let reason, let explanation, let action, let example else { return nil }
        return FingerprintRule(id: id, source: source, providerCode: providerCode, title: title, any: any, all: all,
                               codes: codes, reason: reason, explanation: explanation, action: action, docs: docs,
                               example: example)
    }

    /// Fingerprints are compared in lower case; two characters at least, so that one cannot match everywhere.
    private static func fingerprints(_ reader: inout ObjectReader, _ field: String) -> [String] {
        reader.strings(field).compactMap { text in
            guard text.utf8.count >= 2 else {
                reader.report(field, "\"\(SafeText.visible(text))\" is shorter than two characters")
                return nil
            }
            return text.lowercased()
        }
    }

    static func reason(_ reader: inout ObjectReader, known: Set<String>) -> String? {
        guard let reason = reader.text("reason") else { return nil }
        guard known.contains(reason) else {
            reader.report("reason", "\"\(SafeText.visible(reason))\" is not a reason of reasons/reasons.json")
            return nil
        }
        return reason
    }

    private static func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 }

    static func isSlug(_ text: String, extra: String = "") -> Bool {
        !text.isEmpty && text.unicodeScalars.allSatisfy { scalar in
            ("a"..."z").contains(scalar) || ("0"..."9").contains(scalar) || scalar == "_" || extra.unicodeScalars.contains(scalar)
        }
    }
}
