import SMTPCatalog
/// One SMTP reply found in pasted text: its codes, the command it answered
/// when the text says so, and the server's own words.
public struct ParsedReply: Sendable, Equatable {
    /// The three-digit reply code, nil when only an enhanced code was found (qmail's `(#5.1.1)`).
    public var replyCode: Int?
    /// The enhanced status code as digits (`5.7.26`), if any.
    public var enhancedCode: String?
    /// The SMTP command it answered (RCPT, MAIL, DATA, CONNECT …), when the text names it.
    public var command: String?
    /// The server's words after the codes, multi-line replies joined.
    public var text: String

    public init(replyCode: Int?, enhancedCode: String?, command: String?, text: String) {
        self.replyCode = replyCode
        self.enhancedCode = enhancedCode
        self.command = command
        self.text = text
    }

    public var enhanced: StatusCode? { enhancedCode.flatMap { StatusCode(parsing: $0) } }

    /// The class a client acts on: the basic code's, else the enhanced code's.
    public var effectiveClass: Int? { replyCode.map { $0 / 100 } ?? enhanced?.classDigit }

    /// Permanent failure: do not retry unchanged.
    public var isPermanent: Bool { effectiveClass == 5 }

    /// The basic and enhanced classes disagree (`554 4.4.7`); RFC 3463 §2 says they must match.
    public var hasContradiction: Bool {
        guard let basic = replyCode.map({ $0 / 100 }), let enhancedClass = enhanced?.classDigit,
              basic != 3 else { return false }
        return basic != enhancedClass
    }
}
