/// Exim's main log: `** r@x … : SMTP error from remote mail server after RCPT TO:<r@x>: 550 …`
/// (bounced), `== r@x … defer (-44): …: 451 …` (deferred), `=> r@x … C="250 OK id=…"`
/// (delivered), the message-id lines that report one server's error without a flag
/// (`H=mx [ip]: SMTP error from remote mail server after initial connection: 554 …`),
/// and the ACL's `H=host [ip] F=<s> rejected RCPT <r>: …` (rejected). Arrivals (`<=`),
/// completions and everything else carry no reply and are passed over.
struct EximReader {
    private(set) var unparsable = 0

    private static let smtpError = ASCII.bytes("SMTP error from remote ")
    private static let hostField = ASCII.bytes(" H=")
    private static let hostStart = ASCII.bytes("H=")
    private static let confirmation = ASCII.bytes(" C=\"")
    private static let rejected = ASCII.bytes("rejected ")
    private static let temporarily = ASCII.bytes("temporarily ")
    private static let colonSpace = ASCII.bytes(": ")

    /// The front of a main log line: the time, then `[pid] ` if logged, then where the rest starts.
    struct Front {
        var seconds: Int64
        var rest: Int
    }

    static func front(_ line: Span<UInt8>) -> Front? {
        guard line.count > 20, ASCII.isDigit(line[0]), let stamp = Timestamps.iso(line, at: 0, spacedZone: true),
              line[10] == 0x20, stamp.end < line.count, line[stamp.end] == 0x20 else { return nil }
        var rest = stamp.end + 1
        if rest < line.count, line[rest] == UInt8(ascii: "["),
           let close = line.firstIndex(of: UInt8(ascii: "]"), in: rest..<min(line.count, rest + 16)),
           close + 1 < line.count, line[close + 1] == 0x20 {
            rest = close + 2
        }
        return Front(seconds: stamp.seconds, rest: rest)
    }

    /// The end of an Exim message id at `index` (`1rhXyZ-000550-Ab`, or 4.97's longer
    /// `1rhXyZ-00000001Y8o-4KTs`): letters and digits in three dash-separated parts, the
    /// first of six.
    static func messageID(_ line: Span<UInt8>, _ index: Int) -> Int? {
        var cursor = index
        // Three parts: 6 characters, 6 to 11, 2 to 4 (no table: this runs on every line).
        for part in 0..<3 {
            let start = cursor
            while cursor < line.count, ASCII.isAlphanumeric(line[cursor]) { cursor += 1 }
            let length = cursor - start
            switch part {
            case 0: guard length == 6 else { return nil }
            case 1: guard (6...11).contains(length) else { return nil }
            default: guard (2...4).contains(length) else { return nil }
            }
            if part < 2 {
                guard cursor < line.count, line[cursor] == UInt8(ascii: "-") else { return nil }
                cursor += 1
            }
        }
        guard cursor == line.count || line[cursor] == 0x20 else { return nil }
        return cursor
    }

    enum Flag { case arrival, delivery, failure, deferral }

    /// The flag after a message id (`<=`, `=>`, `->`, `>>`, `*>`, `**`, `==`) and where the address starts.
    static func flag(_ line: Span<UInt8>, _ index: Int) -> (flag: Flag, address: Int)? {
        guard index + 3 < line.count, line[index + 2] == 0x20 else { return nil }
        let first = line[index], second = line[index + 1]
        let flag: Flag
        switch (first, second) {
        case (UInt8(ascii: "<"), UInt8(ascii: "=")): flag = .arrival
        case (UInt8(ascii: "="), UInt8(ascii: ">")), (UInt8(ascii: "-"), UInt8(ascii: ">")), (UInt8(ascii: ">"), UInt8(ascii: ">")),
             (UInt8(ascii: "*"), UInt8(ascii: ">")): flag = .delivery
        case (UInt8(ascii: "*"), UInt8(ascii: "*")): flag = .failure
        case (UInt8(ascii: "="), UInt8(ascii: "=")): flag = .deferral
        default: return nil
        }
        return (flag, index + 3)
    }

    /// Whether the line is a main log line with a message id and a delivery flag.
    static func isEximLine(_ line: Span<UInt8>) -> Bool {
        guard let front = front(line), let idEnd = messageID(line, front.rest) else { return false }
        return flag(line, idEnd + 1) != nil
    }

