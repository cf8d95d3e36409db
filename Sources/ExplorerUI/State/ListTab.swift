import CatalogDocuments
import CatalogSearch
import SMTPCatalog

/// Which entries the list shows, before and during a search: everything, one kind of
/// code, the providers' own replies, the reasons, or what a mail log held (`--log`).
public enum ListTab: Int, Sendable, CaseIterable {
    case all, basic, enhanced, providers, reasons, seen

    /// The one kind of entry the tab lists; nil for All.
    var kind: CodeKind? {
        switch self {
        case .all: nil
        case .basic: .basic
        case .enhanced: .enhanced
        case .providers: .provider
        case .reasons: .reason
        case .seen: .seen
        }
    }

    func includes(_ entry: CatalogEntry) -> Bool {
        kind.map { entry.kind == $0 } ?? true
    }

    /// How many of `entries` each tab lists, in the order of `allCases`: one pass over the
    /// entries' kinds (this is counted before the first screen).
    static func counts(of entries: [CatalogEntry]) -> [Int] {
        var perKind: [CodeKind: Int] = [:]
        for position in entries.indices { perKind[entries[position].kind, default: 0] += 1 }
        return allCases.map { tab in tab.kind.map { perKind[$0] ?? 0 } ?? entries.count }
    }

    /// The tab's name in the header, a key of the label table.
    var labelKey: String {
        switch self {
        case .all: "ui.tab.all"
        case .basic: "ui.tab.basic"
        case .enhanced: "ui.tab.enhanced"
        case .providers: "ui.tab.providers"
        case .reasons: "ui.tab.reasons"
        case .seen: "ui.tab.seen"
        }
    }
}
