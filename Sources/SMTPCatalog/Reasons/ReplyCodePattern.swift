/// A code constraint of a rule or of the code-to-reason table: a basic code
/// (`550`), a basic class (`5xx`), an enhanced code in one class (`5.7.606`) or in
/// any (`X.7.1`), or an enhanced subject with any detail (`X.7`).
public enum ReplyCodePattern: Sendable, Hashable, CustomStringConvertible {
    case basic(Int)
    case basicClass(Int)
    /// `classDigit` nil for `X`.
    case enhanced(classDigit: Int?, subject: Int, detail: Int)
    case subject(classDigit: Int?, subject: Int)

    public init?(parsing text: String) {
        let lower = text.lowercased()
        if lower.count == 3, lower.hasSuffix("xx"), let digit = Int(lower.prefix(1)), (2...5).contains(digit) {
            self = .basicClass(digit)
            return
        }
        if lower.count == 3, let value = Int(lower), (200...599).contains(value) {
            self = .basic(value)
            return
        }
        let parts = lower.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 2 || parts.count == 3 else { return nil }
        let classDigit: Int?
        if parts[0] == "x" {
            classDigit = nil
        } else if let digit = Int(parts[0]), [2, 4, 5].contains(digit), parts[0].count == 1 {
            classDigit = digit
        } else {
            return nil
        }
        let number = { (part: Substring) -> Int? in
            (1...3).contains(part.count) && part.allSatisfy(\.isASCII) ? Int(part) : nil
        }
        guard let subject = number(parts[1]) else { return nil }
        if parts.count == 2 {
            self = .subject(classDigit: classDigit, subject: subject)
        } else if let detail = number(parts[2]) {
            self = .enhanced(classDigit: classDigit, subject: subject, detail: detail)
        } else {
            return nil
        }
    }

    /// Whether a reply with these codes satisfies the pattern.
    public func matches(replyCode: Int?, enhanced: (classDigit: Int, subject: Int, detail: Int)?) -> Bool {
        switch self {
        case .basic(let value):
            return replyCode == value
        case .basicClass(let digit):
            return (replyCode.map { $0 / 100 } ?? enhanced?.classDigit) == digit
        case .enhanced(let classDigit, let subject, let detail):
            guard let enhanced else { return false }
            return (classDigit == nil || classDigit == enhanced.classDigit) && subject == enhanced.subject && detail == enhanced.detail
        case .subject(let classDigit, let subject):
            guard let enhanced else { return false }
            return (classDigit == nil || classDigit == enhanced.classDigit) && subject == enhanced.subject
        }
    }

    /// The key a single code is stored under in the catalog (`550`, `X.7.26`: one entry serves
    /// every class); nil for a class or a subject pattern, which name no one entry.
    public var catalogKey: String? {
        switch self {
        case .basic(let value): String(value)
        case .enhanced(_, let subject, let detail): "X.\(subject).\(detail)"
        case .basicClass, .subject: nil
        }
    }

    /// An enhanced code with a concrete class, which identifies a provider's own code (`5.7.606`).
    public var isConcreteEnhanced: Bool {
        if case .enhanced(_?, _, _) = self { return true }
        return false
    }

    public var description: String {
        switch self {
        case .basic(let value): String(value)
        case .basicClass(let digit): "\(digit)xx"
        case .enhanced(let classDigit, let subject, let detail): "\(classDigit.map(String.init) ?? "X").\(subject).\(detail)"
        case .subject(let classDigit, let subject): "\(classDigit.map(String.init) ?? "X").\(subject)"
        }
    }
}