    mutating func read(_ line: Span<UInt8>, number: Int, emit: (ReplyEvent) -> Void) {
        guard let front = Self.front(line) else { return }
        let count = line.count
        if let idEnd = Self.messageID(line, front.rest) {
            let afterID = min(idEnd + 1, count)
            if let (flag, address) = Self.flag(line, afterID) {
                switch flag {
                case .arrival: return
                case .delivery: delivered(line, address, front, number, emit)
                case .failure: failed(line, address, front, .bounced, number, emit)
                case .deferral: failed(line, address, front, .deferred, number, emit)
                }
                return
            }
            if line.firstIndex(of: Self.smtpError, in: afterID..<count) != nil {
                serverError(line, idEnd, front, number, emit)
                return
            }
            if let at = rejectedAt(line, afterID) { rejection(line, at, front, number, emit) }
            return
        }
        if let at = rejectedAt(line, front.rest) { rejection(line, at, front, number, emit) }
    }

    // MARK: - Deliveries, failures, deferrals

    /// `=> r@x <orig> R=… T=… H=host [ip] … C="250 2.0.0 OK id=…"`: delivered, the reply from `C="…"`.
    private mutating func delivered(_ line: Span<UInt8>, _ address: Int, _ front: Front, _ number: Int, _ emit: (ReplyEvent) -> Void) {
        let count = line.count
        guard let open = line.firstIndex(of: Self.confirmation, in: address..<count) else { return }
        let start = open + Self.confirmation.count
        var close = start
        while close < count, !(line[close] == UInt8(ascii: "\"") && line[close - 1] != UInt8(ascii: "\\")) { close += 1 }
        guard let reply = multiLineReply(line, start..<close, command: "DATA") else {
            unparsable += 1
            return
        }
        emit(ReplyEvent(reply: reply, recipient: recipient(line, address), outcome: .delivered, relay: host(line, address..<open),
                        timestamp: front.seconds, format: .exim, line: number))
    }

    /// `** r@x … : …` and `== r@x … defer (n): …`: the words after the first `: `, a reply where one stands.
    private mutating func failed(_ line: Span<UInt8>, _ address: Int, _ front: Front, _ outcome: Outcome, _ number: Int,
                                 _ emit: (ReplyEvent) -> Void) {
        let count = line.count
        guard let colon = line.firstIndex(of: Self.colonSpace, in: address..<count), colon + 2 < count else {
            unparsable += 1
            return
        }
        let text = (colon + 2)..<count
        let reply = errorReply(line, text)
        emit(ReplyEvent(reply: reply, recipient: recipient(line, address), outcome: outcome, relay: host(line, address..<count),
                        timestamp: front.seconds, format: .exim, line: number))
    }

    /// A message-id line reporting one server's error, no flag: what became of the message is not on this line.
    private mutating func serverError(_ line: Span<UInt8>, _ start: Int, _ front: Front, _ number: Int, _ emit: (ReplyEvent) -> Void) {
        let count = line.count
        guard let errorAt = line.firstIndex(of: Self.smtpError, in: start..<count), ReplyText.start(line, errorAt..<count) != nil else {
            unparsable += 1
            return
        }
        emit(ReplyEvent(reply: errorReply(line, errorAt..<count), outcome: .unknown, relay: host(line, start..<errorAt),
                        timestamp: front.seconds, format: .exim, line: number))
    }

    /// The reply in an error text: after `SMTP error from remote mail server after RCPT TO:<…>: `
    /// (or 4.97's `… for RCPT TO command, host: … reason: `), else the words alone, without codes.
    private func errorReply(_ line: Span<UInt8>, _ text: Range<Int>) -> ParsedReply {
        let command = ReplyCommand.find(in: line, text) ?? EximReader.forCommand(line, text)
        if let start = ReplyText.start(line, text), let reply = multiLineReply(line, start..<text.upperBound, command: command) {
            return reply
        }
        return ParsedReply(replyCode: nil, enhancedCode: nil, command: command, text: ReplyText.cleaned(line, text))
    }

    private static let forPrefix = ASCII.bytes(" for ")
    private static let commandSuffix = ASCII.bytes(" command")
    private static let forCommands = ASCII.table([
        "rcpt to": "RCPT", "mail from": "MAIL", "end of data": "DATA", "data": "DATA", "ehlo": "EHLO", "helo": "HELO",
        "auth": "AUTH", "starttls": "STARTTLS", "bdat": "BDAT", "initial connection": "CONNECT",
    ])

    /// Exim 4.97's wording: `SMTP error from remote server for RCPT TO command, host: …`.
    static func forCommand(_ line: Span<UInt8>, _ range: Range<Int>) -> String? {
        guard let at = line.firstIndex(of: forPrefix, in: range) else { return nil }
        let word = at + forPrefix.count
        for entry in forCommands where line.hasIgnoringCase(entry.bytes, at: word)
            && line.has(commandSuffix, at: word + entry.bytes.count) {
            return entry.value
        }
        return nil
    }

