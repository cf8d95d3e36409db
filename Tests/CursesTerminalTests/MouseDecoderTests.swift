import CNcursesw
import CursesTerminal
import TerminalScreen
import Testing

@Suite struct MouseDecoderTests {
    @Test func leftPressAndClickSelectAtTheirCell() {
        #expect(MouseDecoder.decode(buttonState: smtp_BUTTON1_PRESSED, x: 12, y: 7)
            == .mouse(MouseEvent(kind: .press, x: 12, y: 7)))
        #expect(MouseDecoder.decode(buttonState: smtp_BUTTON1_CLICKED, x: 0, y: 23)
            == .mouse(MouseEvent(kind: .press, x: 0, y: 23)))
    }

    @Test func wheelUpAndDownAreTold() {
        #expect(smtp_BUTTON5_PRESSED != 0, "this ncurses reports no wheel-down button")
        #expect(MouseDecoder.decode(buttonState: smtp_BUTTON4_PRESSED, x: 3, y: 4)
            == .mouse(MouseEvent(kind: .wheelUp, x: 3, y: 4)))
        #expect(MouseDecoder.decode(buttonState: smtp_BUTTON5_PRESSED, x: 3, y: 4)
            == .mouse(MouseEvent(kind: .wheelDown, x: 3, y: 4)))
    }

    @Test func releasesAndEmptyReportsAreIgnored() {
        #expect(MouseDecoder.decode(buttonState: smtp_BUTTON1_RELEASED, x: 1, y: 1) == nil)
        #expect(MouseDecoder.decode(buttonState: 0, x: 1, y: 1) == nil)
    }
}
