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

/// Whose side a code points at, by enhanced subject and detail (RFC 3463 §3),
/// falling back to the basic code. Returns a label key, or nil when the code says nothing.
enum FaultHint {
    package static func key(reply: ParsedReply) -> String? {
        if case .enhanced(let digit, let subject?, let detail)? = reply.enhanced, digit != 2 {
            switch (subject, detail ?? 0) {
            case (1, 7), (1, 8): return "fault.sender_address"
            case (1, _): return "fault.recipient_address"
            case (2, _): return "fault.recipient_mailbox"
            case (3, 4), (6, _): return "fault.message"
            case (3, _): return "fault.receiving_server"
            case (4, _): return "fault.network"
            case (5, _): return "fault.sending_client"
            case (7, 8), (7, 9), (7, 11), (7, 12), (7, 13): return "fault.sender_credentials"
            case (7, 20...27), (7, 29): return "fault.sending_domain"
            case (7, _): return "fault.policy"
            default: return nil
            }
        }
        guard let code = reply.replyCode else { return nil }
        switch code {
        case 421, 450, 451, 452, 454: return "fault.receiving_server"
        case 500...504, 555: return "fault.sending_client"
        case 530, 534, 535, 538: return "fault.sender_credentials"
        case 550, 551, 553: return "fault.recipient_address"
        case 552: return "fault.message"
        case 521, 556: return "fault.receiving_server"
        default: return nil
        }
    }
}
