import CNcursesw
import TerminalScreen

/// Turns what `wget_wch` returned into an `InputEvent`. Pure apart from the
/// curses constants, so the mapping is easy to read and check.
public enum KeyDecoder {
    /// `status` is `wget_wch`'s result (OK or KEY_CODE_YES); `value` the character or key code.
    public static func decode(status: Int32, value: UInt32, size: () -> Size) -> InputEvent? {
        if status == KEY_CODE_YES {
            return decodeKeyCode(Int32(bitPattern: value), size: size)
        }
        guard status == OK, let scalar = Unicode.Scalar(value) else { return nil }
        switch value {
        case 9: return .key(.tab)
        case 10, 13: return .key(.enter)
        case 27: return .key(.escape)
        case 8, 127: return .key(.backspace)
        case 1...26:
            return .key(.control(Character(Unicode.Scalar(value + 96)!)))
        // The other C0 controls, and C1 controls (which some terminals send for
        // Alt chords or a bare CSI): none is a key the explorer knows.
        case 0..<32, 0x80...0x9F: return nil
        default: return .key(.character(Character(scalar)))
        }
    }

    private static func decodeKeyCode(_ code: Int32, size: () -> Size) -> InputEvent? {
        switch code {
        case KEY_UP: return .key(.up)
        case KEY_DOWN: return .key(.down)
        case KEY_LEFT: return .key(.left)
        case KEY_RIGHT: return .key(.right)
        case KEY_PPAGE: return .key(.pageUp)
        case KEY_NPAGE: return .key(.pageDown)
        case KEY_HOME: return .key(.home)
        case KEY_END: return .key(.end)
        case KEY_ENTER: return .key(.enter)
        case KEY_BTAB: return .key(.backTab)
        case KEY_BACKSPACE: return .key(.backspace)
        case KEY_DC: return .key(.delete)
        case KEY_RESIZE: return .resize(size())
        case KEY_F0 + 1...KEY_F0 + 12: return .key(.function(Int(code - KEY_F0)))
        default: return nil
        }
    }
}
