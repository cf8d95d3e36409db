import SMTPCatalog

/// Code constraints in a fixed order (each a list of `ReplyCodePattern`s and perhaps a
/// command), filed under the codes they name, so that finding the first one a reply
/// satisfies looks at the few filed under the reply's own codes instead of trying all
/// of them in turn, as the classifier did for every reply no text rule decided.
struct CodeTable: Sendable {
    private let patterns: [[ReplyCodePattern]]
    /// Upper-cased; nil for any command.
    private let commands: [String?]
    /// Positions filed under a basic code (`550`), a class digit (`5xx`), an enhanced
    /// subject (`X.7`, key: the subject) and an enhanced code (`X.7.1`, key: subject × 1000
    /// + detail), each list ascending.
    private let byBasic: [Int: [Int32]]
    private let byClass: [Int: [Int32]]
    private let bySubject: [Int: [Int32]]
    private let byEnhanced: [Int: [Int32]]

    init(_ entries: [(patterns: [ReplyCodePattern], command: String?)]) {
        patterns = entries.map(\.patterns)
        commands = entries.map { $0.command?.uppercased() }
        var basic: [Int: [Int32]] = [:], classes: [Int: [Int32]] = [:]
        var subjects: [Int: [Int32]] = [:], enhanced: [Int: [Int32]] = [:]
        for (position, entry) in entries.enumerated() {
            let position = Int32(position)
            for pattern in entry.patterns {
                switch pattern {
                case .basic(let value): Self.file(position, under: value, in: &basic)
                case .basicClass(let digit): Self.file(position, under: digit, in: &classes)
                case .subject(_, let subject): Self.file(position, under: subject, in: &subjects)
                case .enhanced(_, let subject, let detail): Self.file(position, under: subject * 1000 + detail, in: &enhanced)
                }
            }
        }
        byBasic = basic
        byClass = classes
        bySubject = subjects
        byEnhanced = enhanced
    }

    private static func file(_ position: Int32, under key: Int, in table: inout [Int: [Int32]]) {
        // A constraint naming the same key twice is filed once.
        if table[key]?.last != position { table[key, default: []].append(position) }
    }

    var count: Int { patterns.count }

    /// The first position whose patterns match the reply's codes and whose command, if it
    /// names one, is `command` (upper case); nil when none does.
    func first(replyCode: Int?, enhanced: (classDigit: Int, subject: Int, detail: Int)?, command: String?) -> Int? {
        var best = Int.max
        func look(_ positions: [Int32]?) {
            guard let positions else { return }
            for position in positions {
                let index = Int(position)
                guard index < best else { return }
                if let required = commands[index], required != command { continue }
                if patterns[index].contains(where: { $0.matches(replyCode: replyCode, enhanced: enhanced) }) {
                    best = index
                    return
                }
            }
        }
        if let replyCode { look(byBasic[replyCode]) }
        if let digit = replyCode.map({ $0 / 100 }) ?? enhanced?.classDigit { look(byClass[digit]) }
        if let enhanced {
            look(bySubject[enhanced.subject])
            look(byEnhanced[enhanced.subject * 1000 + enhanced.detail])
        }
        return best == .max ? nil : best
    }
}
