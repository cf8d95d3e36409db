import ExplorerUI
import TerminalScreen
import Testing
import TestSupport
import CatalogLoading
import CatalogSearch
import SMTPCatalog

/// Every binding of the key table (KeyTable.swift) in every mode: the action the key maps to, and what
/// `update` then changes. Each row names the one change it expects; everything else a
/// test can observe must stay as it was, so a key that also does something it should
/// not (or nothing at all) fails its row.
@Suite struct KeymapTests {
    // MARK: - The table

    static let cases: [KeyCase] = listRows + filteredRows + detailRows + searchRows + compareRows + helpRows + tooSmallRows
        + everyModeRows + mouseRows

    static let listRows: [KeyCase] =
        rows(.list, [.up, .character("k"), .control("p"), .control("k")], .moveSelection(-1), .selection(.rows(-1)))
        + rows(.list, [.down, .character("j"), .control("n"), .control("j")], .moveSelection(1), .selection(.rows(1)))
        + rows(.list, [.character("N")], .moveSelection(-1), .selection(.rows(-1)))
        + rows(.list, [.character("n")], .moveSelection(1), .selection(.rows(1)))
        + rows(.list, [.pageUp, .control("b")], .pageSelection(-1), .selection(.pages(-1)))
        + rows(.list, [.pageDown, .control("f")], .pageSelection(1), .selection(.pages(1)))
        + rows(.list, [.home, .character("g")], .selectFirst, .selection(.start))
        + rows(.list, [.end, .character("G")], .selectLast, .selection(.end))
        + rows(.list, [.enter, .tab, .right], .focusDetail, .focus(.detail))
        + rows(.list, [.character("]")], .nextTab, .tab(.basic))
        + rows(.list, [.character("t")], .cycleTab, .tab(.basic))
        + rows(.list, [.character("["), .backTab], .previousTab, .unchanged)
        + rows(.list, [.character("/")], .startSearch, .startsSearch)
        + rows(.list, [.character(" "), .character("m")], .toggleMark, .marksSelected)
        + rows(.list, [.character("x")], .clearMarks, .clearsMarks)
        + rows(.list, [.character("c")], .openCompare, .opensCompare)
        + rows(.list, [.character("?"), .character("h"), .function(1)], .toggleHelp, .help(true))
        + rows(.list, [.character("q")], .quit, .quits)
        + rows(.list, [.left, .backspace, .delete, .character("b"), .character("z"), .function(2), .control("a")], nil, .none)

    /// The list with a kept filter: n and N step through the matches, Esc drops the filter.
    static let filteredRows: [KeyCase] =
        rows(.filtered, [.character("n")], .moveSelection(1), .selection(.rows(1)))
        + rows(.filtered, [.character("N")], .moveSelection(-1), .selection(.rows(-1)))
        + rows(.filtered, [.escape], .clearFilter, .clearsQuery)

    static let detailRows: [KeyCase] =
        rows(.detail, [.tab, .backTab, .escape, .left], .focusList, .focus(.list))
        + rows(.detail, [.character("q")], .quit, .quits)
        + rows(.detail, [.character("/")], .startSearch, .startsSearch)
        + rows(.detail, [.character(" "), .character("m")], .toggleMark, .marksSelected)
        + rows(.detail, [.character("c")], .openCompare, .opensCompare)
        + rows(.detail, [.up, .character("k"), .control("p"), .control("k")], .scroll(-1), .detail(.rows(-1)))
        + rows(.detail, [.down, .character("j"), .control("n"), .control("j")], .scroll(1), .detail(.rows(1)))
        + rows(.detail, [.pageUp, .control("b"), .character("b")], .page(-1), .detail(.pages(-1)))
        + rows(.detail, [.pageDown, .control("f")], .page(1), .detail(.pages(1)))
        + rows(.detail, [.home, .character("g")], .scrollTop, .detail(.start))
        + rows(.detail, [.end, .character("G")], .scrollBottom, .detail(.end))
        + rows(.detail, [.character("?"), .character("h"), .function(1)], .toggleHelp, .help(true))
        + rows(.detail, [.character("n"), .character("N"), .character("x"), .character("]"), .character("["), .character("t"),
                         .right, .enter, .backspace, .function(2)], nil, .none)

