import CatalogDocuments
import CatalogSearch
import SMTPCatalog
import TerminalScreen

/// The explorer's only state transition: pure and total, so any key sequence
/// can be replayed in a test and every screen follows from the state alone.
public func update(_ state: AppState, _ action: Action) -> AppState {
    var next = state
    next.notice = nil
    if next.resultsAreStale, !action.editsQuery { next.refreshResults() }
    next.apply(action)
    next.clampScrolling()
    return next
}

extension AppState {
    var layout: Layout { Layout(size: size) }

    fileprivate mutating func apply(_ action: Action) {
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
        case .focusDetail: if selectedEntry != nil { focus = .detail }
        case .focusList: focus = .list
        case .nextTab, .previousTab:
            let step = action == .nextTab ? 1 : ListTab.allCases.count - 1
            tab = ListTab(rawValue: (tab.rawValue + step) % ListTab.allCases.count) ?? .all
            refreshResults()
        case .startSearch:
            isSearching = true
            focus = .list
        case .searchInsert(let character):
            query.append(character)
            resultsAreStale = true
        case .searchPaste(let text):
            // A paste outside the search line is a new search (typically a reply
            // copied from a log), not an addition to the filter in place.
            if !isSearching {
                isSearching = true
                focus = .list
                query = ""
            }
            query += PastedQuery.text(from: text)
            resultsAreStale = true
        case .searchBackspace:
            if !query.isEmpty { query.removeLast() }
            resultsAreStale = true
        case .searchClearLine:
            query = ""
            resultsAreStale = true
        case .searchDeleteWord:
            while query.last == " " { query.removeLast() }
            while let last = query.last, last != " " { query.removeLast() }
            resultsAreStale = true
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
        case .redraw: break
        case .quit: shouldQuit = true
        }
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
        guard let code = selectedEntry?.code else { return }
        if let existing = marks.firstIndex(of: code) {
            marks.remove(at: existing)
        } else {
            // A third mark replaces the older one, so the newest two are compared.
            if marks.count == 2 { marks.removeFirst() }
            marks.append(code)
        }
    }

    private mutating func openCompare() {
        var pair = marks
        if pair.count == 1, let selected = selectedEntry?.code, selected != pair[0] { pair.append(selected) }
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

    /// Keeps the selection visible and both scroll offsets inside their content.
    mutating func clampScrolling() {
        let rows = layout.listRows
        if selection < listOffset { listOffset = selection }
        if selection >= listOffset + rows { listOffset = selection - rows + 1 }
        listOffset = max(0, min(listOffset, max(0, results.count - rows)))
        refreshDetailLines()
        detailOffset = max(0, min(detailOffset, max(0, detailLines.count - layout.detailRows)))
        refreshCompareLines()
        if let document = compareLines {
            compareOffset = max(0, min(compareOffset, max(0, document.count - layout.compareRows)))
        } else {
            compareOffset = 0
        }
    }

    /// Re-wraps the detail text only when the selected code or the pane width changed.
    private mutating func refreshDetailLines() {
        let width = layout.detailTextWidth
        guard let entry = selectedEntry else {
            detailLines = []
            detailLinesKey = nil
            return
        }
        if let key = detailLinesKey, key.code == entry.code, key.width == width { return }
        detailLines = DetailDocument.lines(for: ResolvedCode(entry: entry), labels: labels, width: width)
        detailLinesKey = (entry.code, width)
    }

    /// The comparison screen's lines for the current size, when it is open.
    public func compareDocument() -> [CompareLine]? { compareLines }

    /// Lays the comparison out again only when the pair or the width changed.
    private mutating func refreshCompareLines() {
        guard case .compare(let leftCode, let rightCode) = screen,
              let left = catalog.entry(forKey: leftCode), let right = catalog.entry(forKey: rightCode) else {
            compareLines = nil
            compareLinesKey = nil
            return
        }
        if let key = compareLinesKey, key.screen == screen, key.width == size.width { return }
        let comparison = Comparison(
            left: ResolvedCode(entry: left), right: ResolvedCode(entry: right), catalog: catalog, labels: labels)
        compareLines = CompareDocument.lines(for: comparison, labels: labels, width: size.width)
        compareLinesKey = (screen, size.width)
    }
}

private extension Int {
    /// Addition that saturates instead of trapping, for "scroll to the end" requests.
    func addingClamped(_ other: Int) -> Int {
        let (sum, overflow) = addingReportingOverflow(other)
        return overflow ? (other > 0 ? Int.max : Int.min) : sum
    }
}
