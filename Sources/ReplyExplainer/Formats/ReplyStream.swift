/// Plain replies read line by line, as `ReplyFinder` reads pasted text, without holding
/// the input: each line through `ReplyLineReader`, a line naming a command but holding
/// no reply handing its command to the next reply, `550-` continuation lines joined to
/// the reply they continue, status fields (`Status: 5.1.1`, `dsn=5.1.1`) given to the
/// nearest reply without an enhanced code, and, when the whole input held no reply, the
/// first lines as one reply without codes if a rule knows their words.
///
/// `ReplyParser` decides status fields over the whole text; here a reply is settled
/// once `ReplyParser.statusFieldReach` (64) further replies have been read, and an
/// enhanced code counts as carried by another reply only within that window. On
/// inputs of up to 64 replies the two agree.
struct ReplyStream {
    struct Pending {
        var lines: ReplyLines
        var isStatusField: Bool
        var dropped = false
        var isCoded: Bool { lines.code != nil }
    }

    private let classifier: ReasonClassifier
    private var pendingCommand: String?
    /// The reply still taking continuation lines.
    private var open: Pending?
    /// Joined replies, oldest first; `window[0]` is reply number `base`.
    private var window: [Pending] = []
    private var base = 0
    /// The next reply whose status field (if it is one) is to be decided.
    private var nextDecision = 0
    private var sawReply = false
    /// Replies joined so far (continuation lines merged); while it stays within `reach`, the
    /// stream reads exactly as `ReplyFinder` does.
    private(set) var joined = 0
    /// The first lines, kept until a reply turns up (for the reply without codes).
    private var firstLines: [(text: String, line: Int)] = []
    private var nonEmptyLines = 0

    static let reach = ReplyParser.statusFieldReach
    static let diagnosticLines = 16

    init(classifier: ReasonClassifier) { self.classifier = classifier }

    /// Reads one input line (line breaks inside it, CR, VT or FF, split it further, as `ReplyParser.lines(of:)` does).
    mutating func read(_ line: Span<UInt8>, number: Int, emit: (ReplyEvent) -> Void) {
        var start = 0
        for index in 0...line.count {
            guard index == line.count || (line[index] >= 0x0A && line[index] <= 0x0D) else { continue }
            if index > start { readPiece(line.extracting(start..<index), number: number, emit: emit) }
            start = index + 1
        }
    }

    private mutating func readPiece(_ line: Span<UInt8>, number: Int, emit: (ReplyEvent) -> Void) {
        if !sawReply, nonEmptyLines < Self.diagnosticLines {
            nonEmptyLines += 1
            let text = ReplyParser.withoutStrayClosers(line.string(0..<line.count))
            if !text.isEmpty { firstLines.append((text, number)) }
        }
        var found = ReplyLineReader.read(line)
        guard !found.isEmpty else {
            pendingCommand = ReplyCommand.find(in: line, 0..<line.count) ?? pendingCommand
            return
        }
        if !sawReply {
            sawReply = true
            firstLines = []
        }
        if found[0].command == nil, let pending = pendingCommand { found[0].command = pending }
        pendingCommand = nil
        for item in found {
            let codes = ReplyText.Codes(basic: item.code, continues: item.continues, enhanced: item.enhanced, textStart: 0)
            if var current = open, current.lines.continues, current.lines.code == item.code {
                current.lines.append(codes, text: item.text)
                current.lines.command = current.lines.command ?? item.command
                open = current
                continue
            }
            if let finished = open { settle(finished, emit: emit) }
            open = Pending(lines: ReplyLines(codes, text: item.text, command: item.command, line: number), isStatusField: item.isStatusField)
        }
    }

    /// The input has ended: decides and emits what is still held.
    mutating func finish(emit: (ReplyEvent) -> Void) {
        if let finished = open { settle(finished, emit: emit) }
        open = nil
        while nextDecision < base + window.count { decide(nextDecision) }
        for item in window where !item.dropped { emitReply(item, emit: emit) }
        window = []
        if !sawReply, !firstLines.isEmpty {
            let candidate = ParsedReply(replyCode: nil, enhancedCode: nil, command: nil,
                                        text: firstLines.map(\.text).joined(separator: "\n"))
            if classifier.classify(candidate).rule != nil {
                emit(ReplyEvent(reply: candidate, outcome: .unknown, format: .reply, line: firstLines[0].line))
            }
        }
        firstLines = []
    }

    /// The input paused: everything held is decided with what has been read and emitted,
    /// except a reply that its `550-` line says continues. A status field read after the
    /// pause can no longer reach back to the replies emitted here.
    mutating func settle(emit: (ReplyEvent) -> Void) {
        if let finished = open, !finished.lines.continues {
            open = nil
            settle(finished, emit: emit)
        }
        while nextDecision < base + window.count { decide(nextDecision) }
        for item in window where !item.dropped { emitReply(item, emit: emit) }
        base += window.count
        window = []
    }

    /// A joined reply enters the window; replies far enough behind are decided and emitted.
    private mutating func settle(_ item: Pending, emit: (ReplyEvent) -> Void) {
        joined += 1
        window.append(item)
        while nextDecision + Self.reach < base + window.count { decide(nextDecision) }
        while !window.isEmpty, base + Self.reach < nextDecision {
            let first = window.removeFirst()
            base += 1
            if !first.dropped { emitReply(first, emit: emit) }
        }
    }

    /// `ReplyParser.attachStatusFields` for one reply: an enhanced code without a basic code is
    /// dropped when a reply in the window carries it; a status field fills the nearest reply
    /// after it (else before it) that has a basic code and no enhanced one.
    private mutating func decide(_ number: Int) {
        let index = number - base
        nextDecision = number + 1
        let item = window[index]
        guard item.lines.code == nil, let code = item.lines.enhanced else { return }
        if window.contains(where: { $0.isCoded && $0.lines.enhanced == code }) {
            window[index].dropped = true
            return
        }
        guard item.isStatusField else { return }
        let window = self.window
        let isOpen = { (candidate: Int) in window[candidate].isCoded && window[candidate].lines.enhanced == nil }
        let after = (index + 1)..<min(window.count, index + 1 + Self.reach)
        let before = max(0, index - Self.reach)..<index
        guard let target = after.first(where: isOpen) ?? before.reversed().first(where: isOpen) else { return }
        self.window[target].lines.enhanced = code
        if window[target].lines.command == nil { self.window[target].lines.command = item.lines.command }
        self.window[index].dropped = true
    }

    private func emitReply(_ item: Pending, emit: (ReplyEvent) -> Void) {
        let reply = item.lines.reply()
        emit(ReplyEvent(reply: reply, outcome: Outcome.implied(by: reply), format: .reply, line: item.lines.line))
    }
}
