/// Reads any input line by line and hands on every reply it finds as a `ReplyEvent`.
/// The format is given (`--format`) or detected from the first lines; memory stays
/// bounded by what one multi-line construct needs (a reply's continuation lines, one
/// message of a bounce), so a log of any length streams through.
///
/// Lines arrive without their line break, at most `ReplyParser.maximumLineBytes` long
/// (the reader cuts longer ones). Nothing here reads files: `InputReading` does.
public struct EventScanner {
    public private(set) var format: InputFormat?
    /// Lines that could not be read as part of the format (counted, never fatal).
    public private(set) var unparsableLines = 0
    /// STUB until the byte-level format readers land: lines are gathered and read by
    /// `ReplyFinder` at `finish`. The interface is the one they keep.
    private var pending: [String] = []
    private var firstLine = 1
    private let classifier: ReasonClassifier

    public init(format: InputFormat?, classifier: ReasonClassifier) {
        self.format = format
        self.classifier = classifier
    }

    /// Reads one line (`number` is 1-based), calling `emit` for each reply it completes.
    public mutating func feed(_ line: Span<UInt8>, number: Int, emit: (ReplyEvent) -> Void) {
        if pending.isEmpty { firstLine = number }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(line.count)
        for index in 0..<line.count { bytes.append(line[index]) }
        pending.append(String(decoding: bytes, as: UTF8.self))
    }

    /// The input has ended: emits what was still being gathered.
    public mutating func finish(emit: (ReplyEvent) -> Void) {
        let format = self.format ?? .reply
        for reply in ReplyFinder.replies(in: pending.joined(separator: "\n"), classifier: classifier) {
            emit(ReplyEvent(reply: reply, outcome: Outcome.implied(by: reply), format: format, line: firstLine))
        }
        pending = []
    }
}
