/// Word wrapping by display columns, shared by the explorer's panes and the
/// command line's plain output so both break lines the same way.
public enum TextWrapper {
    /// Breaks `text` into lines of at most `width` columns, at spaces where it can;
    /// a word longer than the width is split. Existing newlines start new lines.
    /// Without `breakingLongWords`, a word wider than `width` (an address, a URL) stays
    /// whole on a line of its own, so that it can still be copied or opened.
    public static func wrap(_ text: String, width: Int, breakingLongWords: Bool = true) -> [String] {
        guard width > 0 else { return [] }
        if let lines = text.utf8.withContiguousStorageIfAvailable({ bytes in
            wrapASCII(bytes, width: width, breakingLongWords: breakingLongWords)
        }), let lines { return lines }
        var lines: [String] = []
        for paragraph in text.split(separator: "\n", omittingEmptySubsequences: false) {
            var line = ""
            var lineWidth = 0
            for word in paragraph.split(separator: " ") {
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

    /// `wrap` for printable ASCII and line feeds, nearly every text of the catalog, on bytes:
    /// each byte is a character one column wide, so the lines are the same, without finding
    /// grapheme boundaries or making a string per word (the detail pane wraps a code's texts
    /// before the first screen). nil for any other text.
    private static func wrapASCII(_ bytes: UnsafeBufferPointer<UInt8>, width: Int, breakingLongWords: Bool) -> [String]? {
        guard bytes.allSatisfy({ ($0 >= 0x20 && $0 < 0x7F) || $0 == 0x0A }) else { return nil }
        var lines: [String] = []
        var line: [UInt8] = []
        var index = 0
        while true {
            // One paragraph: up to the next line feed or the end.
            var end = index
            while end < bytes.count, bytes[end] != 0x0A { end += 1 }
            line.removeAll(keepingCapacity: true)
            var position = index
            while position < end {
                guard bytes[position] != 0x20 else {
                    position += 1
                    continue
                }
                var wordEnd = position
                while wordEnd < end, bytes[wordEnd] != 0x20 { wordEnd += 1 }
                var piece = position..<wordEnd
                position = wordEnd
                if !line.isEmpty, line.count + 1 + piece.count <= width {
                    line.append(0x20)
                    line.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[piece]))
                    continue
                }
                if !line.isEmpty {
                    lines.append(String(decoding: line, as: UTF8.self))
                    line.removeAll(keepingCapacity: true)
                }
                while breakingLongWords, piece.count > width {
                    lines.append(String(decoding: UnsafeBufferPointer(rebasing: bytes[piece.prefix(width)]), as: UTF8.self))
                    piece = piece.dropFirst(width)
                }
                line.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[piece]))
            }
            lines.append(String(decoding: line, as: UTF8.self))
            guard end < bytes.count else { return lines }
            index = end + 1
        }
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
