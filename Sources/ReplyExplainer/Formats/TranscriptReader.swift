/// An SMTP session as people paste it: swaks (` -> RCPT TO:<r@x>`, `<-  250 …`,
/// `<** 550 …`, `~>`/`<~` once TLS is up), `<<<`/`>>>` and `C:`/`S:` transcripts, client
/// debug logs (`SMTP: >>> MAIL FROM:…`, PHPMailer's `CLIENT -> SERVER:`), and raw
/// sessions (`openssl s_client`, telnet) where the typed commands stand between the
/// server's lines.
///
/// Each reply is paired with the command it answered (the greeting with CONNECT; the
/// commands of a pipelined group in order; `.` with the end of data, named DATA), its
/// `550-` lines joined. The recipient is the address of the RCPT TO a reply answers;
/// a reply to DATA or to the end of data names the recipient when exactly one was
/// accepted. Outcome: 5xx rejected, 4xx deferred, 2xx after the end of data delivered,
/// anything else unknown (docs/formats.md).
struct TranscriptReader {
    private(set) var unparsable = 0

    private struct Command {
        var name: String
        var isEndOfData = false
        var recipient: String?
    }

    private var queue: [Command] = []
    private var sawReply = false
    private var inData = false
    /// After a 334: the next client line answers the challenge.
    private var inAuthentication = false
    private var open: (lines: ReplyLines, command: Command?, timestamp: Int64?)?
    private var accepted: [String] = []
    private var relay: String?
    private var greetingHost: String?

    /// How many commands may wait for their replies (a pipelined group is a handful).
    static let maximumQueue = 256

    private enum Side { case client, server, either }

    private static let markers = ASCII.table([
        "CLIENT -> SERVER: ": Side.client, "SERVER -> CLIENT: ": .server, "<** ": .server, "<~* ": .server,
        "<- ": .server, "<~ ": .server, " -> ": .client, " ~> ": .client, "-> ": .client, "~> ": .client,
        ">>> ": .either, "<<< ": .either, "C: ": .client, "S: ": .server,
    ])
    private static let smtpPrefix = ASCII.bytes("smtp: ")
    private static let verbs = ["EHLO", "HELO", "LHLO", "MAIL", "RCPT", "DATA", "BDAT", "AUTH", "STARTTLS", "QUIT", "RSET", "NOOP",
                                "VRFY", "EXPN", "HELP", "ETRN", "XCLIENT", "XFORWARD"].map { (ASCII.bytes($0.lowercased()), $0) }

    /// Whether the line reads as part of a transcript: a marker with a reply or a command after it,
    /// or `CONNECTED(` as `openssl s_client` prints it.
    static func isTranscriptLine(_ line: Span<UInt8>) -> Bool {
        if line.has(connected, at: 0) { return true }
        guard let (side, payload) = marked(line), side != nil else { return false }
        return ReplyText.basicCode(line, payload, line.count) != nil || verb(line, payload) != nil
    }

    /// Whether the line (unmarked) starts with a command (`EHLO`, `MAIL FROM:`, `RCPT TO:` …).
    static func isCommandLine(_ line: Span<UInt8>) -> Bool {
        guard let verb = verb(line, 0) else { return false }
        return verb != "DATA" && verb != "QUIT" && verb != "HELP" && verb != "NOOP" || line.count <= 5
    }

