/// A code as a user types it (`553`, `5.1.3`, `x.1.1`, `5.X.X`, `X.7.X`), parsed
/// into the parts a lookup needs. `nil` parts stand for `X`.
public enum StatusCode: Sendable, Hashable, CustomStringConvertible {
    case basic(Int)
    case enhanced(classDigit: Int?, subject: Int?, detail: Int?)

    /// Parses one code; surrounding white space is ignored, `x` is case-insensitive.
    /// Enhanced parts follow RFC 3463: class 2, 4 or 5; subject and detail 1 to 3 digits.
    public init?(parsing raw: some StringProtocol) {
        // Bytes rather than Characters: this runs for every code of every loaded entry.
        var bytes = Array(raw.utf8)
        while let last = bytes.last, last == 0x20 || last == 0x09 { bytes.removeLast() }
        let start = bytes.firstIndex { $0 != 0x20 && $0 != 0x09 } ?? bytes.count
        let text = bytes[start...]
        let isDigit = { (byte: UInt8) in byte >= 0x30 && byte <= 0x39 }
        if text.count == 3, text.allSatisfy(isDigit) {
            let value = text.reduce(0) { $0 * 10 + Int($1 - 0x30) }
            guard (200...599).contains(value) else { return nil }
            self = .basic(value)
            return
        }
        let parts = text.split(separator: UInt8(ascii: "."), omittingEmptySubsequences: false)
        guard parts.count == 3 else { return nil }
        func part(_ piece: ArraySlice<UInt8>, maxDigits: Int) -> Int?? {
            if piece.count == 1, piece.first == UInt8(ascii: "x") || piece.first == UInt8(ascii: "X") { return .some(nil) }
            guard (1...maxDigits).contains(piece.count), piece.allSatisfy(isDigit) else { return nil }
            return .some(piece.reduce(0) { $0 * 10 + Int($1 - 0x30) })
        }
        guard let classPart = part(parts[0], maxDigits: 1),
              let subject = part(parts[1], maxDigits: 3),
              let detail = part(parts[2], maxDigits: 3) else { return nil }
        if let digit = classPart, ![2, 4, 5].contains(digit) { return nil }
        // A detail without a subject ("5.X.1") names nothing in RFC 3463.
        if subject == nil, detail != nil { return nil }
        self = .enhanced(classDigit: classPart, subject: subject, detail: detail)
    }

    /// The key this code is stored under in the catalog: the class digit becomes
    /// `X` for subject and detail codes, since one entry serves every class.
    public var catalogKey: String {
        switch self {
        case .basic(let value):
            return String(value)
        case .enhanced(let classDigit, let subject, let detail):
            guard let subject else { return "\(classDigit.map(String.init) ?? "X").X.X" }
            return "X.\(subject).\(detail.map(String.init) ?? "X")"
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
