import CatalogDocuments
import CatalogSearch
import ReplyExplainer
import SMTPCatalog
import TerminalScreen

/// The detail pane's and the comparison's text, laid out for the current width and kept
/// between actions: wrapping is most of the work of drawing a frame, and scrolling needs
/// the line counts on every step. It is rebuilt only when the code, the pair or the
/// width changes. Not part of what the state means: two states that differ only here
/// draw the same screen.
struct DocumentCache: Sendable {
    /// The selected code's lines, empty when nothing is selected.
    private(set) var detailLines: [DocumentLine] = []
    /// What the detail lines show: a code, or the explanation of a query (prefixed so the two never collide).
    private var detailKey: (code: String, width: Int)?
    /// The comparison's rows while it is open.
    private(set) var compareLines: [CompareLine]?
    private var compareKey: (screen: Screen, width: Int)?

    mutating func layOutDetail(of code: ResolvedCode?, knowledge: [String], labels: LabelTable, width: Int) {
        guard let code else {
            detailLines = []
            detailKey = nil
            return
        }
        if let key = detailKey, key.code == code.code, key.width == width { return }
        detailLines = DetailDocument.lines(for: code, labels: labels, width: width, knowledge: knowledge)
        detailKey = (code.code, width)
    }

    mutating func layOutExplanation(_ explanations: [ReplyExplanation], of query: String, labels: LabelTable, width: Int) {
        let key = "explain:" + query
        if let current = detailKey, current.code == key, current.width == width { return }
        detailLines = ExplanationDocument.lines(for: explanations, labels: labels, width: width)
        detailKey = (key, width)
    }

    mutating func layOutComparison(for screen: Screen, catalog: Catalog, book: ReasonBook, labels: LabelTable, width: Int) {
        // Marks are codes as shown (`5.7.26`), so resolving them keeps the class they were read in.
        guard case .compare(let leftCode, let rightCode) = screen,
              let left = catalog.resolve(leftCode), let right = catalog.resolve(rightCode) else {
            compareLines = nil
            compareKey = nil
            return
        }
        if let key = compareKey, key.screen == screen, key.width == width { return }
        let comparison = Comparison(left: left, right: right, catalog: catalog, labels: labels, book: book)
        compareLines = CompareDocument.lines(for: comparison, labels: labels, width: width)
        compareKey = (screen, width)
    }
}
