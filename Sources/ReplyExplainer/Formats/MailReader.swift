/// Bounce messages: one RFC 5322 message, or an mbox of them (`From ` lines after a
/// blank line separate messages), read one message at a time. Headers are unfolded;
/// MIME multiparts are followed through their boundaries (nested ones too, up to
/// `maximumDepth`); base64 and quoted-printable parts are decoded. The
/// `message/delivery-status` part gives one event per recipient block; the plain-text
/// parts (or the body of a message that is not MIME) are read for the words of bounces
/// that are not RFC 3464 reports, which give the events when no delivery-status part does.
/// The original message a bounce returns (`message/rfc822`, `text/rfc822-headers`) is not read.
///
/// Caps keep one message's memory bounded whatever it holds (docs/formats.md): a header
/// block of `MailHeaders.maximumBytes`, `maximumPartBytes` of decoded text read per part,
/// `maximumParts` parts, `maximumDepth` nested multiparts, a thousand recipients. A
/// message that goes over one is counted in `unparsableParts`, the lines not read in
/// `unparsableLines`; the rest of it, and the messages after it, are still read.
struct MailReader {
    static let maximumPartBytes = 1 << 20
    static let maximumParts = 256
    static let maximumDepth = 8

    private(set) var unparsableLines = 0
    private(set) var unparsableParts = 0

    private var isMbox: Bool?
    private var previousBlank = true
    private var message: Message?

    private static let fromLine = ASCII.bytes("From ")


    /// What one part's body goes to.
    private enum Sink {
        case skip
        case deliveryStatus
        case text
    }

    private struct Part {
        var sink: Sink
        var decoder: BodyDecoder
        var bytes = 0
        var overflowed = false
        /// Counted in `unparsableParts` already.
        var broken = false
    }

    private struct Message {
        var line: Int
        var inHeaders = true
        /// The header block being read: the message's, then each part's.
        var headers = MailHeaders()
        var date: Int64?
        var failedRecipients: [UInt8]?
        /// Open multiparts, outermost first: their boundaries.
        var boundaries: [[UInt8]] = []
        var part: Part?
        var parts = 0
        var statusReader = DeliveryStatusReader()
        var textReader = BounceTextReader()
        var sawStatusPart = false
    }

    mutating func read(_ line: Span<UInt8>, number: Int, emit: (ReplyEvent) -> Void) {
        // CRLF files: the CR goes with the line break.
        var count = line.count
        if count > 0, line[count - 1] == 0x0D { count -= 1 }
        let line = line.extracting(0..<count)
        if isMbox == nil {
            guard count > 0 else { return }
            isMbox = line.has(Self.fromLine, at: 0)
        }
        defer { previousBlank = count == 0 }
        if isMbox == true, previousBlank, line.has(Self.fromLine, at: 0) {
            finishMessage(emit: emit)
            message = Message(line: number + 1)
            return
        }
        if message == nil {
            message = Message(line: number)
            // Not a message at all (a bounce's text pasted alone): all body.
            if !FormatDetector.isHeaderField(line) { endHeaders() }
        }
        if message!.inHeaders {
            if count == 0 {
                endHeaders()
            } else {
                message!.headers.add(line)
            }
            return
        }
        bodyLine(line, number: number)
    }

    mutating func finish(emit: (ReplyEvent) -> Void) {
        finishMessage(emit: emit)
    }

    // MARK: - Headers and parts

