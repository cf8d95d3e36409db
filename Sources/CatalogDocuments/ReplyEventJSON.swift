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
        var bytes: [UInt8] = []
        write(into: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Appends `compactLine`'s bytes to `out`: `--ndjson` writes a reply per line this way,
    /// straight into its output buffer.
    public func write(into out: inout [UInt8]) {
        var first = true
        func key(_ name: StaticString) {
            out.append(first ? UInt8(ascii: "{") : UInt8(ascii: ","))
            first = false
            out.append(UInt8(ascii: "\""))
            name.withUTF8Buffer { out.append(contentsOf: $0) }
            out.append(UInt8(ascii: "\""))
            out.append(UInt8(ascii: ":"))
        }
        func member(_ name: StaticString, _ value: String?) {
            key(name)
            if let value { JSONText.appendQuoted(value, to: &out) } else { out.append(contentsOf: Self.null) }
        }
        member("reply_code", replyCode)
        member("enhanced_code", enhancedCode)
        member("reason", reason)
        key("hard")
        out.append(contentsOf: hard ? Self.true : Self.false)
        member("provider", provider)
        member("provider_code", providerCode)
        member("command", command)
        member("recipient", recipient)
        member("text", text)
        member("file", file)
        key("line")
        if let line { out.append(contentsOf: String(line).utf8) } else { out.append(contentsOf: Self.null) }
        member("timestamp", timestamp)
        member("dsn_action", dsnAction)
        member("outcome", outcome)
        out.append(UInt8(ascii: "}"))
    }

    private static let null = Array("null".utf8), `true` = Array("true".utf8), `false` = Array("false".utf8)
}

/// JSON string literals (RFC 8259 §7): quotes, backslashes and control characters escaped,
/// everything else (slashes, non-ASCII) as it is.
public enum JSONText {
    public static func quoted(_ text: String) -> String {
        var bytes: [UInt8] = []
        appendQuoted(text, to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Appends `text` as a JSON string literal. Works on UTF-8 bytes: every byte of a
    /// multi-byte character is 0x80 or more, so only ASCII bytes ever need escaping, and
    /// the runs between them are copied whole.
    public static func appendQuoted(_ text: String, to out: inout [UInt8]) {
        var text = text
        out.append(UInt8(ascii: "\""))
        text.withUTF8 { bytes in
            var runStart = 0
            for index in 0..<bytes.count {
                let byte = bytes[index]
                guard byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") else { continue }
                out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<index]))
                runStart = index + 1
                out.append(UInt8(ascii: "\\"))
                switch byte {
                case UInt8(ascii: "\""), UInt8(ascii: "\\"): out.append(byte)
                case 0x0A: out.append(UInt8(ascii: "n"))
                case 0x0D: out.append(UInt8(ascii: "r"))
                case 0x09: out.append(UInt8(ascii: "t"))
                default:
                    // \u00XX in lower-case hex: only C0 controls are left for this case.
                    for digit in [UInt8(ascii: "u"), 0x30, 0x30, hexDigit(byte >> 4), hexDigit(byte & 0x0F)] { out.append(digit) }
                }
            }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<bytes.count]))
        }
        out.append(UInt8(ascii: "\""))
    }

    private static func hexDigit(_ value: UInt8) -> UInt8 { value < 10 ? 0x30 + value : 0x61 + value - 10 }
}
