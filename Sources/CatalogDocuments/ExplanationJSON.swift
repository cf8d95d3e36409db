import ReplyExplainer
import SMTPCatalog

/// The JSON shape of one explained reply (documented in the README).
public struct ExplanationJSON: Encodable {
    public let replyCode: String?
    public let enhancedCode: String?
    public let command: String?
    public let text: String
    public let permanent: Bool
    public let reason: String
    public let reasonTitle: String
    public let hard: Bool
    public let provider: String?
    public let providerCode: String?
    public let whoActs: String
    public let action: String
    public let docsURL: String?
    public let rule: String?
    public let basic: CodeJSON?
    public let enhanced: CodeJSON?
    public let verdict: String
    public let fault: String
    public let notes: [String]
    /// What the input says around the reply (null when it does not say): for whom, a DSN's
    /// `Action:`, and what became of the message (as the input says, else as the class implies).
    public let recipient: String?
    public let dsnAction: String?
    public let outcome: String

    enum CodingKeys: String, CodingKey {
        case replyCode = "reply_code", enhancedCode = "enhanced_code", command, text, permanent
        case reason, reasonTitle = "reason_title", hard, provider, providerCode = "provider_code"
        case whoActs = "who_acts", action, docsURL = "docs_url", rule
        case basic, enhanced, verdict, fault, notes, recipient, dsnAction = "dsn_action", outcome
    }

    /// `event` is where the reply was found; without one, the outcome is the one its class implies.
    public init(_ explanation: ReplyExplanation, event: ReplyEvent? = nil) {
        let reply = explanation.reply
        let classification = explanation.classification
        replyCode = reply.replyCode.map(String.init)
        enhancedCode = reply.enhancedCode
        command = reply.command
        text = SafeText.visible(reply.text, keepingLineBreaks: true)
        permanent = reply.isPermanent
        reason = classification.reason.id
        reasonTitle = classification.reason.title
        hard = explanation.isHard
        provider = classification.provider
        providerCode = classification.providerCode
        whoActs = classification.reason.whoActs.rawValue
        action = explanation.action
        docsURL = classification.rule?.docs
        rule = classification.rule?.id
        basic = explanation.basic.map(CodeJSON.init)
        enhanced = explanation.enhanced.map(CodeJSON.init)
        verdict = explanation.verdict
        fault = explanation.whoActs
        notes = explanation.notes
        recipient = event?.recipient.map { SafeText.visible($0) }
        dsnAction = event?.dsnAction.map { SafeText.visible($0) }
        outcome = (event?.outcome ?? Outcome.implied(by: reply)).rawValue
    }

    /// Every key is written, null included, so that consumers see one fixed shape.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(replyCode, forKey: .replyCode)
        try container.encode(enhancedCode, forKey: .enhancedCode)
        try container.encode(command, forKey: .command)
        try container.encode(text, forKey: .text)
        try container.encode(permanent, forKey: .permanent)
        try container.encode(reason, forKey: .reason)
        try container.encode(reasonTitle, forKey: .reasonTitle)
        try container.encode(hard, forKey: .hard)
        try container.encode(provider, forKey: .provider)
        try container.encode(providerCode, forKey: .providerCode)
        try container.encode(whoActs, forKey: .whoActs)
        try container.encode(action, forKey: .action)
        try container.encode(docsURL, forKey: .docsURL)
        try container.encode(rule, forKey: .rule)
        try container.encode(basic, forKey: .basic)
        try container.encode(enhanced, forKey: .enhanced)
        try container.encode(verdict, forKey: .verdict)
        try container.encode(fault, forKey: .fault)
        try container.encode(notes, forKey: .notes)
        try container.encode(recipient, forKey: .recipient)
        try container.encode(dsnAction, forKey: .dsnAction)
        try container.encode(outcome, forKey: .outcome)
    }
}
