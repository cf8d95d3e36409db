/// One reply found in any input (a reply line, a mail log, a bounce message, an SMTP
/// transcript), with what the input says around it: for whom, what became of the
/// message, when, and where in the input. `triage` groups these; `explain --ndjson`
/// writes one per line.
public struct ReplyEvent: Sendable, Equatable {
    public var reply: ParsedReply
    /// The recipient the reply concerns (`to=<…>`, `Final-Recipient:`, `RCPT TO:<…>`), when known.
    public var recipient: String?
    /// A DSN's `Action:` (failed, delayed, delivered, relayed, expanded), when the input is one.
    public var dsnAction: String?
    /// What became of the message, as the input says (`status=deferred`) or as the class implies.
    public var outcome: Outcome
    /// The remote host that answered (`relay=`, `Remote-MTA:`, `H=`), when known.
    public var relay: String?
    /// When, as seconds since 1970 (UTC), when the input dates it.
    public var timestamp: Int64?
    /// Which kind of input it came from.
    public var format: InputFormat
    /// The 1-based line of the input where the reply (or its recipient's block) starts.
    public var line: Int?

    public init(
        reply: ParsedReply, recipient: String? = nil, dsnAction: String? = nil, outcome: Outcome = .unknown,
        relay: String? = nil, timestamp: Int64? = nil, format: InputFormat, line: Int? = nil
    ) {
        self.reply = reply
        self.recipient = recipient
        self.dsnAction = dsnAction
        self.outcome = outcome
        self.relay = relay
        self.timestamp = timestamp
        self.format = format
        self.line = line
    }

    /// The recipient's domain in lower case, for grouping.
    public var recipientDomain: String? {
        // Looked for among the bytes, in place: `@` is ASCII, and triage asks once per reply.
        guard var recipient else { return nil }
        return recipient.withUTF8 { bytes -> String? in
            guard let at = bytes.lastIndex(of: UInt8(ascii: "@")), at + 1 < bytes.count else { return nil }
            let domain = UnsafeBufferPointer(rebasing: bytes[(at + 1)...])
            let text = String(decoding: domain, as: UTF8.self)
            return domain.contains(where: { $0 >= UInt8(ascii: "A") && $0 <= UInt8(ascii: "Z") || $0 >= 0x80 }) ? text.lowercased() : text
        }
    }
}

/// What became of a message after a reply.
public enum Outcome: String, Sendable, CaseIterable {
    /// Accepted by the next hop (`status=sent`, a 2xx reply, `Action: delivered`).
    case delivered
    /// Temporarily refused; the sending queue retries (`status=deferred`, a 4xx reply, `Action: delayed`).
    case deferred
    /// Given up on after acceptance: a bounce was or will be sent (`status=bounced`, `Action: failed`).
    case bounced
    /// Refused while the client was still connected (Postfix `NOQUEUE: reject`, a 5xx reply in a transcript).
    case rejected
    /// The input does not say.
    case unknown

    /// The case's place in `allCases`, for counts kept in arrays.
    var position: Int {
        switch self {
        case .delivered: 0
        case .deferred: 1
        case .bounced: 2
        case .rejected: 3
        case .unknown: 4
        }
    }

    /// The outcome a reply's class implies when nothing else says: 2xx delivered, 4xx deferred, 5xx rejected.
    public static func implied(by reply: ParsedReply) -> Outcome {
        switch reply.effectiveClass {
        case 2: .delivered
        case 4: .deferred
        case 5: .rejected
        default: .unknown
        }
    }
}

/// The kinds of input `explain` and `triage` read (`--format`), detected when not given.
public enum InputFormat: String, Sendable, CaseIterable {
    /// Bare replies and anything else `ReplyParser` reads (the default before detection).
    case reply
    /// Postfix's mail log (smtp, lmtp, smtpd NOQUEUE rejects, bounce, postscreen).
    case postfix
    /// Exim's main log.
    case exim
    /// Sendmail's log.
    case sendmail
    /// One RFC 3464 delivery status notification, or an mbox of messages (DSNs and other bounces).
    case mail
    /// An SMTP session transcript (swaks, `openssl s_client`, `<<<`/`>>>`, `C:`/`S:`).
    case transcript
}
