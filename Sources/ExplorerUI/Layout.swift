import TerminalScreen

/// Where each part of the main screen goes for a terminal size. Pure, so the
/// update function (for paging and clicks) and the views agree on geometry.
public struct Layout: Sendable, Equatable {
    /// Below this the explorer shows a "too small" message instead of cutting text.
    public static let minimum = Size(width: 60, height: 15)
    /// From this width the panes sit side by side; narrower ones are stacked, so an
    /// 80-column terminal reads whole titles and a detail pane as wide as the screen.
    public static let sideBySideWidth = 100

    public let size: Size
    public let header: Rect
    public let list: Rect
    public let detail: Rect
    public let status: Rect
    public let hints: Rect
    public let isStacked: Bool

    public init(size: Size) {
        self.size = size
        header = Rect(x: 0, y: 0, width: size.width, height: 1)
        status = Rect(x: 0, y: size.height - 2, width: size.width, height: 1)
        hints = Rect(x: 0, y: size.height - 1, width: size.width, height: 1)
        let body = Rect(x: 0, y: 1, width: size.width, height: size.height - 3)
        isStacked = size.width < Self.sideBySideWidth
        if isStacked {
            let listHeight = max(5, body.height * 2 / 5)
            list = Rect(x: 0, y: body.y, width: body.width, height: listHeight)
            detail = Rect(x: 0, y: body.y + listHeight, width: body.width, height: body.height - listHeight)
        } else {
            let listWidth = min(48, max(34, size.width * 2 / 5))
            list = Rect(x: 0, y: body.y, width: listWidth, height: body.height)
            detail = Rect(x: listWidth, y: body.y, width: body.width - listWidth, height: body.height)
        }
    }

    public var isTooSmall: Bool { size.width < Self.minimum.width || size.height < Self.minimum.height }

    /// Rows of codes visible inside the list's border.
    public var listRows: Int { max(1, list.height - 2) }
    /// Lines of text visible inside the detail's border.
    public var detailRows: Int { max(1, detail.height - 2) }
    /// Columns for wrapped detail text (inside the border, one space each side).
    public var detailTextWidth: Int { max(10, detail.width - 4) }
    /// Lines visible on the comparison screen between its title and the hint bar.
    public var compareRows: Int { max(1, size.height - 2) }
}
