import InputReading
import ReplyExplainer

/// What was read from one input, and what stopped it early if anything did.
struct EventInputResult {
    var source: InputSource?
    var format: InputFormat?
    var summary = ReadSummary()
    var unparsableLines = 0
    var replies = 0
    var failure: InputFailure?

    /// For the report: names as on the command line (`-` for standard input).
    func triageInput() -> TriageInput {
        TriageInput(name: source?.argument ?? "-", format: format, lines: summary.lines, unparsableLines: unparsableLines,
                    cutLines: summary.cutLines, replies: replies, problem: failure?.description)
    }
}

/// Replies in the order found, handed on together; `flush` when the reader has just finished
/// a chunk and may wait for the next (output buffered downstream should go out then).
struct ReplyBatch {
    var events: [ReplyEvent] = []
    var flush = false
    /// Replies per batch: enough to make a hand-over between threads cheap, few enough to keep memory small.
    static let size = 512
}

/// Reads inputs line by line (`InputReading`) into `EventScanner` and hands on every reply
/// found as a `ReplyEvent`, in order: the one path from bytes to replies for `explain`,
/// `triage` and the explorer's `--log`.
struct EventInput {
    let classifier: ReasonClassifier
    let format: InputFormat?
    /// The most bytes of text read from one input (nil: all of it).
    var contentLimit: Int?
    /// Told after each chunk (bytes read, total when known), on the reading thread: `triage` shows progress.
    var progress: ((InputSource, InputProgress) -> Void)?
    /// When a pipe has nothing more to read yet, hand on the replies the scanner holds only in
    /// case later lines change them (`EventScanner.settle`), before `progress` is told: the
    /// streaming outputs answer a line while its writer waits (docs/decisions.md, flush policy).
    var settlesWhenInputWaits = false
    /// How much of a delivered reply to read: `triage`'s report counts only its outcome and time.
    var delivered = DeliveredDetail.full

    private var reader: LineReader {
        LineReader(maximumLineBytes: ReplyParser.maximumLineBytes, contentLimit: contentLimit)
    }

    /// Reads a file or standard input. A source that cannot be read, or whose gzip data is
    /// damaged, ends with `failure` set; the replies before the damage have been handed on.
    /// Errors thrown by `emit` (output failures) end the read and come out as they are.
    func read(_ source: InputSource, emit: (ReplyEvent) throws -> Void) throws -> EventInputResult {
        try read(source) { batch in
            for event in batch.events { try emit(event) }
        }
    }

    /// Like `read(_:emit:)`, but `emit` and `flush` run on a second thread while this one reads
    /// and scans (`BatchPipeline`), so that classifying and counting overlap with reading.
    /// `flush` runs after the replies of each chunk read, before the reader may wait for more.
    func readConcurrently(
        _ source: InputSource, emit: @escaping (ReplyEvent) throws -> Void, flush: @escaping () throws -> Void
    ) throws -> EventInputResult {
        try BatchPipeline.run(consume: { (batch: ReplyBatch) in
            for event in batch.events { try emit(event) }
            if batch.flush { try flush() }
        }, produce: { send in
            try read(source, deliver: send)
        })
    }

    /// Reads text given on the command line as if it were an input of its own.
    func read(text: String, emit: (ReplyEvent) throws -> Void) throws -> EventInputResult {
        var batcher = ReplyBatcher(format: format, classifier: classifier, delivered: delivered)
        func deliver(_ batch: ReplyBatch) throws { for event in batch.events { try emit(event) } }
        let summary = try reader.read(bytes: Array(text.utf8), name: "arguments") { line, number in
            try batcher.line(line, number: number, deliver: deliver)
        }
        return try batcher.finish(summary, deliver: deliver)
    }

    private func read(_ source: InputSource, deliver: (ReplyBatch) throws -> Void) throws -> EventInputResult {
        var batcher = ReplyBatcher(format: format, classifier: classifier, delivered: delivered)
        let progress = self.progress, settles = settlesWhenInputWaits
        var summary: ReadSummary
        do {
            summary = try withoutActuallyEscaping(deliver) { deliver in
                try reader.read(source, progress: { state in
                    if settles, state.inputWaits { batcher.settle() }
                    progress?(source, state)
                    batcher.chunkDone(deliver: deliver)
                }, line: { line, number in
                    try batcher.line(line, number: number, deliver: deliver)
                })
            }
        } catch let failure as InputFailure {
            batcher.result.failure = failure
            summary = failure.summary
        }
        var result = try batcher.finish(summary, deliver: deliver)
        result.source = source
        return result
    }
}

/// Lines through the scanner, and the replies it completes handed on in batches: full
/// batches as they fill, the rest after each chunk read and at the end, flushed.
private struct ReplyBatcher {
    var scanner: EventScanner
    var result = EventInputResult()
    private var batch = ReplyBatch()
    /// A failure to deliver after a chunk (whose callback cannot throw), thrown at the next line.
    private var deferredFailure: (any Error)?

    init(format: InputFormat?, classifier: ReasonClassifier, delivered: DeliveredDetail) {
        scanner = EventScanner(format: format, classifier: classifier, delivered: delivered)
        batch.events.reserveCapacity(ReplyBatch.size)
    }

    mutating func line(_ line: Span<UInt8>, number: Int, deliver: (ReplyBatch) throws -> Void) throws {
        if let failure = deferredFailure { throw failure }
        scanner.feed(line, number: number) { batch.events.append($0) }
        if batch.events.count >= ReplyBatch.size { try send(flush: false, deliver) }
    }

    /// The input waits: the replies the scanner holds in case later lines change them are
    /// taken now (`EventScanner.settle`), to go out with this chunk's.
    mutating func settle() {
        scanner.settle { batch.events.append($0) }
    }

    mutating func chunkDone(deliver: (ReplyBatch) throws -> Void) {
        guard deferredFailure == nil else { return }
        do { try send(flush: true, deliver) } catch { deferredFailure = error }
    }

    /// The input has ended (or failed, `result.failure` set): hands on the rest.
    mutating func finish(_ summary: ReadSummary, deliver: (ReplyBatch) throws -> Void) throws -> EventInputResult {
        if let failure = deferredFailure { throw failure }
        scanner.finish { batch.events.append($0) }
        try send(flush: true, deliver)
        result.summary = summary
        result.format = scanner.format
        result.unparsableLines = scanner.unparsableLines
        return result
    }

    private mutating func send(flush: Bool, _ deliver: (ReplyBatch) throws -> Void) throws {
        guard !batch.events.isEmpty || flush else { return }
        batch.flush = flush
        result.replies += batch.events.count
        let full = batch
        batch.events.removeAll(keepingCapacity: true)
        try deliver(full)
    }
}
