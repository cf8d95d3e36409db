/// Postfix's mail log: the delivery lines of smtp, lmtp, local, virtual, pipe, error
/// and qmgr (`QUEUEID: to=<r@x>, relay=…, dsn=5.1.1, status=bounced (host … said: 550 …)`),
/// smtp's `host … said:` notes, and the `reject:` / `milter-reject:` lines of smtpd,
/// postscreen and cleanup. Every other line (connects, qmgr's `from=`, cleanup's
/// `message-id=`, bounce's `sender non-delivery notification`, warnings) carries no
/// reply and is passed over after a look at its first bytes.
struct PostfixReader {
    private(set) var unparsable = 0
    let reference: Int64
    private var times = SyslogTimeMemo()
    let delivered: DeliveredDetail

    init(reference: Int64, delivered: DeliveredDetail = .full) {
        self.reference = reference
        self.delivered = delivered
    }

    private static let postfix = ASCII.bytes("postfix")
    private static let to = ASCII.bytes("to=<")
    private static let host = ASCII.bytes("host ")
    private static let reject = ASCII.bytes("reject: ")
    private static let milterReject = ASCII.bytes("milter-reject: ")
    private static let relay = ASCII.bytes(", relay=")
    private static let dsn = ASCII.bytes(", dsn=")
    private static let status = ASCII.bytes(", status=")
    private static let said = ASCII.bytes(" said: ")
    private static let refused = ASCII.bytes(" refused to talk to me: ")

    /// Whether the line is a syslog line of a Postfix program (`postfix/smtp[…]`, `postfix-out/smtpd[…]`).
    static func isPostfixLine(_ line: Span<UInt8>) -> Bool {
        guard let header = SyslogHeader.read(line) else { return false }
        return isPostfixProgram(line, header.program)
    }

    private static func isPostfixProgram(_ line: Span<UInt8>, _ program: Range<Int>) -> Bool {
        line.has(postfix, at: program.lowerBound) && line.firstIndex(of: UInt8(ascii: "/"), in: program) != nil
    }

    mutating func read(_ line: Span<UInt8>, number: Int, emit: (ReplyEvent) -> Void) {
        guard let header = SyslogHeader.read(line, memo: &times), Self.isPostfixProgram(line, header.program) else { return }
        let count = line.count
        // "QUEUEID: " or "NOQUEUE: ": letters and digits, then ": ".
        var cursor = header.message
        while cursor < count, ASCII.isAlphanumeric(line[cursor]) { cursor += 1 }
        guard cursor > header.message, cursor + 1 < count, line[cursor] == UInt8(ascii: ":"), line[cursor + 1] == 0x20 else { return }
        cursor += 2
        if line.has(Self.to, at: cursor) {
            delivery(line, from: cursor, header: header, number: number, emit: emit)
        } else if line.has(Self.reject, at: cursor) {
            rejected(line, from: cursor + Self.reject.count, header: header, number: number, emit: emit)
        } else if line.has(Self.milterReject, at: cursor) {
            rejected(line, from: cursor + Self.milterReject.count, header: header, number: number, emit: emit)
        } else if line.has(Self.host, at: cursor) {
            hostSaid(line, from: cursor, header: header, number: number, emit: emit)
        }
    }

    // MARK: - to=<…>, …, status=… (…)

