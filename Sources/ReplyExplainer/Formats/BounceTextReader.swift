/// The words of a bounce that is not (or not only) an RFC 3464 report: the text of
/// qmail, Exim, Sendmail, Exchange and Office 365, Gmail and Yahoo failure notices,
/// line by line. It follows recipients (`<r@x>:` on a line of its own, Exim's
/// two-space indented address, an address alone on its line, `Your message to r@x`,
/// Sendmail's `>>> RCPT To:<r@x>`) and the replies that follow them (`Remote host said:`,
/// `SMTP error from remote mail server after …:`, Sendmail's transcript and `(reason: …)`,
/// `Remote Server returned '…'`, `#550 … ##`, `The response was:`), and stops at the
/// copy of the original message. A recipient block with no reply gives a reply without
/// basic code from its own lines (qmail's `… (#5.1.1)`, Exim's `Unrouteable address`).
struct BounceTextReader {
    struct Found {
        var reply: ParsedReply
        var recipient: String?
        var relay: String?
        var line: Int
    }

    private struct Block {
        var recipient: String?
        var line: Int
        /// Opened by a line naming the recipient alone: its next lines are its diagnostic.
        var listed: Bool
        var reply: ReplyLines?
        var replyDone = false
        var relay: String?
        var command: String?
        var diagnostic: [String] = []
        var diagnosticOpen = true
        var diagnosticEnhanced: String?
    }

    private(set) var found: [Found] = []
    private(set) var droppedFinds = 0
    /// A delay warning rather than a failure notice, as its words say.
    private(set) var saysDelayed = false
    private(set) var saysPermanent = false
    private var stopped = false
    private var eximStyle = false
    private var block: Block?
    /// After "The response was:" or "SMTP error … after RCPT TO:<…>:": the reply is on the next lines.
    private var replyExpected = false
    private var relay: String?
    /// A Postfix paragraph being gathered: its words so far and its first line.
    private var paragraph: (bytes: [UInt8], line: Int)?
    /// Sendmail's `>>>`/`<<<` transcript, read as transcripts are.
    private var transcript = TranscriptReader()

    static let maximumFinds = 1000
    static let maximumDiagnosticLines = 16

    private static let stops = ["this is a copy of the message", "below this line is a copy of the message", "original message follows", "unsent message follows",
                                "message header follows", "original message headers", "headers of the original message",
                                "----- original message -----", "returned message follows"].map(ASCII.bytes)
    private static let eximMarkers = ["this message was created automatically by mail delivery software",
                                      "the following address(es) failed", "could not be delivered to one or more of its"].map(ASCII.bytes)
    private static let delayWords = ["has not yet been delivered", "will retry", "will continue trying", "still trying",
                                     "delivery incomplete", "temporary problem", "has been delayed", "is delayed", "not yet been able to deliver",
                                     "delivery delayed", "keep trying", "attempts will continue"].map(ASCII.bytes)
    private static let permanentWords = ["permanent error", "failed permanently", "given up", "giving up", "gave up", "permanent fatal",
                                         "couldn't be delivered", "could not be delivered", "wasn't delivered", "was not delivered",
                                         "delivery has failed", "address not found"].map(ASCII.bytes)
    private static let remoteHostSaid = ASCII.bytes("remote host said:")
    private static let sent = ASCII.bytes(">>> "), received = ASCII.bytes("<<< ")
    private static let on = ASCII.bytes(" on "), hashes = ASCII.bytes("##")
    private static let connectedTo = ASCII.bytes("connected to ")
    private static let smtpError = ASCII.bytes("smtp error from remote ")
    private static let remoteServerReturned = ASCII.bytes("remote server returned '")
    private static let reasonOpen = ASCII.bytes("(reason: ")
    private static let responses = ["the response was:", "the response from the remote server was:",
                                    "the error that the other server returned was:", "the server responded:"].map(ASCII.bytes)
    private static let announcements = [remoteHostSaid, remoteServerReturned, reasonOpen]
    private static let whileTalking = ASCII.bytes("while talking to ")
    private static let host = ASCII.bytes("host ")
    private static let smtpSemicolon = ASCII.bytes("smtp;")
    private static let proseRecipients = ["wasn't delivered to ", "was not delivered to ", "couldn't be delivered to ",
                                          "could not be delivered to ", "delivering your message to ", "your message to ",
                                          "delivery to "].map(ASCII.bytes)
    private static let qmailCommands = ASCII.table([
        "does not like recipient": "RCPT", "sender was rejected": "MAIL", "my name was rejected": "EHLO",
        "[rcpt_to]": "RCPT", "[mail_from]": "MAIL", "[data]": "DATA", "[body]": "DATA", "[end_of_data]": "DATA",
    ])

