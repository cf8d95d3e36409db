import TerminalScreen

/// Turns terminal events into actions for an input mode. Keys come from `KeyTable`;
/// the rules here are for what is not a fixed key: text typed on the search line,
/// pastes, the mouse and resizes.
public enum Keymap {
    /// `mouseEnabled` is false under `--no-mouse`, where the mouse belongs to the terminal.
    public static func action(for event: InputEvent, mode: InputMode, mouseEnabled: Bool = true) -> Action? {
        switch event {
        case .resize(let size): return .resize(size)
        case .mouse(let mouse):
            // Help and the too-small notice cover the panes: a click or the wheel must not act on them unseen.
            guard mouseEnabled, mode != .help, mode != .tooSmall else { return nil }
            switch mouse.kind {
            case .press: return .click(x: mouse.x, y: mouse.y)
            case .wheelUp: return .wheel(x: mouse.x, y: mouse.y, delta: -1)
            case .wheelDown: return .wheel(x: mouse.x, y: mouse.y, delta: 1)
            }
        case .paste(let text):
            // A paste is a search wherever a key can start one (or one is under way), and nowhere else.
            return searchModes.contains(mode) ? .searchPaste(text) : nil
        case .key(let key):
            if let action = actions[mode]?[key] { return action }
            if mode == .search, case .character(let character) = key { return .searchInsert(character) }
            return nil
        }
    }

    /// The table by mode and key, built once. Should a key be bound twice in one mode
    /// (a test forbids it), the earlier row wins.
    private static let actions: [InputMode: [Key: Action]] = {
        var actions: [InputMode: [Key: Action]] = [:]
        for binding in KeyTable.bindings {
            for mode in binding.modes {
                for key in binding.allKeys where actions[mode]?[key] == nil {
                    actions[mode, default: [:]][key] = binding.action
                }
            }
        }
        return actions
    }()

    private static let searchModes: Set<InputMode> =
        KeyTable.bindings.filter { $0.action == .startSearch }.reduce(into: [.search]) { $0.formUnion($1.modes) }
}