    /// The header block just read (the message's or a part's) decides where the body goes.
    private mutating func endHeaders() {
        message!.inHeaders = false
        let headers = message!.headers
        unparsableLines += headers.droppedLines
        if headers.droppedLines > 0 { unparsableParts += 1 }
        let isTop = message!.part == nil && message!.boundaries.isEmpty && message!.parts == 0
        if isTop {
            message!.date = headers[.date].flatMap { Timestamps.rfc5322($0.span, 0..<$0.count) }
            message!.failedRecipients = headers[.failedRecipients]
        }
        let type = headers[.contentType].flatMap { ContentType($0.span) } ?? .plainText
        let encoding = headers[.contentTransferEncoding].map { BodyDecoder.Encoding(field: $0.span) } ?? .identity
        message!.headers = MailHeaders()
        if type.isMultipart, let boundary = type.boundary {
            if message!.boundaries.count < Self.maximumDepth {
                message!.boundaries.append(boundary)
                message!.part = Part(sink: .skip, decoder: BodyDecoder(.identity))
            } else {
                // Too deep: read past as one opaque part.
                unparsableParts += 1
                message!.part = Part(sink: .skip, decoder: BodyDecoder(.identity))
            }
            return
        }
        let sink: Sink
        if type.isDeliveryStatus {
            sink = .deliveryStatus
            message!.sawStatusPart = true
        } else if type.isPlainText {
            sink = .text
        } else {
            sink = .skip
        }
        message!.part = Part(sink: sink, decoder: BodyDecoder(encoding))
    }

    /// A part that cannot be read wholly counts once, however many of its lines are lost.
    private mutating func markBroken(_ part: inout Part) {
        if !part.broken {
            part.broken = true
            unparsableParts += 1
        }
    }

    private mutating func bodyLine(_ line: Span<UInt8>, number: Int) {
        if !message!.boundaries.isEmpty, line.count >= 2, line[0] == UInt8(ascii: "-"), line[1] == UInt8(ascii: "-"),
           let (depth, closing) = boundary(line) {
            endPart(number: number)
            if depth + 1 < message!.boundaries.count {
                // Inner multiparts that never closed, each a part not read wholly.
                unparsableParts += message!.boundaries.count - depth - 1
                message!.boundaries.removeLast(message!.boundaries.count - depth - 1)
            }
            if closing {
                message!.boundaries.removeLast()
                message!.part = Part(sink: .skip, decoder: BodyDecoder(.identity))
                return
            }
            message!.parts += 1
            if message!.parts > Self.maximumParts {
                // One count for all the parts beyond the cap, which are passed over.
                if message!.parts == Self.maximumParts + 1 { unparsableParts += 1 }
                message!.part = Part(sink: .skip, decoder: BodyDecoder(.identity))
                return
            }
            message!.part = nil
            message!.inHeaders = true
            return
        }
        guard var part = message!.part else { return }
        message!.part = nil
        defer { message!.part = part }
        if part.sink == .skip { return }
        if part.overflowed {
            unparsableLines += 1
            return
        }
        part.bytes += line.count + 1
        if part.bytes > Self.maximumPartBytes {
            part.overflowed = true
            markBroken(&part)
            unparsableLines += 1
            return
        }
        let broken = part.decoder.brokenLines
        let sink = part.sink
        part.decoder.feed(line) { decoded in deliver(decoded, to: sink, number: number) }
        if part.decoder.brokenLines > broken {
            unparsableLines += part.decoder.brokenLines - broken
            markBroken(&part)
        }
    }

    /// Which open multipart a `--boundary` line belongs to (innermost first), and whether it closes it.
    private func boundary(_ line: Span<UInt8>) -> (depth: Int, closing: Bool)? {
        var end = line.count
        while end > 2, ASCII.isBlank(line[end - 1]) { end -= 1 }
        for depth in message!.boundaries.indices.reversed() {
            let boundary = message!.boundaries[depth]
            guard end >= boundary.count + 2, line.has(boundary, at: 2) else { continue }
            if end == boundary.count + 2 { return (depth, false) }
            if end == boundary.count + 4, line[end - 2] == UInt8(ascii: "-"), line[end - 1] == UInt8(ascii: "-") { return (depth, true) }
        }
        return nil
    }

