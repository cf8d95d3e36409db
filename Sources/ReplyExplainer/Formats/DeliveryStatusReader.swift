/// The `message/delivery-status` part of an RFC 3464 report, line by line: a block of
/// per-message fields, then one block per recipient (blank lines between), fields
/// unfolded. Each recipient block gives one event: the reply of its `Diagnostic-Code`
/// (or, without one, a reply of the `Status` code alone), the `Final-Recipient` (else
/// `Original-Recipient`), the `Action`, the `Remote-MTA` and the `Last-Attempt-Date`.
struct DeliveryStatusReader {
    /// One recipient block, as read so far.
    struct Block {
        var line: Int
        var finalRecipient: String?
        var originalRecipient: String?
        var action: String?
        var status: String?
        var diagnostic: [UInt8]?
        var remoteMTA: String?
        var lastAttempt: Int64?

        var isRecipientBlock: Bool { finalRecipient != nil || originalRecipient != nil || action != nil || status != nil }
    }

    private enum Field: Int, CaseIterable {
        case finalRecipient, originalRecipient, action, status, diagnosticCode, remoteMTA, lastAttemptDate
    }

    private static let names: [[UInt8]] = ["final-recipient:", "original-recipient:", "action:", "status:", "diagnostic-code:",
                                           "remote-mta:", "last-attempt-date:"].map(ASCII.bytes)

    private var block: Block?
    private var field: Field?
    private var value: [UInt8] = []
    /// Finished recipient blocks, read by the message at its end.
    private(set) var blocks: [Block] = []
    private(set) var droppedBlocks = 0
    /// Recipient blocks with nothing to report (no status, no action, no diagnostic).
    private(set) var emptyBlocks = 0

    static let maximumBlocks = 1000

    mutating func read(_ line: Span<UInt8>, number: Int) {
        let count = line.count
        if line.trimmingBlanks(0..<count).isEmpty {
            endBlock()
            return
        }
        if ASCII.isBlank(line[0]) {
            // A folded field goes on (a Diagnostic-Code over several lines).
            if field != nil, value.count < ReplyParser.maximumLineBytes {
                value.append(0x20)
                value.append(line, line.trimmingBlanks(0..<count))
            }
            return
        }
        endField()
        if block == nil { block = Block(line: number) }
        for (index, name) in Self.names.enumerated() where line.hasIgnoringCase(name, at: 0) {
            field = Field(rawValue: index)
            value = line.bytes(line.trimmingBlanks(name.count..<count))
            return
        }
    }

    mutating func finish() { endBlock() }

    private mutating func endField() {
        guard let field, var current = block else {
            self.field = nil
            return
        }
        self.field = nil
        let value = self.value
        let span = value.span
        let all = 0..<span.count
        switch field {
        case .finalRecipient: current.finalRecipient = Self.typed(span)
        case .originalRecipient: current.originalRecipient = Self.typed(span)
        case .action:
            let word = span.trimmingBlanks(0..<span.endOfWord(from: 0, to: span.count))
            current.action = word.isEmpty ? nil : String(decoding: span.bytes(word).map(ASCII.lowered), as: UTF8.self)
        case .status:
            if let end = ReplyText.enhancedCode(span, 0, span.count, strict: false) { current.status = span.string(0..<end) }
        case .diagnosticCode: current.diagnostic = value
        case .remoteMTA:
            let semicolon = span.firstIndex(of: UInt8(ascii: ";"), in: all)
            current.remoteMTA = RelayName.read(span, (semicolon.map { $0 + 1 } ?? 0)..<span.count)
        case .lastAttemptDate: current.lastAttempt = Timestamps.rfc5322(span, all)
        }
        block = current
    }

    /// The address of `rfc822; u@example.com` (the type before `;` dropped).
    private static func typed(_ value: Span<UInt8>) -> String? {
        let semicolon = value.firstIndex(of: UInt8(ascii: ";"), in: 0..<value.count)
        return MailAddress.read(value, (semicolon.map { $0 + 1 } ?? 0)..<value.count)
    }

    private mutating func endBlock() {
        endField()
        guard let finished = block else { return }
        block = nil
        guard finished.isRecipientBlock else { return }
        if finished.status == nil && finished.action == nil && finished.diagnostic == nil {
            emptyBlocks += 1
        } else if blocks.count < Self.maximumBlocks {
            blocks.append(finished)
        } else {
            droppedBlocks += 1
        }
    }

    /// The reply a block reports: its Diagnostic-Code read as a reply (`smtp; 550 5.1.1 …`; the
    /// type before `;` dropped), the Status filling a missing enhanced code; without a
    /// diagnostic, the Status alone.
    static func reply(of block: Block) -> ParsedReply {
        guard let diagnostic = block.diagnostic else {
            return ParsedReply(replyCode: nil, enhancedCode: block.status, command: nil, text: "")
        }
        let span = diagnostic.span
        var start = 0
        if let semicolon = span.firstIndex(of: UInt8(ascii: ";"), in: 0..<min(span.count, 24)),
           span.firstIndex(of: 0x20, in: 0..<semicolon) == nil {
            start = semicolon + 1
        }
        let text = span.trimmingBlanks(start..<span.count)
        let command = ReplyCommand.find(in: span, text)
        let codes = ReplyText.codes(span, text)
        if codes.basic != nil || codes.enhanced != nil {
            return ReplyText.reply(span, text, status: block.status, command: command)
        }
        return ParsedReply(replyCode: nil, enhancedCode: block.status, command: command, text: ReplyText.cleaned(span, text))
    }

    /// What the Action says became of the message: failed → bounced, delayed → deferred,
    /// delivered, relayed and expanded → delivered; without one, the class of the Status.
    static func outcome(of block: Block) -> Outcome {
        switch block.action {
        case "failed"?: return .bounced
        case "delayed"?: return .deferred
        case "delivered"?, "relayed"?, "expanded"?: return .delivered
        default:
            switch block.status?.first {
            case "5"?: return .bounced
            case "4"?: return .deferred
            case "2"?: return .delivered
            default: return .unknown
            }
        }
    }
}
