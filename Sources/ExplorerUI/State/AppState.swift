import CatalogDocuments
import CatalogSearch
import ReplyExplainer
import SMTPCatalog
import TerminalScreen

/// The whole explorer as one value: `update` makes the next one, views draw it.
///
/// Every field is `private(set)`, and Swift lets only this file write such a field, so
/// the transitions (`apply` and its helpers) live here too: no other code can change a
/// state except by asking `update` for the next one.
public struct AppState: Sendable {
    public let catalog: Catalog
    public let index: SearchIndex
    public let labels: LabelTable
    public let mouseEnabled: Bool
    /// Decides what a pasted reply says happened (docs/reasons.md).
    public let classifier: ReasonClassifier

    public private(set) var size: Size
    public private(set) var tab: ListTab = .all
    public private(set) var query = ""
    public private(set) var isSearching = false
    /// Search results under the current tab, best first (catalog order with no query).
    public private(set) var results: [SearchResult] = []
    /// What to highlight in the listed rows for the current query.
    public private(set) var highlighter: SearchHighlighter
    public private(set) var selection = 0
    public private(set) var listOffset = 0
    public private(set) var focus: Focus = .list
    public private(set) var detailOffset = 0
    /// The query explained as replies, when it is one (a pasted `550 5.7.26 …`); the list
    /// then holds the codes those replies name, and the detail pane shows the explanation.
    public private(set) var explanations: [ReplyExplanation] = []
    /// The class the query named (`5.7.26` → 5): enhanced codes that serve any class are
    /// listed, shown, marked and compared in it, so what was typed is what is read.
    public private(set) var readClass: Int?
    /// Codes marked for comparison as shown (`5.7.26`), oldest first; two at most.
    public private(set) var marks: [String] = []
    public private(set) var screen: Screen = .browse
    public private(set) var compareOffset = 0
    public private(set) var showsHelp = false
    /// A one-off notice for the status line, cleared by the next action.
    public private(set) var notice: String?
    /// The query changed since the last search (the `.search` effect was returned); the
    /// next action that does not edit the query searches first.
    private var resultsAreStale = false
    /// The text the views draw, laid out for the current width (see `DocumentCache`).
    private(set) var documents = DocumentCache()
    /// Codes per tab, counted once: the list's border shows it on every frame.
    private let tabCounts: [Int]
    /// The tabs the header shows, in order: Seen only when a log was read (`--log`).
    public let tabs: [ListTab]

    public init(
        catalog: Catalog, labels: LabelTable, size: Size, synonyms: SynonymTable = .empty, mouseEnabled: Bool = true,
        classifier: ReasonClassifier = ReasonClassifier(book: .empty), tab: ListTab = .all
    ) {
        self.init(index: SearchIndex(catalog: catalog, synonyms: synonyms), labels: labels, size: size,
                  mouseEnabled: mouseEnabled, classifier: classifier, tab: tab)
    }

    /// Starts from a search index built elsewhere (it is the costly part for a large catalog).
    public init(
        index: SearchIndex, labels: LabelTable, size: Size, mouseEnabled: Bool = true,
        classifier: ReasonClassifier = ReasonClassifier(book: .empty), tab: ListTab = .all
    ) {
        self.catalog = index.catalog
        self.classifier = classifier
        self.index = index
        let counts = ListTab.counts(of: index.catalog.entries)
        self.tabCounts = counts
        self.tabs = ListTab.allCases.filter { $0 != .seen || counts[$0.rawValue] > 0 }
        // The tab asked for, when it has entries (a log with no replies opens on All).
        if tabs.contains(tab) { self.tab = tab }
        self.highlighter = SearchHighlighter(query: SearchQuery(""), index: index)
        self.labels = labels
        self.size = size
        self.mouseEnabled = mouseEnabled
        refreshResults()
        clampScrolling()
    }

    /// This state over a catalog that grew, the same codes with the provider replies and
    /// reasons after them (the explorer draws its first screen before those are read):
    /// what the person sees stays (tab, query, selected code, marks, focus, open screen),
    /// and the list, counts and texts follow the new catalog.
    public func addingKnowledge(_ grown: SearchIndex, classifier: ReasonClassifier) -> AppState {
        var next = AppState(index: grown, labels: labels, size: size, mouseEnabled: mouseEnabled, classifier: classifier, tab: tab)
        next.query = query
        next.isSearching = isSearching
        next.marks = marks
        next.screen = screen
        next.showsHelp = showsHelp
        next.focus = focus
        next.listOffset = listOffset
        next.compareOffset = compareOffset
        if !query.isEmpty { next.refreshResults() }
        if let code = selectedEntry?.code,
           let position = next.results.firstIndex(where: { next.catalog.entries[$0.entryIndex].code == code }) {
            next.selection = position
            next.detailOffset = detailOffset
        }
        next.clampScrolling()
        return next
    }

