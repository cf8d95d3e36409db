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

    public func reason(_ id: String) -> Reason? {
        reasonIndex[id].map { reasons[$0] }
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
