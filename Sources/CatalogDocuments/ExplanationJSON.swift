import ReplyExplainer
import SMTPCatalog

/// The JSON shape of one explained reply (documented in the README).
public struct ExplanationJSON: Encodable {
    public let replyCode: String?
    public let enhancedCode: String?
    public let command: String?
    public let text: String
    public let permanent: Bool
    public let basic: CodeJSON?
    public let enhanced: CodeJSON?
    public let verdict: String
    public let fault: String?
    public let notes: [String]

    enum CodingKeys: String, CodingKey {
        case replyCode = "reply_code", enhancedCode = "enhanced_code", command, text, permanent
        case basic, enhanced, verdict, fault, notes
    }

    public init(_ explanation: ReplyExplanation) {
        let reply = explanation.reply
        replyCode = reply.replyCode.map(String.init)
        enhancedCode = reply.enhancedCode
        command = reply.command
        text = SafeText.visible(reply.text)
        permanent = reply.isPermanent
        basic = explanation.basic.map(CodeJSON.init)
        enhanced = explanation.enhanced.map(CodeJSON.init)
        verdict = explanation.verdict
        fault = explanation.fault
        notes = explanation.notes
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(replyCode, forKey: .replyCode)
        try container.encode(enhancedCode, forKey: .enhancedCode)
        try container.encode(command, forKey: .command)
        try container.encode(text, forKey: .text)
        try container.encode(permanent, forKey: .permanent)
        try container.encode(basic, forKey: .basic)
        try container.encode(enhanced, forKey: .enhanced)
        try container.encode(verdict, forKey: .verdict)
        try container.encode(fault, forKey: .fault)
        try container.encode(notes, forKey: .notes)
    }
}
