/// One line of `Resources/reasons/codes.json`: the reason a code stands for when
/// no rule recognised the text, optionally only after a given command.
public struct CodeReason: Sendable, Hashable {
    public let code: ReplyCodePattern
    /// `MAIL`, `RCPT`, `DATA`, `CONNECT` …; nil for any.
    public let command: String?
    public let reason: String

    public init(code: ReplyCodePattern, command: String?, reason: String) {
        self.code = code
        self.command = command
        self.reason = reason
    }

    /// An enhanced pattern of subject 0 (`X.0.0`, `X.0`): "other or undefined status".
    public var isUndefinedStatus: Bool {
        switch code {
        case .enhanced(_, 0, _), .subject(_, 0): true
        default: false
        }
    }

    /// Enhanced patterns decide before basic ones (docs/reasons.md, decision order).
    public var isEnhanced: Bool {
        switch code {
        case .enhanced, .subject: true
        case .basic, .basicClass: false
        }
    }
}
