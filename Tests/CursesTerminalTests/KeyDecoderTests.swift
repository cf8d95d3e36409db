import CNcursesw
import CursesTerminal
import TerminalScreen
import Testing

@Suite struct KeyDecoderTests {
    private static let screenSize = Size(width: 91, height: 37)

    private func keyCode(_ code: Int32) -> InputEvent? {
        KeyDecoder.decode(status: KEY_CODE_YES, value: UInt32(bitPattern: code), size: { Self.screenSize })
    }

    private func character(_ value: UInt32) -> InputEvent? {
        KeyDecoder.decode(status: OK, value: value, size: { Self.screenSize })
    }

    @Test(arguments: [
        (KEY_UP, Key.up), (KEY_DOWN, .down), (KEY_LEFT, .left), (KEY_RIGHT, .right),
        (KEY_PPAGE, .pageUp), (KEY_NPAGE, .pageDown), (KEY_HOME, .home), (KEY_END, .end),
        (KEY_ENTER, .enter), (KEY_BACKSPACE, .backspace), (KEY_DC, .delete), (KEY_BTAB, .backTab),
    ])
    func keyCodesBecomeKeys(code: Int32, expected: Key) {
        #expect(keyCode(code) == .key(expected))
    }

    @Test func functionKeysOneToTwelve() {
        for number in 1...12 {
            #expect(keyCode(KEY_F0 + Int32(number)) == .key(.function(number)))
        }
        // F0 does not exist on keyboards; F13 and up are shifted F-keys the explorer does not bind.
        #expect(keyCode(KEY_F0) == nil)
        #expect(keyCode(KEY_F0 + 13) == nil)
    }

    @Test func resizeReportsTheNewSize() {
        #expect(keyCode(KEY_RESIZE) == .resize(Self.screenSize))
    }

    @Test func unknownKeyCodesAreIgnored() {
        // KEY_MOUSE is read through getmouse, and the paste markers by the paste assembler.
        for code in [KEY_MOUSE, KEY_IC, smtp_KEY_PASTE_BEGIN, smtp_KEY_PASTE_END] {
            #expect(keyCode(code) == nil, "key code \(code)")
        }
    }

    @Test(arguments: [(UInt32(10), Key.enter), (13, .enter), (9, .tab), (27, .escape), (127, .backspace), (8, .backspace)])
    func controlBytesWithKeysOfTheirOwn(value: UInt32, expected: Key) {
        #expect(character(value) == .key(expected))
    }

    @Test func otherControlLettersAreControlChords() {
        // 8, 9, 10 and 13 (Ctrl-H, -I, -J, -M) are Backspace, Tab and Enter above.
        for (offset, letter) in "abcdefghijklmnopqrstuvwxyz".enumerated() where !"hijm".contains(letter) {
            #expect(character(UInt32(offset + 1)) == .key(.control(letter)), "Ctrl-\(letter)")
        }
    }

    @Test(arguments: [UInt32(0), 28, 29, 30, 31, 0x80, 0x9B, 0x9F])
    func otherControlBytesAreIgnored(value: UInt32) {
        #expect(character(value) == nil)
    }

    @Test(arguments: [UInt32(0xD800), 0xDFFF, 0x110000, UInt32.max])
    func valuesThatAreNotUnicodeScalarsAreIgnored(value: UInt32) {
        #expect(character(value) == nil)
    }

    @Test(arguments: ["a", "Z", "~", " ", "/", "é", "ß", "你", "😀", "\u{A0}"])
    func printableCharactersAreCharacters(text: String) throws {
        let scalar = try #require(text.unicodeScalars.first)
        #expect(character(scalar.value) == .key(.character(Character(scalar))))
    }

    @Test func failedReadsAreNotKeys() {
        #expect(KeyDecoder.decode(status: ERR, value: 97, size: { Self.screenSize }) == nil)
    }
}
