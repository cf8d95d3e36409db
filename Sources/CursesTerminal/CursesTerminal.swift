import CNcursesw
import FoundationEssentials
import Glibc
import TerminalScreen

/// The only code that talks to ncurses: it starts and restores the terminal and turns
/// input into events; its frames are written by `FrameWriter` with the terminal's own
/// strings from terminfo (docs/decisions.md, "Frames are written by FrameWriter").
public struct CursesTerminal: Terminal {
    /// Options chosen on the command line.
    public struct Options: Sendable {
        public var useColor: Bool
        public var useMouse: Bool

        public init(useColor: Bool, useMouse: Bool) {
            self.useColor = useColor
            self.useMouse = useMouse
        }
    }

    private let window: UnsafeMutablePointer<WINDOW>
    private var writer: FrameWriter
    /// The signal that ended input (SIGINT, SIGTERM, SIGHUP, SIGQUIT), or 0.
    /// A terminal that went away counts as SIGHUP, the signal it would have sent
    /// to a process it controlled.
    public private(set) var stopSignal: Int32 = 0
    /// An event read ahead by `hasPendingInput()`, returned by the next `nextEvent()`.
    private var peeked: InputEvent?
    /// A paste being read; it spans many `wget_wch` calls, maybe several timeouts.
    private var paste = PasteAssembler()
    /// The terminal's size until curses' windows are given it, after the first frame
    /// (`smtp_start_screen` says why they start smaller).
    private var sizeForCurses: Size?
    private let useMouse: Bool

    /// Whether curses may run here: a terminal on stdin and stdout and a TERM that is not dumb.
    /// (An unknown TERM is caught by `init?`, which then returns nil.)
    public static func isCandidate(environment: [String: String]) -> Bool {
        guard isatty(STDIN_FILENO) == 1, isatty(STDOUT_FILENO) == 1,
              let term = environment["TERM"], !term.isEmpty, term != "dumb" else { return false }
        return true
    }

    /// Enters curses mode, or returns nil when the terminal type is unknown.
    /// Call `restore()` on every way out.
    public init?(options: Options) {
        TerminalLocale.adopt()
        guard let window = smtp_start_screen() else { return nil }
        guard let strings = TerminalStrings.current(colors: options.useColor) else {
            // No cursor addressing: nothing full-screen can be drawn (the caller prints the list).
            smtp_leave_screen()
            return nil
        }
        // Only once curses runs: the plain list printed when it cannot start keeps
        // the default signal actions (Ctrl-C must still stop it).
        smtp_install_stop_handlers()
        smtp_install_crash_handlers()
        self.window = window
        useMouse = options.useMouse
        cbreak()
        noecho()
        nonl()
        curs_set(0)
        set_escdelay(25)
        // Wake up regularly so a recorded signal is noticed even without input.
        wtimeout(window, 150)
        // The modes set above go out now, but no refresh: curses' windows are left as drawn
        // (untouched, so reading a key does not refresh them either), and the first frame
        // clears the screen itself. A refresh here compared every cell of two empty windows,
        // a tenth of a millisecond before the first screen (docs/performance.md, "Fifth pass").
        untouchwin(window)
        smtp_flush_curses_output()
        writer = FrameWriter(strings: strings)
        sizeForCurses = Self.terminalSize()
    }

    /// Leaves curses mode and puts the terminal back as it was, dropping input not
    /// yet read so that it does not reach the shell.
    public func restore() {
        smtp_leave_screen()
    }

    public var size: Size { sizeForCurses ?? Size(width: Int(getmaxx(window)), height: Int(getmaxy(window))) }

    private static func terminalSize() -> Size {
        var rows: Int32 = 0, columns: Int32 = 0
        smtp_terminal_size(&rows, &columns)
        return Size(width: Int(columns), height: Int(rows))
    }

    /// Curses learns of a resize from SIGWINCH but, sized from terminfo, not the new size:
    /// it is read here and given to curses, which then clears and redraws on the next draw.
    private static func resizedToTerminal() -> Size {
        let size = terminalSize()
        smtp_resize_screen(Int32(size.height), Int32(size.width), 1)
        return size
    }

    public mutating func hasPendingInput() -> Bool {
        if peeked != nil { return true }
        wtimeout(window, 0)
        defer { wtimeout(window, 150) }
        peeked = readEvent(waiting: false)
        return peeked != nil
    }

    public mutating func nextEvent() -> InputEvent? {
        if let event = peeked {
            peeked = nil
            return event
        }
        return readEvent(waiting: true)
    }

    /// Reads one event; without waiting, returns nil as soon as nothing is queued.
    private mutating func readEvent(waiting: Bool) -> InputEvent? {
        while stopSignal == 0 {
            let signal = smtp_take_pending_signal()
            if signal != 0 {
                stopSignal = signal
                return nil
            }
            // Back from Ctrl-Z: curses redrew its own idea of the screen; draw the frame again.
            if smtp_take_resumed() != 0 {
                writer.forget()
                return .resize(size)
            }
            var value: wint_t = 0
            let status = wget_wch(window, &value)
            if status == ERR {
                // Without this check a closed terminal would make this loop spin,
                // as every read fails at once.
                if smtp_input_is_gone() != 0 {
                    stopSignal = SIGHUP
                    return nil
                }
                // Only real timeouts count towards giving up on an unfinished paste.
                if waiting, let text = paste.idle() { return .paste(text) }
                if waiting { continue }
                return nil
            }
            switch paste.feed(status: status, value: UInt32(value)) {
            case .consumed: continue
            case .finished(let text): return .paste(text)
            case .pass: break
            }
            if status == KEY_CODE_YES, Int32(value) == KEY_MOUSE {
                if let event = mouseEvent() { return event }
                continue
            }
            if let event = KeyDecoder.decode(status: status, value: UInt32(value), size: Self.resizedToTerminal) {
                return event
            }
        }
        return nil
    }

    private func mouseEvent() -> InputEvent? {
        var event = MEVENT()
        guard getmouse(&event) == OK else { return nil }
        return MouseDecoder.decode(buttonState: event.bstate, x: event.x, y: event.y)
    }

    public mutating func draw(_ buffer: ScreenBuffer) {
        // After a resize curses clears the screen and redraws its own (empty) window the
        // next time a key is read, or now: let it, then draw the whole frame over it.
        if smtp_stdscr_touched() != 0 {
            wrefresh(window)
            writer.forget()
        }
        let bytes = writer.bytes(for: buffer)
        bytes.withUnsafeBufferPointer { raw in
            raw.withMemoryRebound(to: CChar.self) { smtp_write_bytes($0.baseAddress, $0.count) }
        }
        // Once the first frame is out: curses' windows take the terminal's size (for a later
        // resize to be noticed, and `endwin` to leave the cursor on the last row), and input
        // is set up.
        if let size = sizeForCurses {
            smtp_resize_screen(Int32(size.height), Int32(size.width), 0)
            sizeForCurses = nil
            startInput()
        }
    }

    /// Keys, pastes and the mouse, set up after the first frame rather than before: nothing
    /// is read until it is out, and what is typed meanwhile waits in the terminal's queue
    /// (docs/performance.md, "Seventh pass").
    private func startInput() {
        smtp_start_bracketed_paste()
        keypad(window, true)
        if useMouse {
            mousemask(smtp_ALL_MOUSE_EVENTS, nil)
            mouseinterval(0)
        }
        smtp_flush_curses_output()
    }

    /// The next frame clears the terminal and sends every cell, instead of only the cells
    /// that changed (Ctrl-L, for when something else wrote on the screen).
    public mutating func repaint() {
        writer.forget()
    }
}