    private mutating func delivery(_ line: Span<UInt8>, from start: Int, header: SyslogHeader, number: Int, emit: (ReplyEvent) -> Void) {
        let count = line.count
        let addressStart = start + Self.to.count
        guard let addressEnd = line.firstIndex(of: UInt8(ascii: ">"), in: addressStart..<count),
              let statusAt = line.firstIndex(of: Self.status, in: addressEnd..<count) else {
            unparsable += 1
            return
        }
        let wordStart = statusAt + Self.status.count
        var wordEnd = wordStart
        while wordEnd < count, ASCII.isLetter(line[wordEnd]) { wordEnd += 1 }
        // The diagnostic in parentheses, to the last ")" (a line cut short keeps what it has).
        guard wordEnd > wordStart, let open = line.firstIndex(of: UInt8(ascii: "("), in: wordEnd..<count) else {
            unparsable += 1
            return
        }
        let outcome = Self.outcome(line, wordStart..<wordEnd)
        if outcome == .delivered, delivered == .outcomeOnly {
            emit(ReplyEvent(reply: ParsedReply(replyCode: nil, enhancedCode: nil, command: nil, text: ""), outcome: .delivered,
                            timestamp: header.time.seconds(reference: reference), format: .postfix, line: number))
            return
        }
        var close = count
        if let last = line.lastIndex(of: UInt8(ascii: ")"), in: (open + 1)..<count) { close = last }
        let text = (open + 1)..<close
        let fields = addressEnd..<statusAt
        let dsn = line.firstIndex(of: Self.dsn, in: fields).flatMap { at -> String? in
            let valueStart = at + Self.dsn.count
            return ReplyText.statusCode(line, valueStart..<(line.firstIndex(of: UInt8(ascii: ","), in: valueStart..<statusAt) ?? statusAt))
        }
        var relay = line.firstIndex(of: Self.relay, in: fields).flatMap { at -> String? in
            let valueStart = at + Self.relay.count
            return RelayName.read(line, valueStart..<(line.firstIndex(of: UInt8(ascii: ","), in: valueStart..<statusAt) ?? statusAt))
        }
        let reply: ParsedReply
        if let replyStart = ReplyText.start(line, text) {
            if relay == nil { relay = saidHost(line, text) }
            reply = ReplyText.reply(line, replyStart..<close, status: dsn, command: ReplyCommand.find(in: line, text))
        } else {
            // A diagnostic of Postfix's own (connect to …: Connection timed out): no codes but the dsn.
            reply = ParsedReply(replyCode: nil, enhancedCode: dsn, command: nil, text: ReplyText.cleaned(line, text))
        }
        emit(ReplyEvent(reply: reply, recipient: MailAddress.read(line, addressStart..<addressEnd), outcome: outcome, relay: relay,
                        timestamp: header.time.seconds(reference: reference), format: .postfix, line: number))
    }

    private static let sent = ASCII.bytes("sent"), deferred = ASCII.bytes("deferred")
    private static let bounced = ASCII.bytes("bounced"), expired = ASCII.bytes("expired")

    /// sent → delivered, deferred → deferred, bounced and expired → bounced; anything else
    /// (deliverable and undeliverable, from address verification) → unknown.
    private static func outcome(_ line: Span<UInt8>, _ word: Range<Int>) -> Outcome {
        let start = word.lowerBound
        switch word.count {
        case 4 where line.has(sent, at: start): return .delivered
        case 8 where line.has(deferred, at: start): return .deferred
        case 7 where line.has(bounced, at: start) || line.has(expired, at: start): return .bounced
        default: return .unknown
        }
    }

    /// The host of `host mx.example.com[192.0.2.1] said:` or `… refused to talk to me:`.
    private func saidHost(_ line: Span<UInt8>, _ range: Range<Int>) -> String? {
        guard let at = line.firstIndex(of: Self.host, in: range) else { return nil }
        let nameStart = at + Self.host.count
        let nameEnd = line.endOfWord(from: nameStart, to: range.upperBound)
        return RelayName.read(line, nameStart..<nameEnd)
    }

    // MARK: - QUEUEID: host … said: …

