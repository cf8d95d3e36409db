import ArgumentParser
import Foundation
import InputReading
import ReplyExplainer
import SMTPCatalog

/// `--format`: a format named, or `auto` to have it detected from the first lines.
enum FormatChoice: String, ExpressibleByArgument, CaseIterable {
    case auto, reply, postfix, exim, sendmail, mail, transcript

    var format: InputFormat? { self == .auto ? nil : InputFormat(rawValue: rawValue) }

    static let help = "Input format: auto (detected), reply, postfix, exim, sendmail, mail (a DSN or an mbox of bounces) or transcript (an SMTP session)."
}

extension TriageGrouping: ExpressibleByArgument {}

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

/// Reads inputs line by line (`InputReading`) into `EventScanner` and hands on every reply
/// found as a `ReplyEvent`, as soon as it is complete: the one path from bytes to replies for
/// `explain` and `triage`.
struct EventInput {
    let classifier: ReasonClassifier
    let format: InputFormat?
    /// The most bytes of text read from one input (nil: all of it).
    var contentLimit: Int?
    /// Told after each chunk (bytes read, total when known); `triage` shows progress, and both flush output there.
    var progress: ((InputSource, InputProgress) -> Void)?
    /// When a pipe has nothing more to read yet, hand on the replies the scanner holds only in
    /// case later lines change them (`EventScanner.settle`), before `progress` is told: the
    /// streaming outputs answer a line while its writer waits (docs/decisions.md, flush policy).
    var settlesWhenInputWaits = false

    private var reader: LineReader {
        LineReader(maximumLineBytes: ReplyParser.maximumLineBytes, contentLimit: contentLimit)
    }

    /// Reads a file or standard input. A source that cannot be read, or whose gzip data is
    /// damaged, ends with `failure` set; the replies before the damage have been handed on.
    /// Errors thrown by `emit` (output failures) end the read and come out as they are.
    func read(_ source: InputSource, emit: (ReplyEvent) throws -> Void) throws -> EventInputResult {
        var scanner = EventScanner(format: format, classifier: classifier)
        var result = EventInputResult(source: source)
        var pending: [ReplyEvent] = []
        // The progress callback cannot throw: an output failure met while settling there is
        // kept and thrown from the next line, or once the read ends.
        var settleFailure: Error?
        let progress = self.progress, settles = settlesWhenInputWaits
        do {
            // The reader's progress callback is stored as an optional, so formally escaping.
            result.summary = try withoutActuallyEscaping(emit) { emit in
                let told: ((InputProgress) -> Void)? = progress == nil && !settles ? nil : { state in
                    if settles, state.inputWaits, settleFailure == nil {
                        scanner.settle { pending.append($0) }
                        do { try deliver(&pending, &result, emit) } catch { settleFailure = error }
                    }
                    progress?(source, state)
                }
                return try reader.read(source, progress: told) { line, number in
                    if let settleFailure { throw settleFailure }
                    scanner.feed(line, number: number) { pending.append($0) }
                    try deliver(&pending, &result, emit)
                }
            }
            if let settleFailure { throw settleFailure }
        } catch let failure as InputFailure {
            result.failure = failure
            result.summary = failure.summary
        }
        scanner.finish { pending.append($0) }
        try deliver(&pending, &result, emit)
        result.format = scanner.format
        result.unparsableLines = scanner.unparsableLines
        return result
    }

    /// Reads text given on the command line as if it were an input of its own.
    func read(text: String, emit: (ReplyEvent) throws -> Void) throws -> EventInputResult {
        var scanner = EventScanner(format: format, classifier: classifier)
        var result = EventInputResult()
        var pending: [ReplyEvent] = []
        result.summary = try reader.read(bytes: Array(text.utf8), name: "arguments") { line, number in
            scanner.feed(line, number: number) { pending.append($0) }
            try deliver(&pending, &result, emit)
        }
        scanner.finish { pending.append($0) }
        try deliver(&pending, &result, emit)
        result.format = scanner.format
        result.unparsableLines = scanner.unparsableLines
        return result
    }

    /// The scanner's `emit` cannot throw, so what it completes is handed on right after.
    private func deliver(_ pending: inout [ReplyEvent], _ result: inout EventInputResult, _ emit: (ReplyEvent) throws -> Void) throws {
        guard !pending.isEmpty else { return }
        let events = pending
        pending.removeAll(keepingCapacity: true)
        for event in events {
            result.replies += 1
            try emit(event)
        }
    }
}

/// Standard output written in blocks rather than a system call per line; flushed when the
/// block is full, when the reader is about to wait for more input, and at the end. A terminal
/// gets each line at once.
final class BufferedOutput {
    private var buffer: [UInt8] = []
    private let lineByLine: Bool
    static let blockBytes = 1 << 16

    init(lineByLine: Bool) {
        self.lineByLine = lineByLine
        buffer.reserveCapacity(Self.blockBytes)
    }

    /// Adds `line` and a line break.
    func write(_ line: String) throws(OutputFailure) {
        buffer.append(contentsOf: line.utf8)
        buffer.append(0x0A)
        if lineByLine || buffer.count >= Self.blockBytes { try flush() }
    }

    func flush() throws(OutputFailure) {
        guard !buffer.isEmpty else { return }
        let bytes = buffer
        buffer.removeAll(keepingCapacity: true)
        try Output.write(String(decoding: bytes, as: UTF8.self), to: STDOUT_FILENO)
    }
}

/// The progress line on standard error while a large input is read: only when standard error
/// is a terminal and the input is over `threshold` bytes (or, of unknown size, has passed it).
/// Redrawn at most five times a second, with carriage returns and spaces only (no escape
/// sequences, so even a dumb terminal shows it), and cleared at the end.
final class ProgressLine {
    static let threshold = 16 << 20
    private let enabled: Bool
    private var shownWidth = 0
    private var lastDrawn: UInt64 = 0

    init(environment: [String: String] = ProcessInfo.processInfo.environment) {
        enabled = isatty(STDERR_FILENO) == 1 && environment["TERM"] != "dumb"
    }

    func update(_ source: InputSource, _ progress: InputProgress) {
        guard enabled, max(progress.totalBytes ?? 0, progress.bytesRead) > Self.threshold else { return }
        let now = DispatchTime.now().uptimeNanoseconds
        guard now - lastDrawn > 200_000_000 || shownWidth == 0 else { return }
        lastDrawn = now
        let read = progress.bytesRead >> 20
        var text = "reading \(SafeText.visible(source.name)): \(read) MiB"
        if let total = progress.totalBytes, total > 0 {
            text += " of \(total >> 20) MiB (\(min(100, progress.bytesRead * 100 / total))%)"
        }
        let width = Output.terminalWidth(isTerminal: true, environment: [:], descriptor: STDERR_FILENO) - 1
        if text.count > width { text = String(text.suffix(max(10, width))) }
        draw(text)
    }

    /// Removes the line, so that what follows starts on a clean line.
    func clear() {
        guard shownWidth > 0 else { return }
        try? Output.write("\r" + String(repeating: " ", count: shownWidth) + "\r", to: STDERR_FILENO)
        shownWidth = 0
    }

    private func draw(_ text: String) {
        let padding = String(repeating: " ", count: max(0, shownWidth - text.count))
        try? Output.write("\r" + text + padding, to: STDERR_FILENO)
        shownWidth = max(shownWidth, text.count)
    }
}
