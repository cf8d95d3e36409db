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
        compiled = OnceValue { CompiledRules(book) }
        unclassified = book.reason(Reason.unclassifiedID)
            ?? Reason(id: Reason.unclassifiedID, title: "Unclassified", meaning: "", whoActs: .nobody, retry: .afterFix,
                      hard: false, action: "", sisimai: "undefined", ses: "Undetermined/Undetermined", kumomta: "Uncategorized")
    }

    /// Builds the automaton now, for a caller about to classify many replies on several threads.
    public func prepare() { _ = compiled.value }

    public func classify(_ reply: ParsedReply) -> Classification {
        let enhanced = Self.concrete(reply.enhanced)
        // The text as a person reads it, codes first, continuation lines joined.
        var text: [UInt8] = []
        text.reserveCapacity(reply.text.utf8.count + 16)
        if let code = reply.replyCode { text.append(contentsOf: String(code).utf8); text.append(0x20) }
        if let code = reply.enhancedCode { text.append(contentsOf: code.utf8); text.append(0x20) }
        // Copied whole, then line breaks made spaces in place: cheaper than a byte at a time.
        let wordsStart = text.count
        text.append(contentsOf: reply.text.utf8)
        text.withUnsafeMutableBufferPointer { bytes in
            for index in wordsStart..<bytes.count where bytes[index] == 0x0A { bytes[index] = 0x20 }
        }

        // Everything per rule is read from the compiled arrays: copying a rule (a dozen
        // Strings) per candidate cost more than the matching itself.
        let compiled = compiled.value
        let automaton = compiled.automaton
        var matched = [Bool](repeating: false, count: automaton.patternCount)
        var candidates: [Int32] = []
        automaton.forEachMatch(in: text.span) { pattern in
            guard !matched[pattern] else { return }
            matched[pattern] = true
            candidates += compiled.rulesByPattern[pattern]
        }
        candidates.sort()
        var best: (rule: Int, specific: Bool, score: Int, coded: Bool)?
        var previous: Int32 = -1
        for candidate in candidates where candidate != previous {
            previous = candidate
            let index = Int(candidate)
            guard compiled.allPatterns[index].allSatisfy({ matched[Int($0)] }),
                  compiled.codesMatch(index, reply.replyCode, enhanced) else { continue }
            var score = 0
            for pattern in compiled.anyPatterns[index] where matched[Int(pattern)] { score += Int(automaton.lengths[Int(pattern)]) }
            for pattern in compiled.allPatterns[index] { score += Int(automaton.lengths[Int(pattern)]) }
            let entry = (rule: index, specific: compiled.isSpecific[index], score: score, coded: !compiled.codes[index].isEmpty)
            if let current = best {
                let better = (entry.specific ? 1 : 0, entry.score, entry.coded ? 1 : 0, -entry.rule)
                    > (current.specific ? 1 : 0, current.score, current.coded ? 1 : 0, -current.rule)
                if better { best = entry }
            } else {
                best = entry
            }
        }
        if let best, best.specific { return decided(by: best.rule, .providerText) }
        if let position = compiled.codeOnlyRules.first(replyCode: reply.replyCode, enhanced: enhanced, command: nil) {
            return decided(by: compiled.codeOnlyRuleIndex[position], .providerCode)
        }
        if let best { return decided(by: best.rule, .genericText) }
        if let position = compiled.codeSteps.first(replyCode: reply.replyCode, enhanced: enhanced, command: reply.command?.uppercased()) {
            let (step, reason) = compiled.codeStepOutcomes[position]
            return Classification(reason: book.reasons[reason], rule: nil, step: step)
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
/// A class, so that each classification takes one reference to it rather than copying a
/// dozen arrays (and their reference counts) out of the `OnceValue`.
private final class CompiledRules: Sendable {
    let automaton: FingerprintAutomaton
    /// Per rule, the pattern ids of its `any` and `all` fingerprints.
    let anyPatterns: [[Int32]]
    let allPatterns: [[Int32]]
    /// Per pattern, the rules whose `any` holds it.
    let rulesByPattern: [[Int32]]
    /// Rules matched by code alone, in order, and each one's index among the rules.
    let codeOnlyRules: CodeTable
    let codeOnlyRuleIndex: [Int]
    /// Per rule, its code constraint and whether its source names who answered.
    let codes: [[ReplyCodePattern]]
    let isSpecific: [Bool]
    /// The code fallbacks in the order they are tried (docs/reasons.md): enhanced codes,
    /// basic codes, then subject 0 (`X.0.0`, which says nothing the basic code does not);
    /// each with its step and its reason's position in the book.
    let codeSteps: CodeTable
    let codeStepOutcomes: [(Classification.Step, Int)]

    func codesMatch(_ rule: Int, _ replyCode: Int?, _ enhanced: (classDigit: Int, subject: Int, detail: Int)?) -> Bool {
        codes[rule].isEmpty || codes[rule].contains { $0.matches(replyCode: replyCode, enhanced: enhanced) }
    }

    init(_ book: ReasonBook) {
        let rules = book.rules
        codes = rules.map(\.codes)
        isSpecific = rules.map(\.source.kind.isSpecific)
        let reasonIndex = Dictionary(book.reasons.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
        // An entry whose reason the book lacks (validation should prevent it) is passed over, as before.
        let steps: [(Classification.Step, [CodeReason])] = [
            (.enhancedCode, book.byCode.filter { $0.isEnhanced && !$0.isUndefinedStatus }),
            (.basicCode, book.byCode.filter { !$0.isEnhanced }),
            (.enhancedCode, book.byCode.filter(\.isUndefinedStatus)),
        ]
        let known = steps.flatMap { step, entries in entries.compactMap { entry in reasonIndex[entry.reason].map { (step, entry, $0) } } }
        codeSteps = CodeTable(known.map { (patterns: [$0.1.code], command: $0.1.command) })
        codeStepOutcomes = known.map { ($0.0, $0.2) }
        let codeOnly = rules.indices.filter { rules[$0].matchesByCodeAlone }
        codeOnlyRules = CodeTable(codeOnly.map { (patterns: rules[$0].codes, command: nil) })
        codeOnlyRuleIndex = codeOnly
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
        automaton = FingerprintAutomaton(patterns: patterns)
    }
}