    static let searchRows: [KeyCase] =
        rows(.search, [.enter, .tab], .searchAccept, .acceptsSearch)
        + rows(.search, [.escape, .control("g")], .searchCancel, .clearsQuery)
        + rows(.search, [.backspace, .delete, .control("h")], .searchBackspace, .query("relay acces"))
        + rows(.search, [.control("u")], .searchClearLine, .query(""))
        + rows(.search, [.control("w")], .searchDeleteWord, .query("relay "))
        + rows(.search, [.up, .control("p"), .control("k")], .moveSelection(-1), .selection(.rows(-1)))
        + rows(.search, [.down, .control("n"), .control("j")], .moveSelection(1), .selection(.rows(1)))
        + rows(.search, [.pageUp], .pageSelection(-1), .selection(.pages(-1)))
        + rows(.search, [.pageDown], .pageSelection(1), .selection(.pages(1)))
        // Every printable key is text while searching, the list's commands included.
        + "qjknN /?xcgGmt[]hbé5".map { KeyCase(.search, .key(.character($0)), .searchInsert($0), .query("relay access" + String($0))) }
        + rows(.search, [.left, .right, .home, .end, .backTab, .function(1), .control("b"), .control("f")], nil, .none)

    static let compareRows: [KeyCase] =
        rows(.compare, [.escape, .character("q"), .character("c")], .close, .closesCompare)
        + rows(.compare, [.character(" ")], .page(1), .compare(.pages(1)))
        + rows(.compare, [.up, .character("k"), .control("p"), .control("k")], .scroll(-1), .compare(.rows(-1)))
        + rows(.compare, [.down, .character("j"), .control("n"), .control("j")], .scroll(1), .compare(.rows(1)))
        + rows(.compare, [.pageUp, .control("b"), .character("b")], .page(-1), .compare(.pages(-1)))
        + rows(.compare, [.pageDown, .control("f")], .page(1), .compare(.pages(1)))
        + rows(.compare, [.home, .character("g")], .scrollTop, .compare(.start))
        + rows(.compare, [.end, .character("G")], .scrollBottom, .compare(.end))
        + rows(.compare, [.character("?"), .character("h"), .function(1)], .toggleHelp, .help(true))
        + rows(.compare, [.tab, .enter, .character("/"), .character("x"), .character("n"), .left, .right, .character("m")], nil, .none)

    static let helpRows: [KeyCase] =
        rows(.help, [.escape, .character("q"), .character("?"), .character("h"), .function(1), .enter], .toggleHelp, .help(false))
        + rows(.help, [.character("j"), .down, .character(" "), .character("/"), .character("c"), .tab, .pageDown], nil, .none)

    static let tooSmallRows: [KeyCase] =
        rows(.tooSmall, [.character("q")], .quit, .quits)
        + rows(.tooSmall, [.character("j"), .down, .character("/"), .character("?"), .escape, .enter, .character(" "), .character("c")],
               nil, .none)

    /// Ctrl-C quits and Ctrl-L redraws from anywhere; a resize always reaches the state.
    static let everyModeRows: [KeyCase] = Mode.allCases.flatMap { mode in
        [
            KeyCase(mode, .key(.control("c")), .quit, .quits),
            KeyCase(mode, .key(.control("l")), .redraw, .unchanged),
            KeyCase(mode, .resize(resized), .resize(resized), .resized(resized)),
        ]
    }