    /// The entry under the selection, if the list is not empty.
    public var selectedEntry: CatalogEntry? {
        results.indices.contains(selection) ? catalog.entries[results[selection].entryIndex] : nil
    }

    /// `entry` read in the class the query named, if any.
    public func resolved(_ entry: CatalogEntry) -> ResolvedCode {
        ResolvedCode(entry: entry, requested: readClass.map { .enhanced(classDigit: $0, subject: nil, detail: nil) })
    }

    /// The explanation fills the detail pane while the list has the keyboard; a code's
    /// entry is one key away (Enter or Tab on its row).
    public var showsExplanation: Bool { !explanations.isEmpty && focus == .list }

    /// Whether `entry` is marked, in whatever class it was marked.
    public func isMarked(_ entry: CatalogEntry) -> Bool {
        marks.contains { StatusCode(parsing: $0)?.catalogKey == entry.code }
    }

    /// How many codes the current tab holds before searching.
    public var tabCount: Int { tabCounts[tab.rawValue] }

    /// What has the keyboard; the keymap needs nothing else of the state.
    public var inputMode: InputMode {
        if layout.isTooSmall { return .tooSmall }
        if showsHelp { return .help }
        if case .compare = screen { return .compare }
        if isSearching { return .search }
        return focus == .detail ? .detail : .list
    }

    /// Lines of the selected code's details at the current width (the detail pane scrolls within them).
    public var detailLineCount: Int { documents.detailLines.count }
    /// The detail pane's lines as laid out for the current width, for tests and tools.
    public var detailLineTexts: [String] { documents.detailLines.map(\.text) }
    /// Rows of the open comparison at the current width; nil when none is open.
    public var compareLineCount: Int? { documents.compareLines?.count }

    var layout: Layout { Layout(size: size) }
}

// MARK: - Transitions

extension AppState {
    /// Makes the next state for `action` in place; called only by `update`.
    mutating func apply(_ action: Action) -> Effect? {
        notice = nil
        if resultsAreStale, !action.editsQuery { refreshResults() }
        let effect = perform(action)
        clampScrolling()
        return effect
    }

    private mutating func perform(_ action: Action) -> Effect? {
        switch action {
        case .moveSelection(let delta): moveSelection(to: selection + delta)
        case .pageSelection(let pages): moveSelection(to: selection + pages * layout.listRows)
        case .selectFirst: moveSelection(to: 0)
        case .selectLast: moveSelection(to: results.count - 1)
        case .scroll(let delta): scroll(by: delta)
        case .page(let pages):
            scroll(by: pages * (screen == .browse ? layout.detailRows : layout.compareRows))
        case .scrollTop: scroll(by: -(Int.max / 2))
        case .scrollBottom: scroll(by: Int.max / 2)
        case .focusDetail:
            if selectedEntry != nil {
                if showsExplanation { detailOffset = 0 }
                focus = .detail
            }
        case .focusList:
            if focus == .detail, !explanations.isEmpty { detailOffset = 0 }
            focus = .list
        case .startExplain:
            query = ""
            isSearching = true
            focus = .list
            refreshResults()
        case .nextTab, .previousTab, .cycleTab:
            let last = tabs.count - 1
            let current = tabs.firstIndex(of: tab) ?? 0
            let next = switch action {
            case .nextTab: min(current + 1, last)
            case .previousTab: max(current - 1, 0)
            default: (current + 1) % (last + 1)
            }
            tab = tabs[next]
            refreshResults()
        case .startSearch:
            isSearching = true
            focus = .list
        case .searchInsert(let character):
            return editQuery { $0.append(character) }
        case .searchPaste(let text):
            // A paste outside the search line is a new search (typically a reply
            // copied from a log), not an addition to the filter in place.
            if !isSearching {
                isSearching = true
                focus = .list
                query = ""
            }
            return editQuery { $0 += PastedQuery.text(from: text) }
        case .searchBackspace:
            return editQuery { if !$0.isEmpty { $0.removeLast() } }
        case .searchClearLine:
            return editQuery { $0 = "" }
        case .searchDeleteWord:
            return editQuery { query in
                while query.last == " " { query.removeLast() }
                while let last = query.last, last != " " { query.removeLast() }
            }
        case .refreshSearch:
            break
        case .searchAccept:
            isSearching = false
        case .searchCancel, .clearFilter:
            isSearching = false
            query = ""
            refreshResults()
        case .toggleMark: toggleMark()
        case .clearMarks: marks = []
        case .openCompare: openCompare()
        case .toggleHelp: showsHelp.toggle()
        case .close: close()
        case .click(let x, let y): click(x: x, y: y)
        case .wheel(let x, let y, let delta): wheel(x: x, y: y, delta: delta)
        case .resize(let newSize): size = newSize
        case .redraw: return .repaint
        case .quit: return .quit
        }
        return nil
    }

    /// Changes the query and leaves the search to the loop, which runs it once typing pauses.
    private mutating func editQuery(_ edit: (inout String) -> Void) -> Effect {
        edit(&query)
        resultsAreStale = true
        return .search
    }

