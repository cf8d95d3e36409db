import Foundation
import Testing
import TestSupport

/// When curses cannot start, the plain list a terminal gets instead must be plain:
/// nothing says a terminal of an unknown type understands colour escapes.
@Suite(.serialized) struct FallbackListEndToEndTests {
    private func listShown(term: String, arguments: String = "") throws -> String {
        let session = try TmuxSession(command: "env TERM='\(term)' '\(BinaryLocator.binary.path)' \(arguments); echo EXIT=$?; sleep 600",
                                      width: 100, height: 30)
        let plain = try session.waitFor("EXIT=")
        #expect(plain.contains("EXIT=0"))
        #expect(plain.contains("X.7.30"), "the list's last code is on screen")
        // -e keeps the colour escapes tmux saw, so colour in the output would show here.
        return try session.run(["capture-pane", "-p", "-e", "-t", "main"]).stdout
    }

    @Test(arguments: ["unknownterm", ""])
    func theFallbackListHasNoColour(term: String) throws {
        let screen = try listShown(term: term)
        #expect(!screen.contains("\u{1B}[3"), "a foreground colour was drawn")
    }

    @Test func colourCanStillBeAskedFor() throws {
        let screen = try listShown(term: "unknownterm", arguments: "--color always")
        #expect(screen.contains("\u{1B}[3"))
    }
}
