import ArgumentParser

/// When to colour output: `auto` colours only a terminal without `NO_COLOR`.
enum ColorChoice: String, ExpressibleByArgument, CaseIterable {
    case auto, always, never

    /// The one colour policy, for the explorer and every command: `always` and `never`
    /// mean what they say; `auto` needs a terminal, a non-empty `NO_COLOR` unset, and a
    /// `TERM` that is set and not `dumb`.
    func allowsColor(onTerminal isTerminal: Bool, environment: [String: String]) -> Bool {
        switch self {
        case .always: return true
        case .never: return false
        case .auto:
            let noColor = !(environment["NO_COLOR"] ?? "").isEmpty
            let term = environment["TERM"] ?? ""
            return isTerminal && !noColor && !term.isEmpty && term != "dumb"
        }
    }
}
