import ExplorerUI
import Foundation
import FuzzSupport
import SMTPCatalog
import TerminalScreen

/// One input: a script of terminal events through the explorer's own loop
/// (`ExplorerLoop.run`: KeyDecoder → Keymap → update → ExplorerView) over the
/// bundled catalog, drawing after each event unless the script says more is
/// waiting. Any trap in decoding, the state update or rendering at any size is a finding.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzKeys(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let loaded = BundledResources.shared
    var terminal = ReplayTerminal(script: EventScript(Array(UnsafeBufferPointer(start: data, count: size))))
    let state = AppState(index: loaded.index, labels: loaded.labels, size: terminal.size)
    let final = ExplorerLoop.run(&terminal, state: state, theme: Theme(usesColor: true)).state
    fuzzCheck(final.results.isEmpty ? final.selection == 0 : final.results.indices.contains(final.selection),
              "selection \(final.selection) outside \(final.results.count) results")
    return 0
}

/// A terminal that replays an `EventScript` and checks each frame's size. The script
/// says when input is pending; otherwise the loop searches and draws after the event.
struct ReplayTerminal: Terminal {
    var size = Size(width: 80, height: 24)
    private var script: EventScript

    init(script: EventScript) {
        self.script = script
    }

    mutating func nextEvent() -> InputEvent? {
        while let event = script.next(size: size) {
            guard let event else { continue }
            if case .resize(let newSize) = event { size = newSize }
            return event
        }
        return nil
    }

    mutating func hasPendingInput() -> Bool { script.isPending }

    mutating func draw(_ buffer: ScreenBuffer) {
        fuzzCheck(buffer.size == size, "drew \(buffer.size) on a \(size) terminal")
    }

    /// Nothing else writes on a replayed screen, so every draw is already whole.
    mutating func repaint() {}
}

/// The process's main (see runFuzzer for why the target defines it).
@_cdecl("fuzz_keys_main")
public func fuzzKeysMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    runFuzzer(argc: argc, argv: argv, fuzzKeys)
}
