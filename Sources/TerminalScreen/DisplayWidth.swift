import TextSafety

/// How many terminal columns text occupies, computed here rather than with
/// `wcwidth`, whose answer changes with the process locale and would make
/// screen tests depend on the machine.
public enum DisplayWidth {
    /// Columns for one grapheme: 0 for marks and format characters, 2 for East
    /// Asian wide and emoji presentation, 1 otherwise.
    public static func of(_ character: Character) -> Int {
        guard let first = character.unicodeScalars.first else { return 0 }
        if character.unicodeScalars.contains(where: { $0.value == 0xFE0F }) { return 2 }
        return of(first)
    }

    public static func of(_ scalar: Unicode.Scalar) -> Int {
        let value = scalar.value
        if value < 0x7F { return value < 0x20 ? 0 : 1 }
        // Box drawing and block elements (every frame's borders) are narrow: skip the property lookups.
        if (0x2500...0x259F).contains(value) { return 1 }
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .enclosingMark, .format, .control: return 0
        default: break
        }
        if scalar.properties.isEmojiPresentation { return 2 }
        return isWide(value) ? 2 : 1
    }

    /// Columns for a whole string. Inlinable, as is `isPrintableASCII`: the views call them
    /// from other modules on every frame, and unspecialised, the generic walk over `utf8`
    /// costs tens of instructions a byte.
    @inlinable
    public static func of(_ text: some StringProtocol) -> Int {
        if isPrintableASCII(text) { return text.utf8.count }
        return text.reduce(0) { $0 + of($1) }
    }

    /// Printable ASCII, nearly all text on screen, takes one column per byte: checked on
    /// the bytes, it skips walking grapheme clusters on every frame.
    @inlinable
    public static func isPrintableASCII(_ text: some StringProtocol) -> Bool {
        text.utf8.allSatisfy { $0 >= 0x20 && $0 < 0x7F }
    }

    /// East Asian Wide and Fullwidth blocks (Unicode UAX #11), coarse but stable.
    private static func isWide(_ value: UInt32) -> Bool {
        switch value {
        case 0x1100...0x115F, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF,
             0xA000...0xA4CF, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFF60,
             0xFFE0...0xFFE6, 0x1F300...0x1F64F, 0x1F900...0x1F9FF, 0x20000...0x2FFFD, 0x30000...0x3FFFD:
            true
        default:
            false
        }
    }
}
