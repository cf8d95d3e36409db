/// Sendmail's log (`sendmail[pid]`, `sm-mta[pid]`, `sm-msp-queue[pid]`): the delivery
/// lines (`QUEUEID: to=<r@x>, … relay=mx. [ip], dsn=5.1.1, stat=User unknown`,
/// `stat=Deferred: 451 4.3.0 …`, `stat=Sent (…)`) and the rejections of its rulesets
/// and milters (`ruleset=check_rcpt, arg1=<r@x>, relay=…, reject=550 5.7.1 …`,
/// `Milter: to=<r@x>, reject=…`). `from=` lines and the rest carry no reply.
struct SendmailReader {
    private(set) var unparsable = 0
    let reference: Int64
    private var times = SyslogTimeMemo()

    init(reference: Int64) { self.reference = reference }

    private static let programs = ["sendmail", "sm-mta", "sm-msp-queue"].map(ASCII.bytes)
    private static let to = ASCII.bytes("to=")
    private static let stat = ASCII.bytes(", stat=")
    private static let dsn = ASCII.bytes(", dsn=")
    private static let relay = ASCII.bytes(", relay=")
    private static let reject = ASCII.bytes("reject=")
    private static let ruleset = ASCII.bytes("ruleset=")
    private static let arg1 = ASCII.bytes(", arg1=")
    private static let milter = ASCII.bytes("Milter: ")
    private static let separator = ASCII.bytes(", ")
    private static let sent = ASCII.bytes("sent"), deferred = ASCII.bytes("deferred"), queued = ASCII.bytes("queued")

    static func isSendmailLine(_ line: Span<UInt8>) -> Bool {
        guard let header = SyslogHeader.read(line) else { return false }
        return isSendmailProgram(line, header.program)
    }

    private static func isSendmailProgram(_ line: Span<UInt8>, _ program: Range<Int>) -> Bool {
        programs.contains { $0.count == program.count && line.has($0, at: program.lowerBound) }
    }

    mutating func read(_ line: Span<UInt8>, number: Int, emit: (ReplyEvent) -> Void) {
        guard let header = SyslogHeader.read(line, memo: &times), Self.isSendmailProgram(line, header.program) else { return }
        let count = line.count
        var cursor = header.message
        while cursor < count, ASCII.isAlphanumeric(line[cursor]) { cursor += 1 }
        guard cursor > header.message, line.has(ASCII.colonSpace, at: cursor) else { return }
        cursor += 2
        let timestamp = header.time.seconds(reference: reference)
        if line.has(Self.to, at: cursor) {
            delivery(line, cursor + Self.to.count, timestamp, number, emit)
        } else if line.has(Self.ruleset, at: cursor) || line.has(Self.milter, at: cursor) {
            if line.firstIndex(of: Self.reject, in: cursor..<count) != nil { rejection(line, cursor, timestamp, number, emit) }
        }
    }

    /// The value of `, name=` in `range`, up to the next `, `.
    private func field(_ line: Span<UInt8>, _ name: [UInt8], in range: Range<Int>) -> Range<Int>? {
        guard let at = line.firstIndex(of: name, in: range) else { return nil }
        let start = at + name.count
        return start..<(line.firstIndex(of: Self.separator, in: start..<range.upperBound) ?? range.upperBound)
    }

    // MARK: - to=…, stat=…

