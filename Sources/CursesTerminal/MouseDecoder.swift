import CNcursesw
import TerminalScreen

/// Turns a curses mouse report (`MEVENT.bstate` and its cell) into an `InputEvent`.
/// Pure, so which buttons mean what can be checked without a terminal.
package enum MouseDecoder {
    /// Wheel reports come as presses of buttons 4 (up) and 5 (down); a left press
    /// or click selects. Anything else (releases, other buttons) gives nil.
    package static func decode(buttonState: mmask_t, x: Int32, y: Int32) -> InputEvent? {
        let kind: MouseEvent.Kind
        if buttonState & smtp_BUTTON4_PRESSED != 0 {
            kind = .wheelUp
        } else if smtp_BUTTON5_PRESSED != 0, buttonState & smtp_BUTTON5_PRESSED != 0 {
            // The guard matters: an ncurses built without button 5 exports 0 here.
            kind = .wheelDown
        } else if buttonState & (smtp_BUTTON1_PRESSED | smtp_BUTTON1_CLICKED) != 0 {
            kind = .press
        } else {
            return nil
        }
        return .mouse(MouseEvent(kind: kind, x: Int(x), y: Int(y)))
    }
}