    /// The side a line's marker names (nil: no marker) and where its payload starts.
    private static func marked(_ line: Span<UInt8>) -> (Side?, Int)? {
        let count = line.count
        var cursor = 0
        // A timestamp or log prefix: "[…]" groups, "2024-03-05 10:12:33", a level word.
        for _ in 0..<4 {
            cursor = line.skippingBlanks(from: cursor, to: count)
            if cursor < count, line[cursor] == UInt8(ascii: "["),
               let close = line.firstIndex(of: UInt8(ascii: "]"), in: cursor..<min(count, cursor + 64)) {
                cursor = close + 1
            } else if cursor < count, ASCII.isDigit(line[cursor]), let stamp = Timestamps.iso(line, at: cursor) {
                cursor = stamp.end
            } else if line.hasIgnoringCase(smtpPrefix, at: cursor) {
                cursor += smtpPrefix.count
            } else if let level = levels.first(where: { line.hasIgnoringCase($0, at: cursor) }) {
                cursor += level.count
            } else {
                break
            }
        }
        // Swaks indents its client lines by one space: keep it for the " -> " marker.
        let unindented = line.skippingBlanks(from: cursor, to: count)
        for marker in markers {
            let at = marker.bytes.first == 0x20 ? max(cursor, unindented - 1) : unindented
            if line.has(marker.bytes, at: at) {
                return (marker.value, line.skippingBlanks(from: at + marker.bytes.count, to: count))
            }
        }
        return (nil, unindented)
    }

    /// The command word at `index` (any case), when followed by a blank, `:` or the end.
    private static func verb(_ line: Span<UInt8>, _ index: Int) -> String? {
        for verb in verbs where line.hasIgnoringCase(verb.0, at: index) {
            let end = index + verb.0.count
            if end == line.count || line[end] == 0x20 || line[end] == UInt8(ascii: ":") { return verb.1 }
        }
        return nil
    }

    private static let sessionStarts = ["connected to ", "trying ", "connecting to "].map(ASCII.bytes)
    private static let swaksInfo = ASCII.bytes("=== ")
    private static let connected = ASCII.bytes("CONNECTED(")
    private static let last = ASCII.bytes(" last")
    private static let levels = ["debug ", "info ", "trace "].map(ASCII.bytes)
    private static let rcptTo = ASCII.bytes("rcpt to:")

    mutating func read(_ line: Span<UInt8>, number: Int, emit: (ReplyEvent) -> Void) {
        let count = line.count
        guard let (side, payload) = Self.marked(line) else { return }
        var timestamp: Int64?
        if let digit = (0..<min(count, 32)).first(where: { ASCII.isDigit(line[$0]) }), digit < payload {
            timestamp = Timestamps.iso(line, at: digit)?.seconds
        }
        let content = payload..<count
        // Where the session goes: swaks's "=== Connected to …", telnet's "Trying …", openssl's "Connecting to …".
        var info = line.skippingBlanks(from: 0, to: count)
        if line.has(Self.swaksInfo, at: info) { info += Self.swaksInfo.count }
        for prefix in Self.sessionStarts where line.hasIgnoringCase(prefix, at: info) {
            var end = line.endOfWord(from: info + prefix.count, to: count)
            while end > info + prefix.count, line[end - 1] == UInt8(ascii: ".") { end -= 1 }
            // A new session: nothing of the last one carries over.
            closeReply(emit: emit)
            queue = []
            sawReply = false
            inData = false
            inAuthentication = false
            accepted = []
            greetingHost = nil
            relay = RelayName.read(line, (info + prefix.count)..<end)
            return
        }
        let codes = ReplyText.codes(line, content)
        let isReply = codes.basic != nil && ReplyText.basicCode(line, line.skippingBlanks(from: payload, to: count), count) != nil
        switch side {
        case .server?:
            guard isReply else {
                if payload < count { unparsable += 1 }
                return
            }
            if inData { endData() }
            serverLine(line, codes, content, number: number, timestamp: timestamp, emit: emit)
        case .client?:
            closeReply(emit: emit)
            clientLine(line, content)
        case .either?:
            if isReply {
                serverLine(line, codes, content, number: number, timestamp: timestamp, emit: emit)
            } else {
                closeReply(emit: emit)
                clientLine(line, content)
            }
        case nil:
            // A raw session: replies and commands as typed; message content while in DATA.
            if inData {
                clientLine(line, content)
            } else if isReply {
                serverLine(line, codes, content, number: number, timestamp: timestamp, emit: emit)
            } else if inAuthentication || Self.verb(line, payload) != nil {
                closeReply(emit: emit)
                clientLine(line, content)
            }
        }
    }