    /// Re-runs the search for the query and tab, keeping the selected code when it is still listed.
    private mutating func refreshResults() {
        resultsAreStale = false
        let previous = selectedEntry?.code
        let tab = self.tab
        let parsed = SearchQuery(query, synonyms: index.synonyms)
        if explain(query) { return }
        readClass = parsed.typedClass
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

    /// Explains the query when it is a reply: the list holds the entries its replies name,
    /// read in the reply's class. False, changing nothing, when it is not a reply.
    private mutating func explain(_ text: String) -> Bool {
        let replies = PastedReply.replies(in: text)
        explanations = replies.map { ReplyExplanation($0, catalog: catalog, classifier: classifier, labels: labels) }
        guard !explanations.isEmpty else { return false }
        var seen = Set<Int>()
        results = explanations.flatMap { [$0.basic, $0.enhanced] }.compactMap { $0 }
            .compactMap { catalog.position(ofKey: $0.entry.code) }
            .filter { seen.insert($0).inserted }
            .map { SearchResult(entryIndex: $0, score: 0) }
        readClass = replies.first?.effectiveClass
        highlighter = SearchHighlighter(query: SearchQuery(""), index: index)
        selection = 0
        listOffset = 0
        detailOffset = 0
        return true
    }

    /// Scrolls whatever is being read: the comparison when open, else the detail pane.
    private mutating func scroll(by delta: Int) {
        if screen == .browse { detailOffset = detailOffset.addingClamped(delta) } else { compareOffset = compareOffset.addingClamped(delta) }
    }

    private mutating func moveSelection(to target: Int) {
        guard !results.isEmpty else { return }
        let clamped = min(max(0, target), results.count - 1)
        if clamped != selection { detailOffset = 0 }
        selection = clamped
    }

    private mutating func toggleMark() {
        guard let entry = selectedEntry else { return }
        let code = resolved(entry).code
        if let existing = marks.firstIndex(where: { StatusCode(parsing: $0)?.catalogKey == entry.code }) {
            marks.remove(at: existing)
        } else {
            // A third mark replaces the older one, so the newest two are compared.
            if marks.count == 2 { marks.removeFirst() }
            marks.append(code)
        }
    }

    private mutating func openCompare() {
        var pair = marks
        if pair.count == 1, let entry = selectedEntry, !isMarked(entry) { pair.append(resolved(entry).code) }
        guard pair.count == 2 else {
            notice = labels["ui.compare.need_two"]
            return
        }
        screen = .compare(left: pair[0], right: pair[1])
        compareOffset = 0
    }

    private mutating func close() {
        if showsHelp {
            showsHelp = false
        } else if screen != .browse {
            screen = .browse
        } else if focus == .detail {
            focus = .list
        }
    }

    private mutating func click(x: Int, y: Int) {
        guard screen == .browse, !showsHelp else { return }
        let inner = layout.list.inset(by: 1)
        if inner.contains(x: x, y: y) {
            focus = .list
            moveSelection(to: listOffset + (y - inner.y))
        } else if layout.detail.contains(x: x, y: y), selectedEntry != nil {
            focus = .detail
        }
    }

    private mutating func wheel(x: Int, y: Int, delta: Int) {
        if screen != .browse || layout.detail.contains(x: x, y: y) {
            scroll(by: delta * 3)
        } else {
            moveSelection(to: selection + delta * 3)
        }
    }

    /// Keeps the selection visible and both scroll offsets inside their content, laying
    /// the text out again first if the code, the pair or the width changed.
    private mutating func clampScrolling() {
        let rows = layout.listRows
        if selection < listOffset { listOffset = selection }
        if selection >= listOffset + rows { listOffset = selection - rows + 1 }
        listOffset = max(0, min(listOffset, max(0, results.count - rows)))
        if showsExplanation {
            documents.layOutExplanation(explanations, of: query, labels: labels, width: layout.detailTextWidth)
        } else {
            documents.layOutDetail(of: selectedEntry.map(resolved), knowledge: selectedEntry.map(catalog.knowledge(using:)) ?? [],
                                  labels: labels, width: layout.detailTextWidth)
        }
        detailOffset = max(0, min(detailOffset, max(0, detailLineCount - layout.detailRows)))
        documents.layOutComparison(for: screen, catalog: catalog, book: classifier.book, labels: labels, width: size.width)
        if let lines = compareLineCount {
            compareOffset = max(0, min(compareOffset, max(0, lines - layout.compareRows)))
        } else {
            compareOffset = 0
        }
    }
}

private extension Int {
    /// Addition that saturates instead of trapping, for "scroll to the end" requests.
    func addingClamped(_ other: Int) -> Int {
        let (sum, overflow) = addingReportingOverflow(other)
        return overflow ? (other > 0 ? Int.max : Int.min) : sum
    }
}
