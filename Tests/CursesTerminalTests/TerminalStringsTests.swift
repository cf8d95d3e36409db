import CNcursesw
@testable import CursesTerminal
import TerminalScreen
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// `TerminalStrings` are the terminal's own, from terminfo: what `FrameWriter` sends on an
/// xterm is what curses would have sent, and a terminal without colour gets none.
@Suite(.serialized) struct TerminalStringsTests {
    private func withScreen(_ type: String, _ body: () throws -> Void) throws {
        let output = try #require(fopen("/dev/null", "w")), input = try #require(fopen("/dev/null", "r"))
        defer {
            fclose(output)
            fclose(input)
        }
        let screen = try #require(newterm(type, output, input), "no terminfo entry for \(type)")
        defer {
            endwin()
            delscreen(screen)
        }
        try body()
    }

    private func text(_ bytes: [UInt8]) -> String { String(decoding: bytes, as: UTF8.self) }

    @Test func anXtermGetsItsOwnStrings() throws {
        try withScreen("xterm-256color") {
            let strings = try #require(TerminalStrings.current(colors: true))
            #expect(text(strings.clearScreen) == "\u{1B}[H\u{1B}[2J")
            #expect(text(strings.moveCursor(0, 0)) == "\u{1B}[1;1H")
            #expect(text(strings.moveCursor(39, 119)) == "\u{1B}[40;120H")
            #expect(text(strings.bold) == "\u{1B}[1m" && text(strings.dim) == "\u{1B}[2m")
            #expect(text(strings.reverse) == "\u{1B}[7m" && text(strings.underline) == "\u{1B}[4m")
            #expect(text(strings.resetAttributes).hasSuffix("\u{1B}[m") && strings.resetCancelsColors)
            #expect(strings.drawsColors)
            #expect(strings.foreground.map(text) == (0..<8).map { "\u{1B}[3\($0)m" })
            #expect(strings.background.map(text) == (0..<8).map { "\u{1B}[4\($0)m" })
            #expect(text(strings.defaultColors) == "\u{1B}[39;49m")
            // xterm wraps only when the next character comes (xenl): the last cell is safe.
            #expect(strings.writesLastCell)
        }
    }

    /// Colour asked for on a terminal without it, or refused on one with it: none is drawn.
    @Test func coloursNeedBothTheUserAndTheTerminal() throws {
        try withScreen("vt100") {
            let strings = try #require(TerminalStrings.current(colors: true))
            #expect(!strings.drawsColors && strings.defaultColors.isEmpty)
        }
        try withScreen("xterm-256color") {
            let strings = try #require(TerminalStrings.current(colors: false))
            #expect(!strings.drawsColors && strings.defaultColors.isEmpty)
        }
    }

    /// vt100's strings carry padding marks (`cup` ends in `$<5>`), which are delays for
    /// `tputs`, never text to send.
    @Test func paddingMarksAreNotSent() throws {
        try withScreen("vt100") {
            let strings = try #require(TerminalStrings.current(colors: false))
            #expect(text(strings.moveCursor(2, 5)) == "\u{1B}[3;6H")
            #expect(text(strings.clearScreen) == "\u{1B}[H\u{1B}[J")
            #expect(text(strings.bold) == "\u{1B}[1m")
            for string in [strings.clearScreen, strings.resetAttributes, strings.bold, strings.moveCursor(0, 0)] {
                #expect(!text(string).contains("$<"))
            }
        }
        #expect(TerminalStrings.withoutPadding(Array("a$<5>b$<2*/>c$<x>d$<>e$<3".utf8)) == Array("abc$<x>d$<>e$<3".utf8))
    }

    /// A terminal that wraps at once at the margin would scroll on the bottom-right cell.
    @Test func aTerminalThatWrapsAtOnceKeepsItsLastCell() throws {
        // The Sun console wraps automatically (am) and has no pending wrap (no xenl); its
        // entry comes with ncurses-base, as xterm's and vt100's do.
        try withScreen("sun") {
            let strings = try #require(TerminalStrings.current(colors: false))
            #expect(!strings.writesLastCell)
        }
    }
}
