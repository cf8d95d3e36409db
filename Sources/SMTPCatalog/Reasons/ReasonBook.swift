/// The reason taxonomy, the fingerprint rules and the code fallbacks, as loaded
/// and validated from `Resources/reasons/` and `Resources/rules/`.
public struct ReasonBook: Sendable {
    public let reasons: [Reason]
    /// In decision order within a step: files sorted by name, rules in file order.
    public let rules: [FingerprintRule]
    public let byCode: [CodeReason]
    private let reasonIndex: [String: Int]

    public init(reasons: [Reason], rules: [FingerprintRule], byCode: [CodeReason]) {
        self.reasons = reasons
        self.rules = rules
        self.byCode = byCode
        var index: [String: Int] = [:]
        for (position, reason) in reasons.enumerated() where index[reason.id] == nil { index[reason.id] = position }
        reasonIndex = index
    }

    public static let empty = ReasonBook(reasons: [], rules: [], byCode: [])

    /// The same book with reasons' titles in another language (`Resources/locales/reasons-id.json`);
    /// a reason without a translation keeps its title.
    public func withTitles(_ titles: [String: String]) -> ReasonBook {
        ReasonBook(reasons: reasons.map { reason in
            guard let title = titles[reason.id] else { return reason }
            return Reason(id: reason.id, title: title, meaning: reason.meaning, whoActs: reason.whoActs, retry: reason.retry,
                          hard: reason.hard, action: reason.action, sisimai: reason.sisimai, ses: reason.ses, kumomta: reason.kumomta)
        }, rules: rules, byCode: byCode)
    }

    public func reason(_ id: String) -> Reason? {
        reasonIndex[id].map { reasons[$0] }
    }

    /// The reason an entry stands for: a reason's own, a provider reply's rule's, or for a code
    /// the first line of `codes.json` it matches with no command named.
    public func reason(for code: ResolvedCode) -> Reason? {
        switch code.entry.kind {
        case .reason:
            return reason(code.entry.code)
        case .provider:
            return rules.first { $0.id == code.entry.code }.flatMap { reason($0.reason) }
        case .seen:
            // A group read from a log names its reason among its related entries.
            return code.entry.related.lazy.compactMap { self.reason($0) }.first
        case .basic, .enhanced:
            guard let parsed = StatusCode(parsing: code.code) else { return nil }
            let replyCode: Int?
            let enhanced: (classDigit: Int, subject: Int, detail: Int)?
            switch parsed {
            case .basic(let value):
                (replyCode, enhanced) = (value, nil)
            case .enhanced(let digit, let subject?, let detail?):
                // A class-less code (`X.1.1`) reads as permanent, the class people look it up for.
                (replyCode, enhanced) = (nil, (digit ?? 5, subject, detail))
            default:
                return nil
            }
            return byCode.first { $0.command == nil && $0.code.matches(replyCode: replyCode, enhanced: enhanced) }
                .flatMap { reason($0.reason) }
        }
    }

    /// Rules whose provider code is `code` (`TSS04`, `s3150`, `5.7.606`), case-insensitively.
    public func rules(withProviderCode code: String) -> [FingerprintRule] {
        let wanted = code.uppercased()
        return rules.filter { $0.providerCode?.uppercased() == wanted }
    }

    /// Rules that name `code` among their codes (`5.7.26` → Gmail's DMARC rejection, Microsoft's 5.7.509 …):
    /// a detail code matches rules on that detail in its class or any; a basic code, rules on that code.
    public func rules(using code: StatusCode) -> [FingerprintRule] {
        rules.filter { rule in
            rule.codes.contains { pattern in
                switch (pattern, code) {
                case (.basic(let value), .basic(let wanted)):
                    return value == wanted
                case (.enhanced(let classDigit, let subject, let detail), .enhanced(let wantedClass, let wantedSubject?, let wantedDetail?)):
                    return subject == wantedSubject && detail == wantedDetail
                        && (classDigit == nil || wantedClass == nil || classDigit == wantedClass)
                default:
                    return false
                }
            }
        }
    }
}
