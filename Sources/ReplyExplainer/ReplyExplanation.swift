import SMTPCatalog
/// What `smtp-codes explain` says about one reply: the catalog entries for
/// its codes, whether to retry, who is probably at fault, and notes on
/// anything unusual (unregistered details, disagreeing classes).
public struct ReplyExplanation: Sendable {
    public let reply: ParsedReply
    public let basic: ResolvedCode?
    public let enhanced: ResolvedCode?
    /// The enhanced code's subject entry (`X.7.X`), read in the reply's class.
    public let subject: ResolvedCode?
    /// One line: retry or not.
    public let verdict: String
    /// Whose side is probably at fault, when the code says so.
    public let fault: String?
    public let notes: [String]

    public init(_ reply: ParsedReply, catalog: Catalog, labels: LabelTable) {
        self.reply = reply
        basic = reply.replyCode.flatMap { catalog.resolve(String($0)) }
        let enhancedCode = reply.enhanced
        enhanced = enhancedCode.flatMap { catalog.resolve($0) }
        if case .enhanced(let digit, let subjectNumber?, _)? = enhancedCode {
            subject = catalog.resolve(.enhanced(classDigit: digit, subject: subjectNumber, detail: nil))
        } else {
            subject = nil
        }
        switch reply.effectiveClass {
        case 2: verdict = labels["explain.verdict.success"]
        case 3: verdict = labels["explain.verdict.intermediate"]
        case 4: verdict = labels["explain.verdict.transient"]
        case 5: verdict = labels["explain.verdict.permanent"]
        default: verdict = labels["explain.verdict.unknown"]
        }
        fault = FaultHint.key(reply: reply).map { labels[$0] }
        notes = Self.notes(reply, basic: basic, enhanced: enhanced, subject: subject, labels: labels)
    }

    private static func notes(
        _ reply: ParsedReply, basic: ResolvedCode?, enhanced: ResolvedCode?, subject: ResolvedCode?, labels: LabelTable
    ) -> [String] {
        var notes: [String] = []
        if let code = reply.replyCode {
            if let basic, basic.entry.standing == .nonStandard {
                notes.append(labels.format("explain.note.nonstandard", String(code), basic.entry.caveat ?? ""))
            } else if basic == nil {
                let digit = code / 100
                notes.append(labels.format("explain.note.unknown_basic", String(code), "\(digit)xx",
                                           ReplyClass.basicName(digit) ?? ""))
            }
        }
        if let text = reply.enhancedCode, enhanced == nil, case .enhanced(let digit?, let subjectNumber?, let detail?)? = reply.enhanced {
            let subjectTitle = subject?.entry.title ?? "?"
            notes.append(labels.format("explain.note.unregistered", text, String(digit), ReplyClass.enhancedName(digit) ?? "",
                                       String(subjectNumber), subjectTitle, String(detail)))
        }
        if reply.hasContradiction, let code = reply.replyCode, let enhancedText = reply.enhancedCode {
            notes.append(labels.format("explain.note.contradiction", String(code), enhancedText))
        }
        return notes
    }
}
