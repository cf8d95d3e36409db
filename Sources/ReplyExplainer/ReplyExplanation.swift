import SMTPCatalog
/// What `smtp-codes explain` says about one reply: what happened (its reason and
/// the rule that recognised it), whose move it is, what to do, whether to retry,
/// and the catalog entries for its codes, with notes on anything unusual
/// (unregistered details, disagreeing classes).
public struct ReplyExplanation: Sendable {
    public let reply: ParsedReply
    public let classification: Classification
    public let basic: ResolvedCode?
    public let enhanced: ResolvedCode?
    /// The enhanced code's subject entry (`X.7.X`), read in the reply's class.
    public let subject: ResolvedCode?
    /// One line: retry or not, as the reason and the class say together.
    public let verdict: String
    /// Whose move it is, in the interface language.
    public let whoActs: String
    /// What happened: the rule's words, else the reason's meaning.
    public let happened: String
    /// What to do: the rule's action, else the fix of the most specific code entry, else the reason's action.
    public let action: String
    public let notes: [String]

    public init(_ reply: ParsedReply, catalog: Catalog, classifier: ReasonClassifier, labels: LabelTable) {
        self.reply = reply
        let classification = classifier.classify(reply)
        self.classification = classification
        basic = reply.replyCode.flatMap { catalog.resolve(String($0)) }
        let enhancedCode = reply.enhanced
        enhanced = enhancedCode.flatMap { catalog.resolve($0) }
        if case .enhanced(let digit, let subjectNumber?, _)? = enhancedCode {
            subject = catalog.resolve(.enhanced(classDigit: digit, subject: subjectNumber, detail: nil))
        } else {
            subject = nil
        }
        verdict = Self.verdict(reply.effectiveClass, classification.reason, labels)
        whoActs = labels["acts.\(classification.reason.whoActs.rawValue)"]
        happened = classification.rule?.explanation ?? classification.reason.meaning
        action = classification.rule?.action ?? (enhanced ?? basic)?.entry.fix ?? classification.reason.action
        notes = Self.notes(reply, basic: basic, enhanced: enhanced, subject: subject, labels: labels)
    }

    /// A hard bounce: the reason is hard and the reply permanent (a `4xx` reply never is).
    public var isHard: Bool { reply.isPermanent && classification.reason.hard }

    private static func verdict(_ replyClass: Int?, _ reason: Reason, _ labels: LabelTable) -> String {
        switch (replyClass, reason.retry) {
        case (2, _): labels["explain.verdict.success"]
        case (3, _): labels["explain.verdict.intermediate"]
        case (4, .automatic): labels["explain.verdict.transient"]
        case (4, _): labels["explain.verdict.transient_fix"]
        case (5, .afterFix): labels["explain.verdict.permanent_fix"]
        case (5, _): labels["explain.verdict.permanent"]
        // A diagnostic without codes (`Connection timed out`): the reason alone says whether to wait.
        case (nil, .automatic): labels["explain.verdict.transient"]
        case (nil, _): labels["explain.verdict.no_code"]
        default: labels["explain.verdict.unknown"]
        }
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
