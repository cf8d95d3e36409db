import ReplyExplainer
import SMTPCatalog

/// One reply as a line of NDJSON (`triage --ndjson`, `explain --ndjson`), documented in the
/// README: exactly these keys, every one written (null when unknown), compact, one object
/// per line. The catalog's long texts stay out; the server's words are in `text`.
public struct ReplyEventJSON: Encodable, Sendable, Equatable {
    public let replyCode: String?
    public let enhancedCode: String?
    public let reason: String
    public let hard: Bool
    public let provider: String?
    public let providerCode: String?
    public let command: String?
    public let recipient: String?
    /// The server's words, control characters made visible, line breaks kept as `\n`.
    public let text: String
    /// The input as named on the command line (`-` for standard input); null for arguments.
    public let file: String?
    public let line: Int?
    /// RFC 3339, UTC (`2024-05-01T03:12:09Z`); null when the input does not date the reply.
    public let timestamp: String?
    public let dsnAction: String?
    public let outcome: String

    /// The keys, in the order they are written.
    public static let keys = [
        "reply_code", "enhanced_code", "reason", "hard", "provider", "provider_code", "command", "recipient", "text",
        "file", "line", "timestamp", "dsn_action", "outcome",
    ]

    enum CodingKeys: String, CodingKey {
        case replyCode = "reply_code", enhancedCode = "enhanced_code", reason, hard, provider, providerCode = "provider_code"
        case command, recipient, text, file, line, timestamp, dsnAction = "dsn_action", outcome
    }

    public init(_ event: ReplyEvent, _ classification: Classification, file: String?) {
        let reply = event.reply
        replyCode = reply.replyCode.map(String.init)
        enhancedCode = reply.enhancedCode
        reason = classification.reason.id
        hard = reply.isPermanent && classification.reason.hard
        provider = classification.provider.map { SafeText.visible($0) }
        providerCode = classification.providerCode.map { SafeText.visible($0) }
        command = reply.command.map { SafeText.visible($0) }
        recipient = event.recipient.map { SafeText.visible($0) }
        text = SafeText.visible(reply.text, keepingLineBreaks: true)
        self.file = file.map { SafeText.visible($0) }
        line = event.line
        timestamp = event.timestamp.map(UTCTime.rfc3339)
        dsnAction = event.dsnAction.map { SafeText.visible($0) }
        outcome = event.outcome.rawValue
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(replyCode, forKey: .replyCode)
        try container.encode(enhancedCode, forKey: .enhancedCode)
        try container.encode(reason, forKey: .reason)
        try container.encode(hard, forKey: .hard)
        try container.encode(provider, forKey: .provider)
        try container.encode(providerCode, forKey: .providerCode)
        try container.encode(command, forKey: .command)
        try container.encode(recipient, forKey: .recipient)
        try container.encode(text, forKey: .text)
        try container.encode(file, forKey: .file)
        try container.encode(line, forKey: .line)
        try container.encode(timestamp, forKey: .timestamp)
        try container.encode(dsnAction, forKey: .dsnAction)
        try container.encode(outcome, forKey: .outcome)
    }

    /// The object as one compact line (without the line break), written directly rather than
    /// through `JSONEncoder`, which costs more than reading the reply did. A test checks that
    /// both give the same object.
    public var compactLine: String {
        var out = "{"
        func member(_ key: String, _ value: String?) {
            if out.utf8.count > 1 { out += "," }
            out += "\"" + key + "\":" + (value.map(JSONText.quoted) ?? "null")
        }
        member("reply_code", replyCode)
        member("enhanced_code", enhancedCode)
        member("reason", reason)
        out += ",\"hard\":" + (hard ? "true" : "false")
        member("provider", provider)
        member("provider_code", providerCode)
        member("command", command)
        member("recipient", recipient)
        member("text", text)
        member("file", file)
        out += ",\"line\":" + (line.map(String.init) ?? "null")
        member("timestamp", timestamp)
        member("dsn_action", dsnAction)
        member("outcome", outcome)
        return out + "}"
    }
}

/// JSON string literals (RFC 8259 §7): quotes, backslashes and control characters escaped,
/// everything else (slashes, non-ASCII) as it is.
public enum JSONText {
    public static func quoted(_ text: String) -> String {
        var out = "\""
        out.reserveCapacity(text.utf8.count + 2)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case _ where scalar.value < 0x20:
                let hex = String(scalar.value, radix: 16)
                out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }
}
