/// A code as a user types it (`553`, `5.1.3`, `x.1.1`, `5.X.X`, `X.7.X`), parsed
/// into the parts a lookup needs. `nil` parts stand for `X`.
public enum StatusCode: Sendable, Hashable, CustomStringConvertible {
    case basic(Int)
    case enhanced(classDigit: Int?, subject: Int?, detail: Int?)

    /// Parses one code; surrounding white space is ignored, `x` is case-insensitive.
    /// Enhanced parts follow RFC 3463: class 2, 4 or 5; subject and detail 1 to 3 digits.
    public init?(parsing raw: some StringProtocol) {
        // Bytes rather than Characters, and no array: this runs for every code of every loaded entry.
        let text = String(raw)
        guard let parsed = Self.parse(text.utf8.span) else { return nil }
        self = parsed
    }

    private static func parse(_ all: Span<UInt8>) -> StatusCode? {
        let isSpace = { (byte: UInt8) in byte == 0x20 || byte == 0x09 }
        var start = 0, end = all.count
        while start < end, isSpace(all[start]) { start += 1 }
        while end > start, isSpace(all[end - 1]) { end -= 1 }
        if end - start == 3, let value = number(all, start..<end) {
            return (200...599).contains(value) ? .basic(value) : nil
        }
        // Three dot-separated parts; each is X (nil) or 1 to 3 digits, the class 1 digit.
        var parts: (Int?, Int?, Int?) = (nil, nil, nil)
        var count = 0
        var partStart = start
        for index in start...end where index == end || all[index] == UInt8(ascii: ".") {
            let piece = partStart..<index
            let value: Int?
            if piece.count == 1, all[piece.lowerBound] | 0x20 == UInt8(ascii: "x") {
                value = nil
            } else if (1...(count == 0 ? 1 : 3)).contains(piece.count), let digits = number(all, piece) {
                value = digits
            } else {
                return nil
            }
            switch count {
            case 0: parts.0 = value
            case 1: parts.1 = value
            case 2: parts.2 = value
            default: return nil
            }
            count += 1
            partStart = index + 1
        }
        guard count == 3 else { return nil }
        if let digit = parts.0, ![2, 4, 5].contains(digit) { return nil }
        // A detail without a subject ("5.X.1") names nothing in RFC 3463.
        if parts.1 == nil, parts.2 != nil { return nil }
        return .enhanced(classDigit: parts.0, subject: parts.1, detail: parts.2)
    }

    /// The decimal value of `bytes[range]`, nil unless every byte is a digit (callers keep ranges short).
    private static func number(_ bytes: Span<UInt8>, _ range: Range<Int>) -> Int? {
        var value = 0
        for index in range {
            let byte = bytes[index]
            guard byte >= 0x30 && byte <= 0x39 else { return nil }
            value = value * 10 + Int(byte - 0x30)
        }
        return value
    }

    /// The key this code is stored under in the catalog: the class digit becomes
    /// `X` for subject and detail codes, since one entry serves every class.
    public var catalogKey: String {
        switch self {
        case .basic(let value):
            return String(value)
        case .enhanced(let classDigit, let subject, let detail):
            // Concatenation rather than interpolation: this runs for every loaded entry.
            guard let subject else { return (classDigit.map(String.init) ?? "X") + ".X.X" }
            return "X." + String(subject) + "." + (detail.map(String.init) ?? "X")
        }
    }

    /// The class digit the user asked for, if any.
    public var classDigit: Int? {
        switch self {
        case .basic(let value): value / 100
        case .enhanced(let classDigit, _, _): classDigit
        }
    }

    public var kind: CodeKind {
        if case .basic = self { return .basic }
        return .enhanced
    }

    public var description: String {
        switch self {
        case .basic(let value):
            return String(value)
        case .enhanced(let classDigit, let subject, let detail):
            let x = { (part: Int?) in part.map(String.init) ?? "X" }
            return "\(x(classDigit)).\(x(subject)).\(x(detail))"
        }
    }
}
