import CatalogDocuments
import CatalogSearch
import SMTPCatalog
import TerminalScreen

/// Draws the whole screen for a state: the main view, the comparison, the help
/// overlay, or the too-small message. Pure: the same state gives the same buffer.
public struct ExplorerView {
    public let state: AppState
    public let theme: Theme

    public init(state: AppState, theme: Theme) {
        self.state = state
        self.theme = theme
    }

    public func render() -> ScreenBuffer {
        var buffer = ScreenBuffer(size: state.size)
        let layout = state.layout
        if layout.isTooSmall {
            TooSmallView(labels: state.labels, theme: theme).draw(size: state.size, into: &buffer)
            return buffer
        }
        switch state.screen {
        case .browse:
            HeaderView(state: state, theme: theme).draw(in: layout.header, into: &buffer)
            CodeListView(state: state, theme: theme).draw(in: layout.list, into: &buffer)
            DetailView(state: state, theme: theme).draw(in: layout.detail, into: &buffer)
            StatusLineView(state: state, theme: theme).draw(in: layout.status, into: &buffer)
        case .compare:
            CompareView(state: state, theme: theme).draw(into: &buffer)
        }
        HintBarView(state: state, theme: theme).draw(in: layout.hints, into: &buffer)
        if state.showsHelp {
            HelpView(labels: state.labels, theme: theme).draw(size: state.size, into: &buffer)
        }
        return buffer
    }
}