    /// One row down from the list's top border is its first row; x 50 is inside the detail pane.
    static let mouseRows: [KeyCase] = [
        mouse(.list, .press, x: 5, y: 5, .click(x: 5, y: 5), .clickRow(3)),
        mouse(.list, .press, x: 50, y: 5, .click(x: 50, y: 5), .focus(.detail)),
        mouse(.list, .wheelUp, x: 5, y: 5, .wheel(x: 5, y: 5, delta: -1), .selection(.rows(-3))),
        mouse(.list, .wheelDown, x: 5, y: 5, .wheel(x: 5, y: 5, delta: 1), .selection(.rows(3))),
        mouse(.list, .wheelDown, x: 50, y: 5, .wheel(x: 50, y: 5, delta: 1), .detail(.rows(3))),
        mouse(.detail, .wheelUp, x: 50, y: 5, .wheel(x: 50, y: 5, delta: -1), .detail(.rows(-3))),
        mouse(.detail, .wheelDown, x: 50, y: 5, .wheel(x: 50, y: 5, delta: 1), .detail(.rows(3))),
        mouse(.detail, .press, x: 5, y: 3, .click(x: 5, y: 3), .clickRow(1)),
        mouse(.search, .press, x: 5, y: 3, .click(x: 5, y: 3), .clickRow(1)),
        mouse(.compare, .wheelUp, x: 5, y: 5, .wheel(x: 5, y: 5, delta: -1), .compare(.rows(-3))),
        mouse(.compare, .wheelDown, x: 5, y: 5, .wheel(x: 5, y: 5, delta: 1), .compare(.rows(3))),
        mouse(.compare, .press, x: 5, y: 5, .click(x: 5, y: 5), .unchanged),
    ]

    // MARK: - The tests

    @Test(arguments: cases)
    func keyMapsToItsActionAndUpdateMakesItsChange(_ row: KeyCase) throws {
        let before = try Self.state(row.mode)
        let action = Self.action(for: row.event, in: before)
        #expect(action == row.action)
        guard let action else { return }
        let expected = try Self.expectedFields(row.effect, before)
        if row.effect.changesSomething {
            #expect(expected != Self.fields(before), "the row expects no visible change; the base state is wrong for it")
        }
        let after = update(before, action)
        let actual = Self.fields(after.state, after.effect)
        for name in expected.keys.sorted() where actual[name] != expected[name] {
            Issue.record("\(name): expected \(expected[name] ?? "-"), got \(actual[name] ?? "-")")
        }
    }

    /// The table covers every mode, and every kind of action the keymap can give.
    @Test func theTableCoversEveryModeAndAction() {
        #expect(Set(Self.cases.map(\.mode)) == Set(Mode.allCases))
        let actions = Set(Self.cases.compactMap(\.action).map(Self.actionName))
        let all: Set<String> = [
            "moveSelection", "pageSelection", "selectFirst", "selectLast", "scroll", "page", "scrollTop", "scrollBottom",
            "focusDetail", "focusList", "nextTab", "previousTab", "startSearch", "searchInsert", "searchBackspace",
            "searchClearLine", "searchDeleteWord", "searchAccept", "searchCancel", "clearFilter", "toggleMark", "clearMarks",
            "openCompare", "toggleHelp", "close", "click", "wheel", "resize", "redraw", "quit",
        ]
        #expect(all.subtracting(actions).isEmpty, "no row for \(all.subtracting(actions).sorted())")
    }

    @Test func withTheMouseOffMouseEventsDoNothing() throws {
        let state = AppState(index: try BundledCatalog.sharedIndex(), labels: try BundledCatalog.labels(), size: Self.size,
                             mouseEnabled: false)
        for kind in [MouseEvent.Kind.press, .wheelUp, .wheelDown] {
            #expect(Self.action(for: .mouse(MouseEvent(kind: kind, x: 5, y: 5)), in: state) == nil, "\(kind)")
        }
    }

    /// Help covers the screen and a too-small terminal shows only a notice: a click or the
    /// wheel there used to move the selection or scroll the pane hidden behind them.
    @Test(arguments: [
        KeyCase(.help, .mouse(MouseEvent(kind: .press, x: 5, y: 5)), nil, .none),
        KeyCase(.help, .mouse(MouseEvent(kind: .wheelDown, x: 5, y: 5)), nil, .none),
        KeyCase(.help, .mouse(MouseEvent(kind: .wheelDown, x: 50, y: 5)), nil, .none),
        KeyCase(.tooSmall, .mouse(MouseEvent(kind: .press, x: 5, y: 2)), nil, .none),
        KeyCase(.tooSmall, .mouse(MouseEvent(kind: .wheelDown, x: 5, y: 4)), nil, .none),
    ])
    func mouseEventsAreIgnoredWhereNothingCanBeSeen(_ row: KeyCase) throws {
        let before = try Self.state(row.mode)
        #expect(Self.action(for: row.event, in: before) == nil)
        let after = Self.action(for: row.event, in: before).map { update(before, $0).state } ?? before
        #expect(Self.fields(after) == Self.fields(before))
    }