    private mutating func delivery(_ line: Span<UInt8>, _ start: Int, _ timestamp: Int64?, _ number: Int, _ emit: (ReplyEvent) -> Void) {
        let count = line.count
        guard let statAt = line.firstIndex(of: Self.stat, in: start..<count) else {
            unparsable += 1
            return
        }
        // to= holds one address or several, comma-separated without blanks.
        let toEnd = line.firstIndex(of: Self.separator, in: start..<statAt) ?? statAt
        let fields = toEnd..<statAt
        let dsn = field(line, Self.dsn, in: fields).flatMap { ReplyText.statusCode(line, $0) }
        let relay = field(line, Self.relay, in: fields).flatMap { RelayName.read(line, $0) }
        let statStart = statAt + Self.stat.count
        let stat = statStart..<count
        let outcome: Outcome
        var text = stat
        if line.hasIgnoringCase(Self.sent, at: statStart) {
            // "Sent (the reply's words)": the server's words, its codes dropped by Sendmail.
            guard let open = line.firstIndex(of: UInt8(ascii: "("), in: stat) else { return }
            text = (open + 1)..<(line.lastIndex(of: UInt8(ascii: ")"), in: open..<count) ?? count)
            outcome = .delivered
        } else if line.hasIgnoringCase(Self.deferred, at: statStart) {
            outcome = .deferred
            text = (statStart + 8)..<count
        } else if line.hasIgnoringCase(Self.queued, at: statStart) {
            return
        } else {
            outcome = dsn.map { $0.hasPrefix("4") ? .deferred : .bounced } ?? .bounced
        }
        let reply: ParsedReply
        if let replyStart = ReplyText.start(line, text) {
            reply = ReplyText.reply(line, replyStart..<text.upperBound, status: dsn)
        } else {
            reply = ParsedReply(replyCode: nil, enhancedCode: dsn, command: ReplyCommand.find(in: line, text),
                                text: ReplyText.cleaned(line, text))
        }
        var addressStart = start
        while addressStart < toEnd {
            let addressEnd = line.firstIndex(of: UInt8(ascii: ","), in: addressStart..<toEnd) ?? toEnd
            emit(ReplyEvent(reply: reply, recipient: MailAddress.read(line, addressStart..<addressEnd), outcome: outcome, relay: relay,
                            timestamp: timestamp, format: .sendmail, line: number))
            addressStart = addressEnd + 1
        }
    }

    // MARK: - reject=

    private static let rulesets = ASCII.table([
        "check_rcpt": "RCPT", "check_mail": "MAIL", "check_relay": "CONNECT", "check_data": "DATA", "check_eoh": "DATA",
        "check_eom": "DATA", "check_etrn": "ETRN", "check_expn": "EXPN", "check_vrfy": "VRFY",
    ])
    private static let milterStages = ASCII.table([
        "to=": "RCPT", "from=": "MAIL", "data": "DATA", "connect": "CONNECT", "helo": "HELO", "eoh": "DATA", "body": "DATA",
    ])

    private mutating func rejection(_ line: Span<UInt8>, _ start: Int, _ timestamp: Int64?, _ number: Int, _ emit: (ReplyEvent) -> Void) {
        let count = line.count
        guard let rejectAt = line.firstIndex(of: Self.reject, in: start..<count), rejectAt + Self.reject.count < count else {
            unparsable += 1
            return
        }
        let text = (rejectAt + Self.reject.count)..<count
        let fields = start..<rejectAt
        var command: String?
        var recipient: String?
        if line.has(Self.ruleset, at: start) {
            let name = start + Self.ruleset.count
            command = Self.rulesets.first { line.has($0.bytes, at: name) }?.value
            if command == "RCPT", let argument = field(line, Self.arg1, in: fields) { recipient = MailAddress.read(line, argument) }
        } else {
            let stage = start + Self.milter.count
            command = Self.milterStages.first { line.has($0.bytes, at: stage) }?.value
            if command == "RCPT" {
                let addressStart = stage + 3
                recipient = MailAddress.read(line, addressStart..<(line.firstIndex(of: Self.separator, in: addressStart..<rejectAt) ?? rejectAt))
            }
        }
        var reply = ReplyText.reply(line, text, command: command)
        reply.command = command ?? reply.command
        emit(ReplyEvent(reply: reply, recipient: recipient, outcome: .rejected,
                        relay: field(line, Self.relay, in: fields).flatMap { RelayName.read(line, $0) },
                        timestamp: timestamp, format: .sendmail, line: number))
    }
}
