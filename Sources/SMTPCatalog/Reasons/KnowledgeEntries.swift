/// Provider replies and reasons as catalog entries, so that the explorer lists,
/// searches, shows and compares them exactly as it does codes (docs/decisions.md).
public enum KnowledgeEntries {
    public static func catalog(_ catalog: Catalog, adding book: ReasonBook, labels: LabelTable) -> Catalog {
        var uses: [String: [String]] = [:]
        func use(_ pattern: ReplyCodePattern, by code: String) {
            guard let key = pattern.catalogKey, catalog.position(ofKey: key) != nil, uses[key]?.last != code else { return }
            uses[key, default: []].append(code)
        }
        var variantsByReason: [String: [String]] = [:]
        var entries: [CatalogEntry] = []
        for rule in book.rules {
            guard let reason = book.reason(rule.reason) else { continue }
            entries.append(entry(for: rule, reason: reason, catalog: catalog, labels: labels))
            for pattern in rule.codes + exampleCodes(rule.example) { use(pattern, by: rule.id) }
            variantsByReason[reason.id, default: []].append(rule.id)
        }
        for reason in book.reasons {
            let codes = book.byCode.filter { $0.reason == reason.id }.map(\.code)
            entries.append(entry(for: reason, codes: codes, variants: variantsByReason[reason.id] ?? [], catalog: catalog, labels: labels))
            for pattern in codes { use(pattern, by: reason.id) }
        }
        return catalog.adding(entries, uses: uses)
    }

    /// The codes an example reply opens with (`550 5.7.26 …`, `550-5.7.26 …`): a rule
    /// without a code constraint is still listed under the codes it is seen with.
    static func exampleCodes(_ example: String) -> [ReplyCodePattern] {
        // The codes stand in the first few bytes; splitting the whole example into Characters cost start-up time.
        let head = example.utf8.prefix(16).split(whereSeparator: { $0 == 0x20 || $0 == 0x2D }).prefix(2)
        let words = head.map { String(decoding: $0, as: UTF8.self) }
        guard let first = words.first, first.count == 3, let basic = ReplyCodePattern(parsing: first),
              case .basic = basic else { return [] }
        if words.count > 1, let enhanced = ReplyCodePattern(parsing: words[1]), case .enhanced = enhanced {
            return [basic, enhanced]
        }
        return [basic]
    }

    /// A single code as written (`550`, `5.7.26`, `X.7.1`), when the catalog has its entry (for `related`).
    private static func key(_ pattern: ReplyCodePattern, in catalog: Catalog) -> String? {
        guard pattern.catalogKey != nil, catalog.resolve(pattern.description) != nil else { return nil }
        return pattern.description
    }

    private static func classDigit(of codes: [ReplyCodePattern]) -> Int? {
        for pattern in codes {
            switch pattern {
            case .basic(let value): return value / 100
            case .basicClass(let digit): return digit
            case .enhanced(let digit?, _, _), .subject(let digit?, _): return digit
            default: continue
            }
        }
        return nil
    }

    static func entry(for rule: FingerprintRule, reason: Reason, catalog: Catalog, labels: LabelTable) -> CatalogEntry {
        let whoActs = labels["explain.who_acts"] + ": " + labels["acts.\(reason.whoActs.rawValue)"]
        var when = labels["entry.seen_as"] + ": " + rule.example
        if !rule.codes.isEmpty { when += "\n" + labels["entry.codes"] + ": " + rule.codes.map(\.description).joined(separator: ", ") }
        var fix = rule.action
        if let docs = rule.docs { fix += "\n" + labels["explain.docs"] + ": " + docs }
        let keywords = [rule.source.name, rule.source.id, reason.id, reason.title] + (rule.providerCode.map { [$0] } ?? [])
            + rule.any + rule.all
        return CatalogEntry(
            code: rule.id, kind: .provider, classDigit: classDigit(of: rule.codes), className: rule.source.name,
            title: rule.providerCode.map { "\($0): \(rule.title)" } ?? rule.title, summary: rule.explanation,
            description: labels["explain.reason"] + ": " + reason.title + ". " + reason.meaning + "\n" + whoActs,
            when: when, fix: fix, commands: [], rfcs: [],
            related: rule.codes.compactMap { key($0, in: catalog) } + [reason.id],
            keywords: keywords, standing: .nonStandard)
    }

    static func entry(for reason: Reason, codes: [ReplyCodePattern], variants: [String], catalog: Catalog, labels: LabelTable) -> CatalogEntry {
        let description = [
            reason.meaning,
            labels["explain.who_acts"] + ": " + labels["acts.\(reason.whoActs.rawValue)"],
            labels["entry.retry.\(reason.retry.rawValue)"],
            labels[reason.hard ? "entry.hard" : "entry.soft"],
            labels.format("entry.peers", reason.sisimai, reason.ses, reason.kumomta),
        ].joined(separator: "\n")
        var when = labels["entry.codes"] + ": " + (codes.isEmpty ? labels["compare.none"] : codes.map(\.description).joined(separator: ", "))
        if !variants.isEmpty { when += "\n" + labels["entry.variants"] + ": " + variants.joined(separator: ", ") }
        return CatalogEntry(
            code: reason.id, kind: .reason, classDigit: nil, className: labels["entry.reason_class"],
            title: reason.title, summary: reason.meaning, description: description, when: when, fix: reason.action,
            commands: [], rfcs: [], related: codes.compactMap { key($0, in: catalog) },
            keywords: [reason.id, reason.sisimai, reason.ses, reason.kumomta], standing: .nonStandard)
    }
}