    mutating func read(_ line: Span<UInt8>, number: Int) {
        guard !stopped else { return }
        if paragraph != nil {
            // Postfix wraps "<r@x>: host … said: 550 …" over indented lines: one paragraph, read whole.
            if line.count > 0, ASCII.isBlank(line[0]), !line.trimmingBlanks(0..<line.count).isEmpty {
                if paragraph!.bytes.count < ReplyParser.maximumLineBytes {
                    paragraph!.bytes.append(0x20)
                    paragraph!.bytes.append(line, line.trimmingBlanks(0..<line.count))
                }
                return
            }
            let finished = paragraph!
            paragraph = nil
            words(finished.bytes.span, 0..<finished.bytes.count, finished.line)
        }
        let text = line.trimmingBlanks(0..<line.count)
        if text.isEmpty {
            closeReply()
            if block?.diagnostic.isEmpty == false { block!.diagnosticOpen = false }
            return
        }
        if Self.contains(line, text, Self.stops) {
            closeBlock()
            stopped = true
            return
        }
        if !eximStyle, Self.contains(line, text, Self.eximMarkers) { eximStyle = true }
        if !saysDelayed, Self.contains(line, text, Self.delayWords) { saysDelayed = true }
        if !saysPermanent, Self.contains(line, text, Self.permanentWords) { saysPermanent = true }

        // Sendmail's transcript lines.
        if line.has(Self.sent, at: text.lowerBound) || line.has(Self.received, at: text.lowerBound) {
            closeReply()
            transcriptLine(line, text, number)
            return
        }
        // A reply going on over several lines.
        if let reply = block?.reply, !block!.replyDone {
            let codes = ReplyText.codes(line, text)
            if reply.takes(codes) {
                block!.reply!.append(codes, text: ReplyText.cleaned(line, codes.textStart..<text.upperBound))
                if !codes.continues { block!.replyDone = true }
                return
            }
            block!.replyDone = true
        }
        if recipientLine(line, text, number) { return }
        words(line, text, number)
    }

    /// A line that names no recipient: hosts, replies, commands, diagnostic words.
    private mutating func words(_ line: Span<UInt8>, _ text: Range<Int>, _ number: Int) {
        // "host mx.example.com [192.0.2.10]" (Exim), "… while talking to mx.example.com.:" (Sendmail).
        if line.hasIgnoringCase(Self.host, at: text.lowerBound) {
            let start = text.lowerBound + Self.host.count
            let end = line.firstIndex(of: ASCII.colonSpace, in: start..<text.upperBound) ?? text.upperBound
            let name = start..<line.endOfWord(from: start, to: end)
            if line.firstIndex(of: UInt8(ascii: "."), in: name) != nil || line.firstIndex(of: UInt8(ascii: "["), in: start..<end) != nil {
                if block == nil { openBlock(recipient: nil, number: number, listed: false) }
                block!.relay = RelayName.read(line, start..<end)
            }
        }
        if let at = line.firstIndexIgnoringCase(of: Self.whileTalking, in: text) {
            var end = text.upperBound
            while end > at, line[end - 1] == UInt8(ascii: ":") || line[end - 1] == UInt8(ascii: ".") { end -= 1 }
            relay = RelayName.read(line, (at + Self.whileTalking.count)..<end)
        }
        if let start = replyStart(line, text) {
            startReply(line, start..<replyEnd(line, start, text), number)
            return
        }
        if replyExpected, ReplyText.codes(line, text).basic != nil {
            startReply(line, text, number)
            return
        }
        // Words of the block: the command it names, an announcement of the reply, diagnostic lines.
        if block != nil, let command = Self.command(line, text) {
            block!.command = command
            // qmail names the server first: "192.0.2.10 does not like recipient.", "Connected to 192.0.2.10 but …".
            if block!.relay == nil {
                var start = text.lowerBound
                if line.hasIgnoringCase(Self.connectedTo, at: start) { start += Self.connectedTo.count }
                let word = start..<line.endOfWord(from: start, to: text.upperBound)
                if word.count > 3, ASCII.isAlphanumeric(line[word.lowerBound]), line.firstIndex(of: UInt8(ascii: "."), in: word) != nil,
                   line[word.upperBound - 1] != UInt8(ascii: ".") {
                    block!.relay = RelayName.read(line, word)
                }
            }
        }
        if line.firstIndexIgnoringCase(of: Self.smtpError, in: text) != nil || Self.contains(line, text, Self.responses) {
            replyExpected = true
            return
        }
        if let current = block, current.listed, current.diagnosticOpen, current.reply == nil,
           current.diagnostic.count < Self.maximumDiagnosticLines {
            var words = text
            if let code = ReplyLineReader.firstEnhanced(line, text) {
                if block!.diagnosticEnhanced == nil { block!.diagnosticEnhanced = line.string(code) }
                // qmail's "(#5.1.1)": the code goes with its wrapper.
                if code.lowerBound >= text.lowerBound + 2, line[code.lowerBound - 1] == UInt8(ascii: "#"),
                   line[code.lowerBound - 2] == UInt8(ascii: "("), code.upperBound < text.upperBound,
                   line[code.upperBound] == UInt8(ascii: ")") {
                    words = text.lowerBound..<(code.lowerBound - 2)
                }
            }
            let cleaned = ReplyText.cleaned(line, words)
            if !cleaned.isEmpty { block!.diagnostic.append(cleaned) }
        }
    }

