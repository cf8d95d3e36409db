import CNcursesw
import Glibc
import TerminalScreen

/// What `FrameWriter` sends for each thing it does, taken from the terminal's terminfo
/// entry once curses has read it: so that the frames suit whatever terminal `TERM` names,
/// as curses' own would. Tests build one of readable tokens instead.
package struct TerminalStrings: Sendable {
    /// Clears the screen and homes the cursor (`clear`).
    package let clearScreen: [UInt8]
    /// Turns every attribute off (`sgr0`).
    package let resetAttributes: [UInt8]
    /// Whether `resetAttributes` also gives the default colours back: it is (or holds) the
    /// ECMA-48 "default rendition", `ESC [ m` or `ESC [ 0 m`, which cancels colours too.
    /// Otherwise the colours may outlast it, and `defaultColors` follows where needed.
    package let resetCancelsColors: Bool
    package let bold: [UInt8]
    package let dim: [UInt8]
    package let reverse: [UInt8]
    package let underline: [UInt8]
    /// The terminal's own colours back (`op`); empty without colour.
    package let defaultColors: [UInt8]
    /// The eight colours as foreground and background (`setaf`, `setab`), by
    /// `TerminalColor.rawValue`; empty without colour, and then colours are not drawn.
    package let foreground: [[UInt8]]
    package let background: [[UInt8]]
    /// Moves the cursor to row, column (`cup`), both from 0.
    package let moveCursor: @Sendable (_ row: Int, _ column: Int) -> [UInt8]
    /// False when writing the bottom-right cell would scroll the screen: the terminal wraps
    /// at the margin (`am`) and does so at once, without xterm's pending wrap (`xenl`).
    package let writesLastCell: Bool

    package init(
        clearScreen: [UInt8], resetAttributes: [UInt8], bold: [UInt8], dim: [UInt8], reverse: [UInt8],
        underline: [UInt8], defaultColors: [UInt8], foreground: [[UInt8]], background: [[UInt8]],
        moveCursor: @escaping @Sendable (Int, Int) -> [UInt8], writesLastCell: Bool
    ) {
        self.clearScreen = clearScreen
        self.resetAttributes = resetAttributes
        resetCancelsColors = [[0x1B, 0x5B, 0x6D], [0x1B, 0x5B, 0x30, 0x6D]].contains { (form: [UInt8]) in
            resetAttributes.count >= form.count
                && (0...resetAttributes.count - form.count).contains { resetAttributes[$0..<$0 + form.count].elementsEqual(form) }
        }
        self.bold = bold
        self.dim = dim
        self.reverse = reverse
        self.underline = underline
        self.defaultColors = defaultColors
        self.foreground = foreground
        self.background = background
        self.moveCursor = moveCursor
        self.writesLastCell = writesLastCell
    }

    /// Colours are drawn only when asked for and the terminal can set all eight, as
    /// foreground and as background.
    package var drawsColors: Bool { foreground.count == 8 && background.count == 8 }

    /// The strings of the terminal curses was started on (after `newterm`); nil when it
    /// cannot address the cursor or clear the screen, which a full-screen program needs.
    /// `colors` is whether the user wants colour; the terminal must have it too.
    package static func current(colors: Bool) -> TerminalStrings? {
        guard let cup = smtp_capability("cup"), let clear = smtp_capability("clear") else { return nil }
        // tiparm keeps its result in a buffer of its own, so each is copied at once.
        let cursorMotion = String(cString: cup)
        var foreground: [[UInt8]] = [], background: [[UInt8]] = []
        if colors, has_colors(), let setaf = smtp_capability("setaf"), let setab = smtp_capability("setab") {
            // By `TerminalColor.rawValue`, black (0) to white (7).
            foreground = (0..<8).map { bytes(smtp_tiparm1(setaf, Int32($0))) }
            background = (0..<8).map { bytes(smtp_tiparm1(setab, Int32($0))) }
        }
        return TerminalStrings(
            clearScreen: bytes(clear), resetAttributes: bytes(smtp_capability("sgr0")),
            bold: bytes(smtp_capability("bold")), dim: bytes(smtp_capability("dim")),
            reverse: bytes(smtp_capability("rev")), underline: bytes(smtp_capability("smul")),
            defaultColors: foreground.isEmpty ? [] : bytes(smtp_capability("op")),
            foreground: foreground, background: background,
            moveCursor: { row, column in
                cursorMotion.withCString { bytes(smtp_tiparm2($0, Int32(row), Int32(column))) }
            },
            writesLastCell: smtp_flag("am") == 0 || smtp_flag("xenl") != 0)
    }

    private static func bytes(_ text: UnsafePointer<CChar>?) -> [UInt8] {
        guard let text else { return [] }
        return withoutPadding(Array(UnsafeRawBufferPointer(start: text, count: strlen(text))))
    }

    /// The string without terminfo's padding marks (`$<5>`, `$<2*/>`): delays for old
    /// terminals that `tputs` turns into waiting, and that would otherwise be written out as
    /// text (vt100's `cup` ends in `$<5>`). Today's terminals need no padding.
    static func withoutPadding(_ string: [UInt8]) -> [UInt8] {
        var result: [UInt8] = []
        result.reserveCapacity(string.count)
        var index = 0
        while index < string.count {
            if string[index] == UInt8(ascii: "$"), index + 1 < string.count, string[index + 1] == UInt8(ascii: "<") {
                var end = index + 2
                while end < string.count, Self.isPaddingCharacter(string[end]) { end += 1 }
                if end < string.count, end > index + 2, string[end] == UInt8(ascii: ">") {
                    index = end + 1
                    continue
                }
            }
            result.append(string[index])
            index += 1
        }
        return result
    }

    private static func isPaddingCharacter(_ byte: UInt8) -> Bool {
        (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")) || byte == UInt8(ascii: ".")
            || byte == UInt8(ascii: "*") || byte == UInt8(ascii: "/")
    }
}
