import ExplorerUI
import TerminalScreen
import Testing

/// One row of `KeymapTests`' table: in `mode`, `event` gives `action`, whose update makes `effect`.
struct KeyCase: Sendable, CustomTestStringConvertible {
    let mode: KeymapTests.Mode
    let event: InputEvent
    let action: Action?
    let effect: KeymapTests.Effect

    init(_ mode: KeymapTests.Mode, _ event: InputEvent, _ action: Action?, _ effect: KeymapTests.Effect) {
        self.mode = mode
        self.event = event
        self.action = action
        self.effect = effect
    }

    var testDescription: String {
        "\(mode): \(event) → \(action.map { "\($0)" } ?? "nothing")"
    }
}