    private static func contains(_ line: Span<UInt8>, _ range: Range<Int>, _ phrases: [[UInt8]]) -> Bool {
        phrases.contains { line.firstIndexIgnoringCase(of: $0, in: range) != nil }
    }

    /// The command a line names: `ReplyParser`'s phrases, then qmail's and Yahoo's.
    private static func command(_ line: Span<UInt8>, _ range: Range<Int>) -> String? {
        ReplyCommand.find(in: line, range) ?? EximReader.forCommand(line, range)
            ?? qmailCommands.first { line.firstIndexIgnoringCase(of: $0.bytes, in: range) != nil }?.value
    }

    /// The message has ended (or the part): the last block is closed.
    mutating func finish() {
        if let finished = paragraph {
            paragraph = nil
            words(finished.bytes.span, 0..<finished.bytes.count, finished.line)
        }
        closeBlock()
        var events: [ReplyEvent] = []
        transcript.finish { events.append($0) }
        for event in events { transcriptEvent(event) }
    }

    // MARK: - Recipients

    private mutating func recipientLine(_ line: Span<UInt8>, _ text: Range<Int>, _ number: Int) -> Bool {
        // "<r@x>:" (qmail, Yahoo), or "<r@x>: host … said: …" (Postfix, wrapped on indented lines).
        if text.count > 3, line[text.lowerBound] == UInt8(ascii: "<"),
           let close = line.firstIndex(of: UInt8(ascii: ">"), in: text), close + 1 < text.upperBound,
           line[close + 1] == UInt8(ascii: ":"), MailAddress.isAlone(line, text.lowerBound..<(close + 1)) {
            openBlock(recipient: MailAddress.read(line, text.lowerBound..<(close + 1)), number: number, listed: true)
            let rest = line.trimmingBlanks((close + 2)..<text.upperBound)
            if !rest.isEmpty { paragraph = (line.bytes(rest), number) }
            return true
        }
        // An address alone (Exchange, Gmail, Sendmail's list), or Exim's two-space indented one.
        if MailAddress.isAlone(line, text) {
            openBlock(recipient: MailAddress.read(line, text), number: number, listed: true)
            return true
        }
        let firstWord = text.lowerBound..<line.endOfWord(from: text.lowerBound, to: text.upperBound)
        if eximStyle, text.lowerBound == 2, MailAddress.isAlone(line, firstWord) {
            openBlock(recipient: MailAddress.read(line, firstWord), number: number, listed: true)
            return true
        }
        // Exchange 2007–2010: "r@x on 3/5/2024 10:12 AM".
        if MailAddress.isAlone(line, firstWord), line.has(Self.on, at: firstWord.upperBound) {
            openBlock(recipient: MailAddress.read(line, firstWord), number: number, listed: true)
            return true
        }
        // Prose: "Your message wasn't delivered to r@x because …".
        for phrase in Self.proseRecipients {
            guard let at = line.firstIndexIgnoringCase(of: phrase, in: text) else { continue }
            let start = at + phrase.count
            var end = line.endOfWord(from: start, to: text.upperBound)
            while end > start, line[end - 1] == UInt8(ascii: ".") || line[end - 1] == UInt8(ascii: ",")
                    || line[end - 1] == UInt8(ascii: ":") || line[end - 1] == UInt8(ascii: ";") { end -= 1 }
            guard MailAddress.isAlone(line, start..<end), let address = MailAddress.read(line, start..<end) else { continue }
            if let current = block, current.recipient == nil, current.reply == nil {
                block!.recipient = address
            } else if block?.recipient?.lowercased() != address.lowercased() {
                openBlock(recipient: address, number: number, listed: false)
            }
            return false
        }
        return false
    }

