/// Word wrapping by display columns, shared by the explorer's panes and the
/// command line's plain output so both break lines the same way.
public enum TextWrapper {
    /// Breaks `text` into lines of at most `width` columns, at spaces where it can;
    /// a word longer than the width is split. Existing newlines start new lines.
    /// Without `breakingLongWords`, a word wider than `width` (an address, a URL) stays
    /// whole on a line of its own, so that it can still be copied or opened.
    public static func wrap(_ text: String, width: Int, breakingLongWords: Bool = true) -> [String] {
        guard width > 0 else { return [] }
        // Printable ASCII and line feeds, nearly every text of the catalog: each byte is a
        // character, so splitting the bytes gives the same pieces as splitting the
        // characters, without finding grapheme boundaries (the detail pane wraps a code's
        // texts before the first screen).
        let bytesAreCharacters = text.utf8.allSatisfy { ($0 >= 0x20 && $0 < 0x7F) || $0 == 0x0A }
        let paragraphs = bytesAreCharacters
            ? text.utf8.split(separator: 0x0A, omittingEmptySubsequences: false).map(Substring.init)
            : text.split(separator: "\n", omittingEmptySubsequences: false)
        var lines: [String] = []
        for paragraph in paragraphs {
            var line = ""
            var lineWidth = 0
            let words = bytesAreCharacters ? paragraph.utf8.split(separator: 0x20).map(Substring.init) : paragraph.split(separator: " ")
            for word in words {
                var piece = Substring(word)
                var pieceWidth = DisplayWidth.of(piece)
                if lineWidth > 0, lineWidth + 1 + pieceWidth <= width {
                    // Two appends: `" " + piece` would build the pair character by character.
                    line.append(" ")
                    line.append(contentsOf: piece)
                    lineWidth += 1 + pieceWidth
                    continue
                }
                if lineWidth > 0 {
                    lines.append(line)
                    line = ""
                    lineWidth = 0
                }
                while breakingLongWords, pieceWidth > width {
                    let (head, rest) = split(piece, atColumns: width)
                    lines.append(String(head))
                    piece = rest
                    pieceWidth = DisplayWidth.of(piece)
                }
                line = String(piece)
                lineWidth = pieceWidth
            }
            lines.append(line)
        }
        return lines
    }

    /// The longest prefix that fits in `columns` (at least one character, so wrapping always progresses).
    public static func split(_ text: Substring, atColumns columns: Int) -> (Substring, Substring) {
        if DisplayWidth.isPrintableASCII(text) {
            let cut = text.utf8.index(text.startIndex, offsetBy: min(max(columns, 1), text.utf8.count))
            return (text[..<cut], text[cut...])
        }
        var used = 0
        var index = text.startIndex
        while index < text.endIndex {
            let width = DisplayWidth.of(text[index])
            if used + width > columns, index > text.startIndex { break }
            used += width
            index = text.index(after: index)
        }
        return (text[..<index], text[index...])
    }

    /// Cuts text to `width` columns, ending with `…` when something was cut.
    public static func truncate(_ text: String, width: Int) -> String {
        guard width > 0 else { return "" }
        guard DisplayWidth.of(text) > width else { return text }
        let (head, _) = split(Substring(text), atColumns: width - 1)
        return String(head) + "…"
    }

    /// Pads with spaces to exactly `width` columns (truncating first if needed).
    public static func pad(_ text: String, width: Int) -> String {
        let cut = truncate(text, width: width)
        return cut + String(repeating: " ", count: max(0, width - DisplayWidth.of(cut)))
    }
}