    /// The input has ended: a reply still open is emitted as it stands.
    mutating func finish(emit: (ReplyEvent) -> Void) { closeReply(emit: emit) }

    // MARK: - Client

    private mutating func clientLine(_ line: Span<UInt8>, _ content: Range<Int>) {
        let content = line.trimmingBlanks(content)
        if inData {
            if content.count == 1, line[content.lowerBound] == UInt8(ascii: ".") { endData() }
            return
        }
        var command: Command
        if inAuthentication {
            inAuthentication = false
            command = Command(name: "AUTH")
        } else if let verb = Self.verb(line, content.lowerBound) {
            command = Command(name: verb == "LHLO" ? "LHLO" : verb)
            if verb == "RCPT", line.hasIgnoringCase(Self.rcptTo, at: content.lowerBound) {
                let start = content.lowerBound + Self.rcptTo.count
                let end = line.firstIndex(of: UInt8(ascii: ">"), in: start..<content.upperBound).map { $0 + 1 }
                    ?? line.endOfWord(from: line.skippingBlanks(from: start, to: content.upperBound), to: content.upperBound)
                command.recipient = MailAddress.read(line, start..<end)
            }
            if verb == "MAIL" || verb == "RSET" { accepted = [] }
            if verb == "BDAT", line.firstIndexIgnoringCase(of: Self.last, in: content) != nil { command.isEndOfData = true }
        } else {
            return
        }
        if queue.count < Self.maximumQueue { queue.append(command) }
    }

    private mutating func endData() {
        inData = false
        if queue.count < Self.maximumQueue { queue.append(Command(name: "DATA", isEndOfData: true)) }
    }

    // MARK: - Server

    private mutating func serverLine(_ line: Span<UInt8>, _ codes: ReplyText.Codes, _ content: Range<Int>, number: Int,
                                     timestamp: Int64?, emit: (ReplyEvent) -> Void) {
        let text = ReplyText.cleaned(line, codes.textStart..<content.upperBound)
        if var current = open, current.lines.takes(codes) {
            current.lines.append(codes, text: text)
            open = current
        } else {
            closeReply(emit: emit)
            let command: Command? = queue.isEmpty ? (sawReply ? nil : Command(name: "CONNECT")) : queue.removeFirst()
            sawReply = true
            if command?.name == "CONNECT", greetingHost == nil {
                let word = line.skippingBlanks(from: codes.textStart, to: content.upperBound)
                let end = line.endOfWord(from: word, to: content.upperBound)
                if line.firstIndex(of: UInt8(ascii: "."), in: word..<end) != nil { greetingHost = line.string(word..<end) }
            }
            open = (ReplyLines(codes, text: text, command: command?.name, line: number), command, timestamp)
        }
        if !codes.continues { closeReply(emit: emit) }
    }

    private mutating func closeReply(emit: (ReplyEvent) -> Void) {
        guard let (lines, command, timestamp) = open else { return }
        open = nil
        let reply = lines.reply()
        let replyClass = reply.effectiveClass
        var recipient = command?.recipient
        if command?.name == "RCPT", replyClass == 2, let address = recipient, accepted.count < Self.maximumQueue { accepted.append(address) }
        if command?.name == "DATA" || command?.name == "BDAT", accepted.count == 1 { recipient = accepted[0] }
        if command?.name == "DATA", command?.isEndOfData == false, reply.replyCode == 354 { inData = true }
        if command?.name == "AUTH", reply.replyCode == 334 { inAuthentication = true }
        let outcome: Outcome
        switch replyClass {
        case 5: outcome = .rejected
        case 4: outcome = .deferred
        case 2 where command?.isEndOfData == true: outcome = .delivered
        default: outcome = .unknown
        }
        if command?.isEndOfData == true { accepted = [] }
        emit(ReplyEvent(reply: reply, recipient: recipient, outcome: outcome, relay: relay ?? greetingHost,
                        timestamp: timestamp, format: .transcript, line: lines.line))
    }
}
