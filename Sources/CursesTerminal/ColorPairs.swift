import CNcursesw
import TerminalScreen

/// The colour pairs curses has been told of, each told when first drawn with: telling it of
/// all 81 (foreground, background) pairs at start took longer than the rest of starting
/// curses (docs/performance.md, "Cold start"), and a screen uses about ten.
package final class ColorPairs {
    private var told = [Bool](repeating: false, count: Int(WindowPainter.pair(.white, .white)) + 1)

    package init() {}

    /// The pair's number (`WindowPainter.pair`), defined in curses if it was not yet.
    package func number(_ foreground: TerminalColor, _ background: TerminalColor) -> Int16 {
        let number = WindowPainter.pair(foreground, background)
        if !told[Int(number)] {
            init_pair(number, Int16(foreground.rawValue), Int16(background.rawValue))
            told[Int(number)] = true
        }
        return number
    }
}