    /// smtp's note on one server's answer before it tries the next (no `to=`, no status):
    /// the outcome is not known from this line.
    private mutating func hostSaid(_ line: Span<UInt8>, from start: Int, header: SyslogHeader, number: Int, emit: (ReplyEvent) -> Void) {
        let count = line.count
        let rest = start..<count
        guard line.firstIndex(of: Self.said, in: rest) != nil || line.firstIndex(of: Self.refused, in: rest) != nil else { return }
        guard let replyStart = ReplyText.start(line, rest) else {
            unparsable += 1
            return
        }
        let reply = ReplyText.reply(line, replyStart..<count, command: ReplyCommand.find(in: line, rest))
        emit(ReplyEvent(reply: reply, outcome: .unknown, relay: saidHost(line, rest),
                        timestamp: header.time.seconds(reference: reference), format: .postfix, line: number))
    }

    // MARK: - reject: RCPT from host[addr]: 554 …; from=<…> to=<…> proto=… helo=<…>

    private static let from = ASCII.bytes(" from ")
    private static let trailerFrom = ASCII.bytes("; from=<")
    private static let trailerProto = ASCII.bytes("; proto=")
    private static let helo = ASCII.bytes("helo=<")
    private static let trailerTo = ASCII.bytes(" to=<")
    private static let colonSpace = ASCII.bytes(": ")
    private static let commands = ASCII.table([
        "RCPT": "RCPT", "MAIL": "MAIL", "CONNECT": "CONNECT", "DATA": "DATA", "END-OF-MESSAGE": "DATA",
        "BDAT": "BDAT", "HELO": "HELO", "EHLO": "EHLO", "VRFY": "VRFY", "ETRN": "ETRN", "header": "DATA", "body": "DATA",
    ])

    private mutating func rejected(_ line: Span<UInt8>, from start: Int, header: SyslogHeader, number: Int, emit: (ReplyEvent) -> Void) {
        let count = line.count
        let verbEnd = line.endOfWord(from: start, to: count)
        var command: String?
        for entry in Self.commands where entry.bytes.count == verbEnd - start && line.has(entry.bytes, at: start) {
            command = entry.value
            break
        }
        // The trailer Postfix appends: "; from=<…> to=<…> proto=… helo=<…>" (postscreen puts commas between).
        let trailer = line.lastIndex(of: Self.trailerFrom, in: start..<count) ?? line.lastIndex(of: Self.trailerProto, in: start..<count)
        guard let fromAt = line.firstIndex(of: Self.from, in: verbEnd..<(trailer ?? count)) else {
            unparsable += 1
            return
        }
        // The client ("host[addr]" or "[addr]:port") ends at ": ", or at the trailer in cleanup's
        // header and body rejects, whose reply follows the trailer's "helo=<…>: ".
        let clientStart = fromAt + Self.from.count
        let colon = line.firstIndex(of: Self.colonSpace, in: clientStart..<(trailer ?? count))
        let clientEnd = colon ?? trailer ?? count
        var replyRange: Range<Int>?
        if let colon {
            replyRange = (colon + 2)..<(trailer ?? count)
        } else if let trailer, let heloAt = line.firstIndex(of: Self.helo, in: trailer..<count),
                  let heloEnd = line.firstIndex(of: UInt8(ascii: ">"), in: heloAt..<count),
                  line.has(Self.colonSpace, at: heloEnd + 1) {
            replyRange = (heloEnd + 3)..<count
        }
        guard let replyRange, !replyRange.isEmpty else {
            unparsable += 1
            return
        }
        var recipient: String?
        if let trailer, let toAt = line.firstIndex(of: Self.trailerTo, in: trailer..<count) {
            let addressStart = toAt + Self.trailerTo.count
            let addressEnd = line.firstIndex(of: UInt8(ascii: ">"), in: addressStart..<count) ?? count
            recipient = MailAddress.read(line, addressStart..<addressEnd)
        }
        let reply = ReplyText.reply(line, replyRange, command: command)
        emit(ReplyEvent(reply: reply, recipient: recipient, outcome: .rejected, relay: RelayName.read(line, clientStart..<clientEnd),
                        timestamp: header.time.seconds(reference: reference), format: .postfix, line: number))
    }
}
