import SMTPCatalog

/// Decides a reply's reason: provider rules by text, then by code alone, then
/// generic text rules, then the enhanced code, then the basic code (docs/reasons.md).
/// Built once per run from the reason book; classifying costs one pass over the
/// reply's bytes and a look at the few rules whose fingerprints occurred.
public struct ReasonClassifier: Sendable {
    public let book: ReasonBook
    /// Compiled on first use: `show 553` never classifies, so it does not pay for the automaton.
    private let compiled: OnceValue<CompiledRules>
    private let unclassified: Reason

    public init(book: ReasonBook) {
        self.book = book
        compiled = OnceValue { CompiledRules(book.rules) }
        unclassified = book.reason(Reason.unclassifiedID)
            ?? Reason(id: Reason.unclassifiedID, title: "Unclassified", meaning: "", whoActs: .nobody, retry: .afterFix,
                      hard: false, action: "", sisimai: "undefined", ses: "Undetermined/Undetermined", kumomta: "Uncategorized")
    }

    /// Builds the automaton now, for a caller about to classify many replies on several threads.
    public func prepare() { _ = compiled.value }

    public func classify(_ reply: ParsedReply) -> Classification {
        let enhanced = Self.concrete(reply.enhanced)
        let codesMatch = { (rule: FingerprintRule) in
            rule.codes.isEmpty || rule.codes.contains { $0.matches(replyCode: reply.replyCode, enhanced: enhanced) }
        }
        // The text as a person reads it, codes first, continuation lines joined.
        var text: [UInt8] = []
        if let code = reply.replyCode { text += Array(String(code).utf8) + [0x20] }
        if let code = reply.enhancedCode { text += Array(code.utf8) + [0x20] }
        text += reply.text.utf8.map { $0 == 0x0A ? 0x20 : $0 }

        let compiled = compiled.value
        let automaton = compiled.automaton, anyPatterns = compiled.anyPatterns, allPatterns = compiled.allPatterns
        var matched = [Bool](repeating: false, count: automaton.patterns.count)
        var candidates: [Int32] = []
        automaton.forEachMatch(in: text.span) { pattern in
            guard !matched[pattern] else { return }
            matched[pattern] = true
            candidates += compiled.rulesByPattern[pattern]
        }
        var best: (rule: Int, specific: Bool, score: Int, coded: Bool)?
        for candidate in Set(candidates) {
            let index = Int(candidate)
            let rule = book.rules[index]
            guard allPatterns[index].allSatisfy({ matched[Int($0)] }), codesMatch(rule) else { continue }
            let lengths = (anyPatterns[index].filter { matched[Int($0)] } + allPatterns[index])
                .reduce(0) { $0 + automaton.patterns[Int($1)].count }
            let entry = (rule: index, specific: rule.source.kind.isSpecific, score: lengths, coded: !rule.codes.isEmpty)
            if let current = best {
                let better = (entry.specific ? 1 : 0, entry.score, entry.coded ? 1 : 0, -entry.rule)
                    > (current.specific ? 1 : 0, current.score, current.coded ? 1 : 0, -current.rule)
                if better { best = entry }
            } else {
                best = entry
            }
        }
        if let best, best.specific { return decided(by: best.rule, .providerText) }
        if let codeRule = compiled.codeOnlyRules.first(where: { codesMatch(book.rules[$0]) }) {
            return decided(by: codeRule, .providerCode)
        }
        if let best { return decided(by: best.rule, .genericText) }
        let command = reply.command?.uppercased()
        // Subject 0 (`X.0.0`, "other or undefined status") says nothing the basic code does not,
        // so it is read after the basic code (docs/reasons.md).
        let steps: [(Classification.Step, (CodeReason) -> Bool)] = [
            (.enhancedCode, { $0.isEnhanced && !$0.isUndefinedStatus }),
            (.basicCode, { !$0.isEnhanced }),
            (.enhancedCode, { $0.isUndefinedStatus }),
        ]
        for (step, belongs) in steps {
            for entry in book.byCode where belongs(entry) {
                guard entry.command == nil || entry.command == command,
                      entry.code.matches(replyCode: reply.replyCode, enhanced: enhanced),
                      let reason = book.reason(entry.reason) else { continue }
                return Classification(reason: reason, rule: nil, step: step)
            }
        }
        return Classification(reason: unclassified, rule: nil, step: .unclassified)
    }

    private func decided(by index: Int, _ step: Classification.Step) -> Classification {
        let rule = book.rules[index]
        return Classification(reason: book.reason(rule.reason) ?? unclassified, rule: rule, step: step)
    }

    /// An enhanced code with every part given, as the patterns compare it.
    static func concrete(_ code: StatusCode?) -> (classDigit: Int, subject: Int, detail: Int)? {
        guard case .enhanced(let digit?, let subject?, let detail?)? = code else { return nil }
        return (digit, subject, detail)
    }
}

/// The rules' fingerprints as one automaton, with the maps between patterns and rules.
private struct CompiledRules: Sendable {
    let automaton: FingerprintAutomaton
    /// Per rule, the pattern ids of its `any` and `all` fingerprints.
    let anyPatterns: [[Int32]]
    let allPatterns: [[Int32]]
    /// Per pattern, the rules whose `any` holds it.
    let rulesByPattern: [[Int32]]
    /// Rules matched by code alone, in order.
    let codeOnlyRules: [Int]

    init(_ rules: [FingerprintRule]) {
        var patternIDs: [[UInt8]: Int32] = [:]
        var patterns: [[UInt8]] = []
        func id(of text: String) -> Int32 {
            let bytes = Array(text.utf8)
            if let known = patternIDs[bytes] { return known }
            patterns.append(bytes)
            patternIDs[bytes] = Int32(patterns.count - 1)
            return Int32(patterns.count - 1)
        }
        anyPatterns = rules.map { $0.any.map(id) }
        allPatterns = rules.map { $0.all.map(id) }
        var byPattern = [[Int32]](repeating: [], count: patterns.count)
        for (rule, ids) in anyPatterns.enumerated() {
            for pattern in Set(ids) { byPattern[Int(pattern)].append(Int32(rule)) }
        }
        rulesByPattern = byPattern
        codeOnlyRules = rules.indices.filter { rules[$0].matchesByCodeAlone }
        automaton = FingerprintAutomaton(patterns: patterns)
    }
}