    /// A reply Exim logged with its line breaks written `\n`: each piece read as a reply line, joined.
    private func multiLineReply(_ line: Span<UInt8>, _ range: Range<Int>, command: String?) -> ParsedReply? {
        var assembled: ReplyLines?
        var pieceStart = range.lowerBound
        var index = range.lowerBound
        while index <= range.upperBound {
            let atBreak = index + 1 < range.upperBound && line[index] == UInt8(ascii: "\\") && line[index + 1] == UInt8(ascii: "n")
            if index == range.upperBound || atBreak {
                let piece = pieceStart..<index
                let codes = ReplyText.codes(line, piece)
                let text = ReplyText.cleaned(line, codes.textStart..<piece.upperBound)
                if var current = assembled, current.takes(codes) {
                    current.append(codes, text: text)
                    assembled = current
                } else if assembled == nil {
                    guard codes.basic != nil || codes.enhanced != nil else { return nil }
                    assembled = ReplyLines(codes, text: text, command: command, line: 0)
                } else if !text.isEmpty {
                    // A piece after the reply's last line: kept as words of the reply.
                    assembled!.append(ReplyText.Codes(basic: nil, textStart: 0), text: text)
                }
                if index == range.upperBound { break }
                index += 2
                pieceStart = index
                continue
            }
            index += 1
        }
        return assembled?.reply()
    }

    /// The address after the flag (the first word, without a trailing `:`).
    private func recipient(_ line: Span<UInt8>, _ address: Int) -> String? {
        var end = line.endOfWord(from: address, to: line.count)
        if end > address, line[end - 1] == UInt8(ascii: ":") { end -= 1 }
        return MailAddress.read(line, address..<end)
    }

    /// `H=host [ip]` in `range`, up to the next field (` X=`, ` C=`, `: `, …).
    private func host(_ line: Span<UInt8>, _ range: Range<Int>) -> String? {
        guard let at = line.firstIndex(of: Self.hostField, in: range) else { return nil }
        let start = at + Self.hostField.count
        var end = start
        // The host, an optional (helo), an optional [ip]:port; then a space before another field, or ": ".
        while end < range.upperBound {
            let byte = line[end]
            if byte == UInt8(ascii: ":"), end + 1 == range.upperBound || line[end + 1] == 0x20 { break }
            if byte == 0x20, end + 1 == range.upperBound || line[end + 1] != UInt8(ascii: "[") && line[end + 1] != UInt8(ascii: "(") {
                break
            }
            end += 1
        }
        return RelayName.read(line, start..<end)
    }

    // MARK: - ACL rejections

    /// Where `rejected ` (or `temporarily rejected `) stands after the host and sender fields.
    private func rejectedAt(_ line: Span<UInt8>, _ start: Int) -> Int? {
        let count = line.count
        guard line.has(Self.hostStart, at: start),
              let at = line.firstIndex(of: Self.rejected, in: start..<count), line[at - 1] == 0x20 else { return nil }
        return at
    }

    private static let rejectedCommands = ASCII.table([
        "RCPT ": "RCPT", "MAIL ": "MAIL", "EHLO or HELO": "EHLO", "HELO": "HELO", "EHLO": "EHLO", "connection": "CONNECT",
        "after DATA": "DATA", "DATA": "DATA", "AUTH": "AUTH", "VRFY": "VRFY",
    ])

    /// `H=host [ip] F=<s> rejected RCPT <r>: why`. Exim logs the ACL's message, not the
    /// code it answered with: a reply with codes only where the message starts with them.
    private mutating func rejection(_ line: Span<UInt8>, _ at: Int, _ front: Front, _ number: Int, _ emit: (ReplyEvent) -> Void) {
        let count = line.count
        let verb = at + Self.rejected.count
        guard let colon = line.firstIndex(of: Self.colonSpace, in: verb..<count) else {
            unparsable += 1
            return
        }
        var command: String?
        for entry in Self.rejectedCommands where line.has(entry.bytes, at: verb) {
            command = entry.value
            break
        }
        var recipient: String?
        if command == "RCPT" { recipient = MailAddress.read(line, (verb + 5)..<colon) }
        let text = (colon + 2)..<count
        var reply = ReplyText.reply(line, text, command: command)
        reply.command = command ?? reply.command
        var hostEnd = at
        if at >= Self.temporarily.count, line.has(Self.temporarily, at: at - Self.temporarily.count) { hostEnd -= Self.temporarily.count }
        emit(ReplyEvent(reply: reply, recipient: recipient, outcome: .rejected, relay: host(line, max(0, front.rest - 1)..<hostEnd),
                        timestamp: front.seconds, format: .exim, line: number))
    }
}