    private mutating func deliver(_ line: Span<UInt8>, to sink: Sink, number: Int) {
        switch sink {
        case .deliveryStatus: message!.statusReader.read(line, number: number)
        case .text: message!.textReader.read(line, number: number)
        case .skip: break
        }
    }

    private mutating func endPart(number: Int) {
        guard var part = message!.part else { return }
        message!.part = nil
        let sink = part.sink
        part.decoder.finish { decoded in deliver(decoded, to: sink, number: number) }
        if sink == .deliveryStatus { message!.statusReader.read(Span(), number: number) }
    }

    // MARK: - The message's events

    private mutating func finishMessage(emit: (ReplyEvent) -> Void) {
        guard message != nil else { return }
        if message!.inHeaders { endHeaders() }
        endPart(number: 0)
        // Multiparts never closed: what they held is read, but the message is cut short.
        unparsableParts += message!.boundaries.count
        var status = message!.statusReader
        status.finish()
        var text = message!.textReader
        text.finish()
        let current = message!
        message = nil
        if status.droppedBlocks + text.droppedFinds > 0 { unparsableParts += 1 }
        unparsableLines += status.emptyBlocks
        let texts = Self.deduplicated(text.found)
        if !status.blocks.isEmpty {
            for block in status.blocks {
                var reply = DeliveryStatusReader.reply(of: block)
                let recipient = block.finalRecipient ?? block.originalRecipient
                // The human-readable part may say more of the same recipient's reply (the command, the words).
                if let match = texts.first(where: { $0.recipient?.lowercased() == recipient?.lowercased() && recipient != nil }) {
                    if block.diagnostic == nil {
                        reply = ParsedReply(replyCode: match.reply.replyCode, enhancedCode: match.reply.enhancedCode ?? block.status,
                                            command: match.reply.command, text: match.reply.text)
                    } else if reply.command == nil, match.reply.replyCode == reply.replyCode {
                        reply.command = match.reply.command
                    }
                }
                emit(ReplyEvent(reply: reply, recipient: recipient, dsnAction: block.action,
                                outcome: DeliveryStatusReader.outcome(of: block), relay: block.remoteMTA,
                                timestamp: block.lastAttempt ?? current.date, format: .mail, line: block.line))
            }
            return
        }
        let delayed = text.saysDelayed && !text.saysPermanent
        let failed = current.failedRecipients.flatMap { value -> String? in
            let span = value.span
            return span.firstIndex(of: UInt8(ascii: ","), in: 0..<span.count) == nil ? MailAddress.read(span, 0..<span.count) : nil
        }
        for item in texts {
            let outcome: Outcome = item.reply.effectiveClass == 2 ? .delivered : delayed ? .deferred : .bounced
            emit(ReplyEvent(reply: item.reply, recipient: item.recipient ?? failed, outcome: outcome, relay: item.relay,
                            timestamp: current.date, format: .mail, line: item.line))
        }
    }

    /// One reply per recipient where a bounce repeats itself (Sendmail's `(reason: …)` and its
    /// transcript, Exchange's two accounts): a reply naming its command first, then one with
    /// codes, then the first. Replies without a recipient all stay.
    static func deduplicated(_ found: [BounceTextReader.Found]) -> [BounceTextReader.Found] {
        var result: [BounceTextReader.Found] = []
        var byRecipient: [String: Int] = [:]
        for item in found {
            guard let recipient = item.recipient?.lowercased() else {
                result.append(item)
                continue
            }
            guard let index = byRecipient[recipient] else {
                byRecipient[recipient] = result.count
                result.append(item)
                continue
            }
            let kept = result[index].reply
            let rank = { (reply: ParsedReply) in (reply.command != nil ? 2 : 0) + (reply.replyCode != nil || reply.enhancedCode != nil ? 1 : 0) }
            if rank(item.reply) > rank(kept) {
                var better = item
                better.line = min(better.line, result[index].line)
                result[index] = better
            }
        }
        return result
    }
}
