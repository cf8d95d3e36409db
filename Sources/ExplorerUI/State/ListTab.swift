import CatalogDocuments
import CatalogSearch
import SMTPCatalog

/// Which entries the list shows, before and during a search: everything, one kind of
/// code, the providers' own replies, the reasons, or what a mail log held (`--log`).
public enum ListTab: Int, Sendable, CaseIterable {
    case all, basic, enhanced, providers, reasons, seen

    func includes(_ entry: CatalogEntry) -> Bool {
        switch self {
        case .all: true
        case .basic: entry.kind == .basic
        case .enhanced: entry.kind == .enhanced
        case .providers: entry.kind == .provider
        case .reasons: entry.kind == .reason
        case .seen: entry.kind == .seen
        }
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
