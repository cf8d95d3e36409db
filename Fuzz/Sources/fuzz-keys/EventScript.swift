import CNcursesw
import CursesTerminal
import TerminalScreen

/// Turns fuzzer bytes into what the explorer's terminal would deliver: wget_wch
/// results through `KeyDecoder` (characters and curses key codes, valid or not),
/// mouse events anywhere (off-screen and negative positions included) and resizes
/// down to nothing. Each event takes a tag byte and up to three data bytes.
struct EventScript {
    private var bytes: ArraySlice<UInt8>
    /// Bit 3 of the last tag: more input is already waiting, so the loop skips drawing
    /// and searching for this event, as when keys arrive faster than frames.
    private(set) var isPending = false

    init(_ bytes: [UInt8]) {
        self.bytes = bytes[...]
    }

    private mutating func byte() -> UInt8 {
        bytes.popFirst() ?? 0
    }

    /// A position as getmouse may report it: usually on screen, sometimes far off it.
    private mutating func coordinate() -> Int {
        Int(Int8(bitPattern: byte())) * (byte() & 1 == 0 ? 1 : 37)
    }

    /// The next event, nil once the bytes are used up; events the decoder drops
    /// (as the real terminal skips them) come back as nil inside `.some`.
    mutating func next(size: Size) -> InputEvent?? {
        guard let tag = bytes.popFirst() else { return nil }
        isPending = tag & 0x08 != 0 && !bytes.isEmpty
        switch tag % 8 {
        case 0, 1, 2:
            // A character from wget_wch: mostly printable ASCII, then anything up to past U+10FFFF.
            let value = tag % 8 == 2 ? UInt32(byte()) << 16 | UInt32(byte()) << 8 | UInt32(byte()) : UInt32(byte() % 128)
            return .some(KeyDecoder.decode(status: OK, value: value, size: { size }))
        case 3:
            // A curses key code (KEY_MIN 0o401 … KEY_MAX 0o777, plus its neighbours).
            let value = 0o400 + UInt32(byte()) * 2 + UInt32(tag >> 7)
            return .some(KeyDecoder.decode(status: KEY_CODE_YES, value: value, size: { size }))
        case 4:
            // Statuses wget_wch never returns must decode to nothing.
            return .some(KeyDecoder.decode(status: Int32(Int8(bitPattern: byte())), value: UInt32(byte()), size: { size }))
        case 5:
            let kinds: [MouseEvent.Kind] = [.press, .wheelUp, .wheelDown]
            let kind = kinds[Int(byte()) % kinds.count]
            return .some(.mouse(MouseEvent(kind: kind, x: coordinate(), y: coordinate())))
        case 6:
            return .some(KeyDecoder.decode(status: KEY_CODE_YES, value: UInt32(KEY_RESIZE), size: {
                Size(width: Int(self.byte()), height: Int(self.byte() % 96))
            }))
        default:
            // A burst of the keys the explorer binds, so deep states are reached quickly.
            let bound: [Character] = ["/", "j", "k", "g", "G", "n", "N", " ", "m", "c", "x", "q", "?", "t", "[", "]"]
            return .some(.key(.character(bound[Int(byte()) % bound.count])))
        }
    }
}