    // MARK: - Modes

    /// What has the keyboard.
    enum Mode: String, CaseIterable, Sendable {
        case list, filtered, detail, search, compare, help, tooSmall
    }

    /// Small enough that paging moves by a known 11 rows, large enough not to be too small.
    /// Wide enough for the panes to sit side by side, which the mouse rows' columns assume.
    static let size = Size(width: 100, height: 16)
    static let resized = Size(width: 100, height: 17)

    /// The state each mode starts from. Every mode has one code marked and a selection away
    /// from both ends, so moving, paging and marking in either direction change something.
    static func state(_ mode: Mode) throws -> AppState {
        var state = try ExplorerHarness.state(size: size)
        func apply(_ actions: [Action]) { for action in actions { state = update(state, action).state } }
        func type(_ text: String) -> [Action] { text.map(Action.searchInsert) + [.refreshSearch] }
        apply([.toggleMark, .moveSelection(40)])
        switch mode {
        case .list: break
        case .filtered: apply([.startSearch] + type("mailbox") + [.searchAccept, .moveSelection(2)])
        case .detail: apply([.focusDetail, .scroll(11)])
        case .search: apply([.startSearch] + type("relay access") + [.moveSelection(2)])
        case .compare: apply([.openCompare, .scroll(14)])
        case .help: apply([.toggleHelp])
        case .tooSmall: apply([.resize(Size(width: 40, height: 10))])
        }
        try #require(state.selection > 0 && state.marks.count == 1, "\(mode): selection \(state.selection), marks \(state.marks)")
        switch mode {
        case .detail: try #require(state.detailOffset == 11 && state.detailLineCount > 11 + 2 * Layout(size: size).detailRows)
        case .compare: try #require(state.compareOffset == 14 && (state.compareLineCount ?? 0) > 14 + 2 * Layout(size: size).compareRows)
        case .search, .filtered: try #require(state.results.count > state.selection + 1, "\(mode): \(state.results.count) results")
        case .tooSmall: try #require(Layout(size: state.size).isTooSmall)
        default: break
        }
        return state
    }

    // MARK: - Effects

    /// How far a movement goes.
    enum Step: Sendable, Hashable {
        case rows(Int), pages(Int), start, end
    }

    /// The one change a key is expected to make.
    enum Effect: Sendable, Hashable {
        /// No action at all.
        case none
        /// An action that changes nothing a test can see (a redraw, a click where nothing is clickable).
        case unchanged
        case selection(Step), detail(Step), compare(Step)
        case clickRow(Int)
        case focus(Focus)
        case tab(ListTab)
        case startsSearch, acceptsSearch, clearsQuery
        case query(String)
        case marksSelected, clearsMarks
        case opensCompare, closesCompare
        case help(Bool)
        case quits
        case resized(Size)

        var changesSomething: Bool { self != .none && self != .unchanged }
    }

    /// What a test can see of a state, and of the effect that came with it, field by field,
    /// as text so any field compares and prints.
    static func fields(_ state: AppState, _ effect: ExplorerUI.Effect? = nil) -> [String: String] {
        [
            "selection": String(state.selection), "selected": state.selectedEntry?.code ?? "-",
            "results": String(state.results.count), "focus": "\(state.focus)", "tab": "\(state.tab)",
            "query": state.query, "searching": String(state.isSearching), "marks": state.marks.joined(separator: ","),
            "screen": "\(state.screen)", "help": String(state.showsHelp), "quit": String(effect == .quit),
            "detailOffset": String(state.detailOffset), "compareOffset": String(state.compareOffset),
            "size": "\(state.size.width)x\(state.size.height)",
        ]
    }

