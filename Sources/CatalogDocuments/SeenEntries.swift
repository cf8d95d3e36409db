import ReplyExplainer
import SMTPCatalog

/// What a log held, as catalog entries (`smtp-codes --log FILE`): one per group of the
/// triage report (reason → provider → code), listed on the explorer's Seen tab, shown,
/// searched, marked and compared like codes. The entry's id is its rank (`#1` is the
/// largest group).
public enum SeenEntries {
    public static func catalog(_ catalog: Catalog, adding report: TriageReport, book: ReasonBook, labels: LabelTable) -> Catalog {
        var entries: [Pending] = []
        for reasonGroup in report.groups {
            let reason = reasonGroup.key.flatMap(book.reason)
            for leaf in leaves(of: reasonGroup) {
                entries.append(entry(leaf: leaf, reasonGroup: reasonGroup, reason: reason, report: report,
                                     catalog: catalog, labels: labels))
            }
        }
        // Ranked by size across the whole log, largest first.
        let ranked = entries.enumerated().sorted { ($0.element.count, -$0.offset) > ($1.element.count, -$1.offset) }
        let numbered = ranked.enumerated().map { rank, item in item.element.numbered(rank + 1) }
        return catalog.adding(numbered, uses: [:])
    }

    /// The provider → code groups under a reason (the reason itself when it has none).
    private static func leaves(of group: TriageGroup) -> [(provider: TriageGroup?, code: TriageGroup)] {
        guard !group.children.isEmpty else { return [(nil, group)] }
        return group.children.flatMap { provider in
            provider.children.isEmpty ? [(provider, provider)] : provider.children.map { (provider, $0) }
        }
    }

    /// An entry before its rank is known.
    private struct Pending {
        let count: Int
        let make: (String) -> CatalogEntry
        func numbered(_ rank: Int) -> CatalogEntry { make("#\(rank)") }
    }

    private static func entry(
        leaf: (provider: TriageGroup?, code: TriageGroup), reasonGroup: TriageGroup, reason: Reason?,
        report: TriageReport, catalog: Catalog, labels: LabelTable
    ) -> Pending {
        let group = leaf.code
        let none = { (key: String) in labels[key] }
        let reasonTitle = reason?.title ?? reasonGroup.title ?? none("triage.none.reason")
        let provider = leaf.provider?.key ?? none("triage.none.provider")
        let code = group.level == .code ? (group.key ?? none("triage.none.code")) : (group.example?.codes ?? "")
        let title = "\(group.count)× \(reasonTitle) · \(provider) · \(code)"
        let share = report.problems > 0 ? Double(group.count) * 100 / Double(report.problems) : 0
        var summary = labels.format("seen.summary", String(group.count), String(Int(share.rounded())))
        summary += " " + labels.format("triage.hard_soft", String(group.hard), String(group.soft))
        if let first = group.firstSeen, let last = group.lastSeen {
            summary += " · " + labels.format("triage.seen", UTCTime.minute(first), UTCTime.minute(last))
        }
        var when: [String] = []
        if let example = group.example { when.append(labels["triage.example"] + " " + example.codes + " " + example.text) }
        if !group.domains.isEmpty {
            when.append(labels["triage.domains"] + ": " + group.domains.map { "\($0.key) (\($0.count))" }.joined(separator: ", "))
        }
        if !group.relays.isEmpty {
            when.append(labels["triage.relays"] + ": " + group.relays.map { "\($0.key) (\($0.count))" }.joined(separator: ", "))
        }
        let related = (group.example?.codes.split(separator: " ").map(String.init) ?? [])
            .filter { catalog.resolve($0) != nil } + (reason.map { [$0.id] } ?? [])
        let keywords = [reason?.id, leaf.provider?.key, code].compactMap { $0 } + group.domains.map(\.key)
        return Pending(count: group.count) { id in
            CatalogEntry(
                code: id, kind: .seen, classDigit: group.dominantClass, className: labels["seen.class"], title: title,
                summary: summary, description: reason?.meaning ?? "", when: when.joined(separator: "\n"),
                fix: group.action ?? reason?.action ?? "", commands: [], rfcs: [], related: related,
                keywords: keywords, standing: .nonStandard)
        }
    }
}
