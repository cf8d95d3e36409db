import SMTPCatalog
/// A query word that names codes: `553`, `55` (550–559), `55x`, `5xx`, `5.7`
/// (every 5.7.x), `5.7.*`, `x.1.1`, `5.1.3`. `x` and `*` stand for any digit or part.
struct CodePattern: Sendable, Equatable {
    /// Basic: up to three characters, digits or nil for a wildcard. Enhanced: up to three parts.
    enum Shape: Sendable, Equatable {
        case basic([Character?])
        case enhanced([String?])
    }

    let shape: Shape
    /// The enhanced parts as numbers, parsed once: `strength` runs for every entry.
    private let numbers: [Int?]

    init?(_ word: String) {
        let text = word.lowercased()
        guard text.contains(where: \.isNumber),
              text.allSatisfy({ $0.isNumber || $0 == "x" || $0 == "*" || $0 == "." }) else { return nil }
        if !text.contains(".") {
            guard text.count <= 3, text.first?.isNumber == true, ("2"..."5").contains(text.first!) else { return nil }
            shape = .basic(text.map { $0.isNumber ? $0 : nil })
            numbers = []
        } else {
            let parts = text.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
            guard parts.count <= 3, parts.allSatisfy({ !$0.isEmpty && ($0.allSatisfy(\.isNumber) || $0 == "x" || $0 == "*") }),
                  parts[0].count == 1 else { return nil }
            let typed = parts.map { $0.allSatisfy(\.isNumber) ? $0 : nil }
            shape = .enhanced(typed)
            numbers = typed.map { $0.flatMap { Int($0) } }
        }
    }

    /// The class digit an enhanced pattern was typed with (`5` in `5.7.26`); nil for a
    /// basic pattern or an `x` class (nil inside the Optional), nil outside it for basic.
    var enhancedClassDigit: Int?? {
        guard case .enhanced = shape else { return nil }
        return .some(numbers.first.flatMap { $0 })
    }

    /// How well a stored code matches: 2 exact, 1 as a pattern or prefix, 0 not at all.
    /// Works on numbers only: it runs for every entry on every keystroke.
    func strength(for code: StatusCode) -> Int {
        switch (shape, code) {
        case (.basic(let pattern), .basic(let value)):
            let digits = [value / 100, value / 10 % 10, value % 10]
            for (wanted, actual) in zip(pattern, digits) {
                if let wanted, wanted.wholeNumberValue != actual { return 0 }
            }
            return pattern.count == 3 && !pattern.contains(nil) ? 2 : 1
        case (.enhanced(let parts), .enhanced(let classDigit, let subject, let detail)):
            let stored = [classDigit, subject, detail]
            // An X in the stored class serves every class; a stored subject or detail of X is an overview entry.
            if let wanted = numbers[0], let actual = stored[0], wanted != actual { return 0 }
            // A fully typed detail code does not match an overview entry (see `subjectKey`).
            if parts.count == 3, parts[2] != nil, stored[2] == nil { return 0 }
            var exact = parts.count == 3 && parts[0] != nil
            for index in 1..<3 {
                guard index < parts.count, let wantedText = parts[index], let wanted = numbers[index] else {
                    exact = false
                    continue
                }
                // A typed subject or detail never matches an overview entry (5.7 is not 5.X.X).
                guard let actual = stored[index] else { return 0 }
                if actual == wanted { continue }
                // The last typed part may be an unfinished number: 5.7.2 → 5.7.20 … 5.7.29.
                guard index == parts.count - 1, Self.decimal(actual, startsWith: wanted, digits: wantedText.count) else { return 0 }
                exact = false
            }
            return exact ? 2 : 1
        default:
            return 0
        }
    }

    /// Whether `number` written in decimal starts with `prefix` (itself `digits` long).
    private static func decimal(_ number: Int, startsWith prefix: Int, digits: Int) -> Bool {
        var value = number, length = 1
        while value >= 10 { value /= 10; length += 1 }
        guard length > digits else { return false }
        var head = number
        for _ in 0..<(length - digits) { head /= 10 }
        return head == prefix
    }

    /// The subject overview (X.7.X) a fully typed but unknown detail code falls back to.
    var subjectKey: String? {
        guard case .enhanced(let parts) = shape, parts.count >= 2, let subject = parts[1] else { return nil }
        return "X.\(subject).X"
    }

    /// Characters of a code to highlight: all of it for an exact match, else the typed length.
    func highlightLength(in code: String) -> Int {
        switch shape {
        case .basic(let pattern): min(pattern.count, code.count)
        case .enhanced(let parts): min(parts.map(\.?.count).reduce(parts.count - 1) { $0 + ($1 ?? 1) }, code.count)
        }
    }
}
