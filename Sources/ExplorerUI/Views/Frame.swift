import TerminalScreen

/// Draws a box border with a title; the content goes inside `rect.inset(by: 1)`.
enum Frame {
    static func draw(_ rect: Rect, title: String, style: Style, into buffer: inout ScreenBuffer) {
        guard rect.width >= 2, rect.height >= 2 else { return }
        let horizontal = String(repeating: "─", count: rect.width - 2)
        buffer.put("┌" + horizontal + "┐", x: rect.x, y: rect.y, maxWidth: rect.width, style: style)
        for row in rect.y + 1..<rect.maxY - 1 {
            buffer.put("│", x: rect.x, y: row, style: style)
            buffer.put("│", x: rect.maxX - 1, y: row, style: style)
        }
        buffer.put("└" + horizontal + "┘", x: rect.x, y: rect.maxY - 1, maxWidth: rect.width, style: style)
        if !title.isEmpty {
            buffer.put(" " + TextWrapper.truncate(title, width: rect.width - 6) + " ", x: rect.x + 2, y: rect.y,
                       maxWidth: rect.width - 4, style: style)
        }
    }
}
