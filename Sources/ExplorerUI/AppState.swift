import CatalogDocuments
import CatalogSearch
import SMTPCatalog
import TerminalScreen

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

/// Where keys go on the main screen.
public enum Focus: Sendable, Equatable { case list, detail }

/// The full-screen view on top.
public enum Screen: Sendable, Equatable { case browse, compare(left: String, right: String) }

/// The whole explorer as one value: `update` makes the next one, views draw it.
public struct AppState: Sendable {
    public let catalog: Catalog
    public let index: SearchIndex
    public let labels: LabelTable
    public let mouseEnabled: Bool

    public var size: Size
    public var tab: ListTab = .all
    public var query = ""
    public var isSearching = false
    /// Search results under the current tab, best first (catalog order with no query).
    public private(set) var results: [SearchResult] = []
    /// What to highlight in the listed rows for the current query.
    public private(set) var highlighter: SearchHighlighter
    public var selection = 0
    public var listOffset = 0
    public var focus: Focus = .list
    public var detailOffset = 0
    /// Codes marked for comparison, oldest first; two at most.
    public var marks: [String] = []
    public var screen: Screen = .browse
    public var compareOffset = 0
    public var showsHelp = false
    /// The detail pane's lines for the selected code at the current width, kept so that
    /// each keystroke wraps the text once (update bounds scrolling with it, views draw it).
    public internal(set) var detailLines: [DocumentLine] = []
    var detailLinesKey: (code: String, width: Int)?
    /// The comparison's rows while it is open, laid out for the current width (rebuilt
    /// only when the pair or the width changes, not on every scroll step).
    var compareLines: [CompareLine]?
    var compareLinesKey: (screen: Screen, width: Int)?
    /// A one-off notice for the status line, cleared by the next action.
    public var notice: String?
    public var shouldQuit = false
    /// The query changed since the last search; the next non-typing action searches first.
    public internal(set) var resultsAreStale = false

    public init(catalog: Catalog, labels: LabelTable, size: Size, synonyms: SynonymTable = .empty, mouseEnabled: Bool = true) {
        self.init(index: SearchIndex(catalog: catalog, synonyms: synonyms), labels: labels, size: size, mouseEnabled: mouseEnabled)
    }

    /// Starts from a search index built elsewhere (it is the costly part for a large catalog).
    public init(index: SearchIndex, labels: LabelTable, size: Size, mouseEnabled: Bool = true) {
        self.catalog = index.catalog
        self.index = index
        let basic = index.catalog.entries.lazy.filter { $0.kind == .basic }.count
        self.tabCounts = [index.catalog.entries.count, basic, index.catalog.entries.count - basic]
        self.highlighter = SearchHighlighter(query: SearchQuery(""), index: index)
        self.labels = labels
        self.size = size
        self.mouseEnabled = mouseEnabled
        refreshResults()
    }

    /// The entry under the selection, if the list is not empty.
    public var selectedEntry: CatalogEntry? {
        results.indices.contains(selection) ? catalog.entries[results[selection].entryIndex] : nil
    }

    public var selectedResult: SearchResult? {
        results.indices.contains(selection) ? results[selection] : nil
    }

    /// How many codes the current tab holds before searching.
    public var tabCount: Int { tabCounts[tab.rawValue] }
    /// Codes per tab, counted once: the list's border shows it on every frame.
    private let tabCounts: [Int]

    /// Re-runs the search for the query and tab, keeping the selected code when it is still listed.
    mutating func refreshResults() {
        resultsAreStale = false
        let previous = selectedEntry?.code
        let tab = self.tab
        let parsed = SearchQuery(query, synonyms: index.synonyms)
        let found = index.search(parsed)
        results = tab == .all ? found : found.filter { tab.includes(catalog.entries[$0.entryIndex]) }
        highlighter = SearchHighlighter(query: parsed, index: index)
        // While typing a query the best match is what people want; otherwise stay put
        // (looked up only then: it is a scan of every result).
        let sameCode = query.isEmpty ? previous.flatMap { code in results.firstIndex { catalog.entries[$0.entryIndex].code == code } } : nil
        selection = sameCode ?? 0
        listOffset = 0
        detailOffset = 0
    }
}