    private mutating func openBlock(recipient: String?, number: Int, listed: Bool) {
        closeBlock()
        block = Block(recipient: recipient, line: number, listed: listed, relay: relay)
    }

    // MARK: - Replies

    /// Where a reply starts on this line, after a phrase that announces it.
    private func replyStart(_ line: Span<UInt8>, _ text: Range<Int>) -> Int? {
        for phrase in Self.announcements {
            if let at = line.firstIndexIgnoringCase(of: phrase, in: text) {
                let start = line.skippingBlanks(from: at + phrase.count, to: text.upperBound)
                if ReplyText.codes(line, start..<text.upperBound).basic != nil
                    || ReplyText.codes(line, start..<text.upperBound).enhanced != nil { return start }
            }
        }
        if line.firstIndexIgnoringCase(of: Self.smtpError, in: text) != nil || line.hasIgnoringCase(Self.host, at: text.lowerBound) {
            if let start = ReplyText.start(line, text), start > text.lowerBound { return start }
        }
        // Exchange: "#550 5.1.1 … ##"; "<mx #5.1.1 smtp;550 5.1.1 …>" and "smtp; 550 …" anywhere.
        if line[text.lowerBound] == UInt8(ascii: "#"), ReplyText.basicCode(line, text.lowerBound + 1, text.upperBound) != nil {
            return text.lowerBound
        }
        if let at = line.firstIndexIgnoringCase(of: Self.smtpSemicolon, in: text) {
            let start = line.skippingBlanks(from: at + Self.smtpSemicolon.count, to: text.upperBound)
            if ReplyText.basicCode(line, start, text.upperBound) != nil { return start }
        }
        return nil
    }

    /// Where the reply that starts at `start` ends: before a closing quote, `)`, `>` or `##` that wraps it.
    private func replyEnd(_ line: Span<UInt8>, _ start: Int, _ text: Range<Int>) -> Int {
        var end = text.upperBound
        if start >= 1, line[start - 1] == UInt8(ascii: "'") || start >= 2 && line[start - 2] == UInt8(ascii: "'") {
            if let quote = line.lastIndex(of: UInt8(ascii: "'"), in: start..<end) { end = quote }
        }
        if line.has(Self.hashes, at: end - 2) { end -= 2 }
        return end
    }

    private mutating func startReply(_ line: Span<UInt8>, _ range: Range<Int>, _ number: Int) {
        replyExpected = false
        if block == nil {
            openBlock(recipient: nil, number: number, listed: false)
        } else if block!.reply != nil {
            openBlock(recipient: block!.recipient, number: number, listed: false)
        }
        let codes = ReplyText.codes(line, range)
        let text = ReplyText.cleaned(line, codes.textStart..<range.upperBound)
        let command = block!.command ?? Self.command(line, 0..<line.count)
        block!.reply = ReplyLines(codes, text: text, command: command, line: number)
        block!.replyDone = !codes.continues
        if block!.relay == nil { block!.relay = relay }
    }

    private mutating func closeReply() {
        if block?.reply != nil { block!.replyDone = true }
    }

    private mutating func closeBlock() {
        replyExpected = false
        guard let finished = block else { return }
        block = nil
        if let lines = finished.reply {
            var reply = lines.reply(status: finished.diagnosticEnhanced)
            reply.command = reply.command ?? finished.command
            add(Found(reply: reply, recipient: finished.recipient, relay: finished.relay, line: finished.line))
        } else if finished.listed, !finished.diagnostic.isEmpty || finished.diagnosticEnhanced != nil {
            let reply = ParsedReply(replyCode: nil, enhancedCode: finished.diagnosticEnhanced, command: finished.command,
                                    text: finished.diagnostic.joined(separator: "\n"))
            add(Found(reply: reply, recipient: finished.recipient, relay: finished.relay, line: finished.line))
        }
    }

    private mutating func add(_ item: Found) {
        if found.count < Self.maximumFinds { found.append(item) } else { droppedFinds += 1 }
    }

    // MARK: - Sendmail's transcript

    private mutating func transcriptLine(_ line: Span<UInt8>, _ text: Range<Int>, _ number: Int) {
        var events: [ReplyEvent] = []
        transcript.read(line.extracting(text), number: number) { events.append($0) }
        for event in events { transcriptEvent(event) }
    }

    /// A refusal from the transcript (4xx, 5xx) is a reply of the bounce; the rest of the session is not.
    private mutating func transcriptEvent(_ event: ReplyEvent) {
        guard let replyClass = event.reply.effectiveClass, replyClass >= 4 else { return }
        add(Found(reply: event.reply, recipient: event.recipient ?? block?.recipient, relay: relay, line: event.line ?? 0))
    }
}
