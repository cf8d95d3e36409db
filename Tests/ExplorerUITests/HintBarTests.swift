import Foundation
@testable import ExplorerUI
import Testing

/// The hint bar's own split (`HintBarView.items`) agrees with Foundation's, which it
/// replaced before the first screen, and a bar that does not fit keeps whole hints.
@Suite struct HintBarTests {
    @Test(arguments: ["↑↓ move  / search  q quit", "one", "", "a  b   c", "  lead", "trail  ", "a    b", "x y  z"])
    func hintsSplitAsFoundationSplitsThem(hints: String) {
        #expect(HintBarView.items(hints) == hints.components(separatedBy: "  "))
    }

    @Test func aBarThatDoesNotFitKeepsWholeHintsAndTheLast() {
        let hints = "↑↓ move  / search  Space mark  q quit"
        #expect(HintBarView.fitted(hints, width: 80) == hints)
        #expect(HintBarView.fitted(hints, width: 25) == "↑↓ move  / search  q quit")
        #expect(HintBarView.fitted(hints, width: 10) == "q quit")
    }
}
