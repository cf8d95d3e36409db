import CNcursesw
import CursesTerminal
import Testing

@Suite struct PasteAssemblerTests {
    private func keyCode(_ code: Int32) -> (status: Int32, value: UInt32) { (KEY_CODE_YES, UInt32(bitPattern: code)) }

    /// Feeds each scalar of `text` as a character read, returning the step for each.
    private func feed(_ text: String, into assembler: inout PasteAssembler) -> [PasteAssembler.Step] {
        text.unicodeScalars.map { assembler.feed(status: OK, value: $0.value) }
    }

    @Test func textBetweenTheMarkersBecomesOnePaste() {
        var assembler = PasteAssembler()
        let begin = keyCode(smtp_KEY_PASTE_BEGIN), end = keyCode(smtp_KEY_PASTE_END)
        #expect(assembler.feed(status: begin.status, value: begin.value) == .consumed)
        // Line breaks, a `q` and an escape are text here, never Enter, quit or Esc.
        #expect(feed("Mailbox full\rquota\u{1B}\n", into: &assembler).allSatisfy { $0 == .consumed })
        #expect(assembler.feed(status: end.status, value: end.value) == .finished("Mailbox full\rquota\u{1B}\n"))
        // Afterwards keys are keys again.
        #expect(assembler.feed(status: OK, value: 113) == .pass)
    }

    @Test func outsideAPasteEverythingPassesButAStrayEndMarker() {
        var assembler = PasteAssembler()
        #expect(feed("q\r", into: &assembler) == [.pass, .pass])
        let up = keyCode(KEY_UP), end = keyCode(smtp_KEY_PASTE_END)
        #expect(assembler.feed(status: up.status, value: up.value) == .pass)
        #expect(assembler.feed(status: end.status, value: end.value) == .consumed)
        #expect(!assembler.isCollecting)
    }

    @Test func keysInsideAPasteAreDroppedButResizeAndMousePass() {
        var assembler = PasteAssembler()
        let begin = keyCode(smtp_KEY_PASTE_BEGIN), end = keyCode(smtp_KEY_PASTE_END)
        _ = assembler.feed(status: begin.status, value: begin.value)
        _ = feed("ab", into: &assembler)
        for code in [KEY_UP, KEY_F0 + 1, KEY_BACKSPACE, smtp_KEY_PASTE_BEGIN] {
            let key = keyCode(code)
            #expect(assembler.feed(status: key.status, value: key.value) == .consumed, "key code \(code)")
        }
        for code in [KEY_RESIZE, KEY_MOUSE] {
            let key = keyCode(code)
            #expect(assembler.feed(status: key.status, value: key.value) == .pass, "key code \(code)")
        }
        _ = feed("c", into: &assembler)
        #expect(assembler.feed(status: end.status, value: end.value) == .finished("abc"))
    }

    @Test func aLongPasteIsCutButReadToItsEnd() {
        var assembler = PasteAssembler()
        let begin = keyCode(smtp_KEY_PASTE_BEGIN), end = keyCode(smtp_KEY_PASTE_END)
        _ = assembler.feed(status: begin.status, value: begin.value)
        let steps = feed(String(repeating: "x", count: PasteAssembler.maximumLength + 100), into: &assembler)
        #expect(steps.allSatisfy { $0 == .consumed })
        #expect(assembler.feed(status: end.status, value: end.value) == .finished(String(repeating: "x", count: PasteAssembler.maximumLength)))
    }

    @Test func aPasteWithoutAnEndMarkerIsClosedAfterIdleReads() {
        var assembler = PasteAssembler()
        #expect(assembler.idle() == nil, "no paste, nothing to close")
        let begin = keyCode(smtp_KEY_PASTE_BEGIN)
        _ = assembler.feed(status: begin.status, value: begin.value)
        _ = feed("5", into: &assembler)
        for _ in 1..<PasteAssembler.idleLimit { #expect(assembler.idle() == nil) }
        // More input starts the count again.
        _ = feed("50", into: &assembler)
        for _ in 1..<PasteAssembler.idleLimit { #expect(assembler.idle() == nil) }
        #expect(assembler.idle() == "550")
        #expect(!assembler.isCollecting)
        #expect(assembler.feed(status: OK, value: 113) == .pass)
    }

    @Test func invalidScalarsInAPasteAreDropped() {
        var assembler = PasteAssembler()
        let begin = keyCode(smtp_KEY_PASTE_BEGIN), end = keyCode(smtp_KEY_PASTE_END)
        _ = assembler.feed(status: begin.status, value: begin.value)
        #expect(assembler.feed(status: OK, value: 0xD800) == .consumed)
        _ = feed("é", into: &assembler)
        #expect(assembler.feed(status: end.status, value: end.value) == .finished("é"))
    }
}
