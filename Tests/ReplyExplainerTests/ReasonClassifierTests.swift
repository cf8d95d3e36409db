import Testing
import ReplyExplainer
import SMTPCatalog

/// The decision order of docs/reasons.md, on a hand-made book: provider text, then
/// provider code, then generic text, then the enhanced code, then the basic code.
@Suite struct ReasonClassifierTests {
    static func reason(_ id: String, _ who: WhoActs = .sender, retry: RetryAdvice = .afterFix, hard: Bool = false) -> Reason {
        Reason(id: id, title: id, meaning: "m", whoActs: who, retry: retry, hard: hard, action: "a",
               sisimai: "s", ses: "e", kumomta: "k")
    }

    static func rule(
        _ id: String, _ kind: RuleSource.Kind, any: [String] = [], all: [String] = [], codes: [String] = [], reason: String
    ) -> FingerprintRule {
        FingerprintRule(id: id, source: RuleSource(id: "s", name: "Source \(id)", kind: kind), providerCode: nil, title: id,
                        any: any, all: all, codes: codes.compactMap(ReplyCodePattern.init(parsing:)), reason: reason,
                        explanation: "x", action: "y", docs: nil, example: "e")
    }

    static let book = ReasonBook(
        reasons: ["recipient_unknown", "greylisted", "reputation", "ip_blocklisted", "sender_rejected", "policy_rejected",
                  "unclassified"].map { reason($0) },
        rules: [
            rule("generic.unknown", .generic, any: ["user unknown"], reason: "recipient_unknown"),
            rule("generic.try-later", .generic, any: ["try again later"], reason: "policy_rejected"),
            rule("grey.postgrey", .generic, any: ["greylisted"], codes: ["4xx"], reason: "greylisted"),
            rule("yahoo.tss04", .provider, any: ["tss04"], reason: "reputation"),
            rule("microsoft.606", .provider, codes: ["5.7.606"], reason: "ip_blocklisted"),
            rule("gmail.gsmtp-unknown", .provider, any: ["does not exist"], all: ["gsmtp"], reason: "recipient_unknown"),
        ],
        byCode: [
            CodeReason(code: ReplyCodePattern(parsing: "X.1.1")!, command: nil, reason: "recipient_unknown"),
            CodeReason(code: ReplyCodePattern(parsing: "550")!, command: "MAIL", reason: "sender_rejected"),
            CodeReason(code: ReplyCodePattern(parsing: "5xx")!, command: nil, reason: "policy_rejected"),
        ])

    private func classify(_ text: String) throws -> Classification {
        let reply = try #require(ReplyParser.parse(text).first)
        return ReasonClassifier(book: Self.book).classify(reply)
    }

    @Test func providerTextBeatsGenericText() throws {
        let result = try classify("421 4.7.0 [TSS04] try again later")
        #expect(result.rule?.id == "yahoo.tss04" && result.step == .providerText && result.reason.id == "reputation")
    }

    @Test func providerCodeAloneBeatsGenericTextAndTheRegisteredCode() throws {
        let result = try classify("550 5.7.606 Access denied, user unknown")
        #expect(result.rule?.id == "microsoft.606" && result.step == .providerCode)
    }

    @Test func genericTextBeatsTheCode() throws {
        let result = try classify("550 5.7.1 User unknown")
        #expect(result.rule?.id == "generic.unknown" && result.step == .genericText)
    }

    @Test func ruleCodesNarrowTheRule() throws {
        #expect(try classify("451 4.7.1 Greylisted, come back later").reason.id == "greylisted")
        // The greylisting rule asks for a 4xx reply; a 5xx falls through to the code.
        #expect(try classify("554 5.7.1 greylisted").step == .basicCode)
    }

    @Test func allFingerprintsAreRequired() throws {
        #expect(try classify("550 5.1.1 The email account that you tried to reach does not exist gsmtp").rule?.id == "gmail.gsmtp-unknown")
        #expect(try classify("550 5.1.1 The account does not exist").step == .enhancedCode)
    }

    @Test func theEnhancedCodeDecidesBeforeTheBasicCodeAndTheCommandNarrowsIt() throws {
        #expect(try classify("550 5.1.1 Mailbox unavailable").reason.id == "recipient_unknown")
        #expect(try classify("host said: 550 Rejected (in reply to MAIL FROM command)").reason.id == "sender_rejected")
        #expect(try classify("550 Rejected").reason.id == "policy_rejected")
    }

    @Test func nothingKnownIsUnclassified() throws {
        let result = try classify("250 OK")
        #expect(result.step == .unclassified && result.reason.id == "unclassified" && result.rule == nil)
    }

    /// Continuation lines are read as one text: a fingerprint may span the line break.
    @Test func fingerprintsSpanContinuationLines() throws {
        let result = try classify("421-4.7.0 user\n421 4.7.0 unknown")
        #expect(result.rule?.id == "generic.unknown")
    }
}
