import FoundationEssentials

/// Reads any input line by line and hands on every reply it finds as a `ReplyEvent`.
/// The format is given (`--format`) or detected from the first lines; memory stays
/// bounded by what one multi-line construct needs (a reply's continuation lines, one
/// message of a bounce), so a log of any length streams through.
///
/// Lines arrive without their line break, at most `ReplyParser.maximumLineBytes` long
/// (the reader cuts longer ones; so does `feed`, which also drops the CR of a CRLF).
/// Nothing here reads files: `InputReading` does. The readers live in Formats/, one
/// per format; docs/formats.md describes what each reads.
public struct EventScanner {
    /// The format given, or the one detected (nil until the first lines decide it).
    public private(set) var format: InputFormat?
    /// Lines that looked like the format but could not be read (counted, never fatal). In
    /// mail, the lines of parts that could not be read (see `unparsableParts`).
    public var unparsableLines: Int {
        (postfix?.unparsable ?? 0) + (exim?.unparsable ?? 0) + (sendmail?.unparsable ?? 0)
            + (transcript?.unparsable ?? 0) + (mail?.unparsableLines ?? 0)
    }
    /// Mail only: messages and MIME parts that could not be read wholly (over a cap, a
    /// broken encoding, a multipart never closed); the rest of the input is still read.
    public var unparsableParts: Int { mail?.unparsableParts ?? 0 }

    private let classifier: ReasonClassifier
    private let delivered: DeliveredDetail
    /// Now, in seconds since 1970: the year of syslog times without one.
    private let reference: Int64
    private var detector = FormatDetector()
    /// Lines read while the format is being detected, replayed once it is known.
    private var held: [(bytes: [UInt8], number: Int)] = []

    private var postfix: PostfixReader?
    private var exim: EximReader?
    private var sendmail: SendmailReader?
    private var transcript: TranscriptReader?
    private var mail: MailReader?
    private var replies: ReplyStream?

    public init(format: InputFormat?, classifier: ReasonClassifier, delivered: DeliveredDetail = .full) {
        self.init(format: format, classifier: classifier, delivered: delivered, reference: Int64(Date().timeIntervalSince1970))
    }

    /// `reference` stands for now: syslog times, which carry no year, get its year.
    init(format: InputFormat?, classifier: ReasonClassifier, delivered: DeliveredDetail = .full, reference: Int64) {
        self.classifier = classifier
        self.delivered = delivered
        self.reference = reference
        if let format { start(format) }
    }

    /// Reads one line (`number` is 1-based), calling `emit` for each reply it completes.
    public mutating func feed(_ line: Span<UInt8>, number: Int, emit: (ReplyEvent) -> Void) {
        var end = Self.cut(line)
        // A CRLF file's CR goes with the line break.
        if end > 0, line[end - 1] == 0x0D { end -= 1 }
        let line = line.extracting(0..<end)
        guard format != nil else {
            detect(line, number: number, emit: emit)
            return
        }
        read(line, number: number, emit: emit)
    }

    /// The input has ended: emits what was still being gathered.
    public mutating func finish(emit: (ReplyEvent) -> Void) {
        if format == nil { decide(.reply, emit: emit) }
        transcript?.finish(emit: emit)
        mail?.finish(emit: emit)
        replies?.finish(emit: emit)
    }

    /// The input paused (a pipe with nothing more to read yet): emits what is held only in
    /// case later lines change it, so that a writer waiting for the answer gets it. Detection
    /// settles on replies if a line opened with a reply code (else it keeps looking: a
    /// log's first lines may be another program's); plain replies are emitted without
    /// waiting for status fields further on, and a reply still taking `550-` lines stays.
    /// On inputs that do not pause the result is the same as without it.
    public mutating func settle(emit: (ReplyEvent) -> Void) {
        if format == nil, detector.sawReplyLine { decide(.reply, emit: emit) }
        replies?.settle(emit: emit)
    }

    /// The length of a line cut to `ReplyParser.maximumLineBytes` at a UTF-8 character boundary.
    private static func cut(_ line: Span<UInt8>) -> Int {
        guard line.count > ReplyParser.maximumLineBytes else { return line.count }
        var end = ReplyParser.maximumLineBytes
        while end > 0, line[end] & 0xC0 == 0x80 { end -= 1 }
        return end
    }

    private mutating func detect(_ line: Span<UInt8>, number: Int, emit: (ReplyEvent) -> Void) {
        held.append((line.bytes(0..<line.count), number))
        if let found = detector.look(at: line) {
            decide(found, emit: emit)
        } else if detector.isExhausted {
            decide(.reply, emit: emit)
        }
    }

    private mutating func decide(_ found: InputFormat, emit: (ReplyEvent) -> Void) {
        start(found)
        let lines = held
        held = []
        for (bytes, number) in lines { read(bytes.span, number: number, emit: emit) }
    }

    private mutating func start(_ format: InputFormat) {
        self.format = format
        switch format {
        case .postfix: postfix = PostfixReader(reference: reference, delivered: delivered)
        case .exim: exim = EximReader()
        case .sendmail: sendmail = SendmailReader(reference: reference)
        case .transcript: transcript = TranscriptReader()
        case .mail: mail = MailReader()
        case .reply: replies = ReplyStream(classifier: classifier)
        }
    }

    private mutating func read(_ line: Span<UInt8>, number: Int, emit: (ReplyEvent) -> Void) {
        switch format {
        case .postfix?: postfix!.read(line, number: number, emit: emit)
        case .exim?: exim!.read(line, number: number, emit: emit)
        case .sendmail?: sendmail!.read(line, number: number, emit: emit)
        case .transcript?: transcript!.read(line, number: number, emit: emit)
        case .mail?: mail!.read(line, number: number, emit: emit)
        case .reply?: replies!.read(line, number: number, emit: emit)
        case nil: break
        }
    }
}
