import CatalogDocuments
import CatalogSearch
import SMTPCatalog

/// Which codes the list shows before any search.
public enum ListTab: Int, Sendable, CaseIterable {
    case all, basic, enhanced

    func includes(_ entry: CatalogEntry) -> Bool {
        switch self {
        case .all: true
        case .basic: entry.kind == .basic
        case .enhanced: entry.kind == .enhanced
        }
    }
}