    /// The fields after the effect: the state before with the expected change worked out
    /// from the rule the README states, not from the code under test.
    static func expectedFields(_ effect: Effect, _ before: AppState) throws -> [String: String] {
        var fields = fields(before)
        let layout = Layout(size: before.size)
        /// The selection moved to `target` (clamped); the detail pane starts at the top of a new code.
        func select(_ target: Int, in codes: [String]) {
            let clamped = min(max(0, target), codes.count - 1)
            fields["selection"] = String(clamped)
            fields["selected"] = codes[clamped]
            if clamped != before.selection || codes.count != before.results.count { fields["detailOffset"] = "0" }
        }
        func offset(_ step: Step, from start: Int, lines: Int, page: Int) -> String {
            let last = max(0, lines - page)
            switch step {
            case .rows(let count): return String(min(max(0, start + count), last))
            case .pages(let count): return String(min(max(0, start + count * page), last))
            case .start: return "0"
            case .end: return String(last)
            }
        }
        let listed = before.results.map { before.catalog.entries[$0.entryIndex].code }
        /// The unfiltered list of a tab keeps the selected code when it is on it, else starts at the top.
        func unfiltered(_ tab: ListTab) {
            let codes = before.catalog.entries.filter { tab == .all || ($0.kind == .basic) == (tab == .basic) }.map(\.code)
            fields["results"] = String(codes.count)
            select(codes.firstIndex(of: before.selectedEntry?.code ?? "") ?? 0, in: codes)
            fields["detailOffset"] = "0"
        }
        let selected = try #require(before.selectedEntry?.code)
        switch effect {
        case .none, .unchanged: break
        case .selection(let step):
            switch step {
            case .rows(let count): select(before.selection + count, in: listed)
            case .pages(let count): select(before.selection + count * layout.listRows, in: listed)
            case .start: select(0, in: listed)
            case .end: select(listed.count - 1, in: listed)
            }
        case .detail(let step):
            fields["detailOffset"] = offset(step, from: before.detailOffset, lines: before.detailLineCount, page: layout.detailRows)
        case .compare(let step):
            let lines = try #require(before.compareLineCount)
            fields["compareOffset"] = offset(step, from: before.compareOffset, lines: lines, page: layout.compareRows)
        case .clickRow(let row):
            select(before.listOffset + row, in: listed)
            fields["focus"] = "\(Focus.list)"
        case .focus(let focus): fields["focus"] = "\(focus)"
        case .tab(let tab):
            fields["tab"] = "\(tab)"
            unfiltered(tab)
        case .startsSearch:
            fields["searching"] = "true"
            fields["focus"] = "\(Focus.list)"
        case .acceptsSearch: fields["searching"] = "false"
        case .clearsQuery:
            fields["searching"] = "false"
            fields["query"] = ""
            unfiltered(before.tab)
        case .query(let query): fields["query"] = query
        case .marksSelected:
            // A third mark replaces the oldest; marking a marked code unmarks it.
            var marks = before.marks
            if let index = marks.firstIndex(of: selected) { marks.remove(at: index) } else { marks = Array((marks + [selected]).suffix(2)) }
            fields["marks"] = marks.joined(separator: ",")
        case .clearsMarks: fields["marks"] = ""
        case .opensCompare:
            let pair = before.marks.count == 2 ? before.marks : [before.marks[0], selected]
            fields["screen"] = "\(Screen.compare(left: pair[0], right: pair[1]))"
            fields["compareOffset"] = "0"
        case .closesCompare:
            fields["screen"] = "\(Screen.browse)"
            fields["compareOffset"] = "0"
        case .help(let shown): fields["help"] = String(shown)
        case .quits: fields["quit"] = "true"
        case .resized(let size): fields["size"] = "\(size.width)x\(size.height)"
        }
        return fields
    }

    /// The keymap's answer for an event in the state's input mode.
    static func action(for event: InputEvent, in state: AppState) -> Action? {
        Keymap.action(for: event, mode: state.inputMode, mouseEnabled: state.mouseEnabled)
    }

    static func actionName(_ action: Action) -> String {
        String(describing: action).prefix { $0 != "(" }.description
    }

    static func rows(_ mode: Mode, _ keys: [Key], _ action: Action?, _ effect: Effect) -> [KeyCase] {
        keys.map { KeyCase(mode, .key($0), action, effect) }
    }

    static func mouse(_ mode: Mode, _ kind: MouseEvent.Kind, x: Int, y: Int, _ action: Action, _ effect: Effect) -> KeyCase {
        KeyCase(mode, .mouse(MouseEvent(kind: kind, x: x, y: y)), action, effect)
    }
}
