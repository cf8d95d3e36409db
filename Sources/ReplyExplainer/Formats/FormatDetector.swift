/// Decides the format of an input from its first lines (up to `budget` bytes), line by
/// line, the first rule that fires deciding (docs/formats.md, "Detection"):
///
/// 1. transcript: a transcript marker (`<-`, ` ->`, `<**`, `>>>`, `<<<`, `C:`, `S:`,
///    `SMTP: >>>`, `CLIENT -> SERVER:`) before a reply or a command, or `CONNECTED(`
///    (looked for first: `S: 220 …` also looks like a header field);
/// 2. mail: the first line is an mbox `From ` line, or the input opens with RFC 5322
///    header fields among which one says bounce (`Content-Type: multipart/report` or
///    `message/delivery-status`, a bounce subject, a `From:` of MAILER-DAEMON or
///    postmaster, Exim's `X-Failed-Recipients:`);
/// 3. postfix: a syslog line of a `postfix…/…` program;
/// 4. sendmail: a syslog line of `sendmail`, `sm-mta` or `sm-msp-queue`;
/// 5. exim: an Exim main log line, a message id then `<=`, `=>`, `->`, `>>`, `*>`, `**` or `==`;
/// 6. transcript: a typed command (`EHLO`, `MAIL FROM:`, `RCPT TO:`) and a reply line both seen;
/// 7. otherwise, once the budget is read or the input ends: reply.
struct FormatDetector {
    static let budget = 65_536

    private(set) var bytesSeen = 0
    private var sawLine = false
    /// The input opened with header fields and their block has not ended yet.
    private var inHeaders = false
    private var sawCommand = false
    /// A line opening with a basic reply code has been seen (what a streaming reader decides on).
    private(set) var sawReplyLine = false

    var isExhausted: Bool { bytesSeen >= Self.budget }

    private static let mboxFrom = ASCII.bytes("From ")
    private static let bounceFields: [(bytes: [UInt8], value: [[UInt8]])] = ASCII.table([
        "content-type:": ["multipart/report", "message/delivery-status", "message/global-delivery-status"],
        "subject:": ["undeliver", "delivery status notification", "mail delivery failed", "returned mail", "failure notice",
                     "delivery failure", "non-delivery", "nondelivery", "could not be delivered", "delivery has failed",
                     "message not delivered", "delivery incomplete", "delayed mail", "delivery delayed", "mail system error"],
        "from:": ["mailer-daemon", "postmaster"],
        "x-failed-recipients:": [""],
    ]).map { ($0.bytes, $0.value.map(ASCII.bytes)) }

    mutating func look(at line: Span<UInt8>) -> InputFormat? {
        bytesSeen += line.count + 1
        let count = line.count
        if !sawLine {
            guard count > 0 else { return nil }
            sawLine = true
            if line.has(Self.mboxFrom, at: 0) { return .mail }
            inHeaders = Self.isHeaderField(line)
        }
        // Transcripts first: "S: 220 …" and "C: EHLO …" look like header fields too.
        if count > 0, TranscriptReader.isTranscriptLine(line) { return .transcript }
        if inHeaders {
            if count == 0 {
                inHeaders = false
            } else if !ASCII.isBlank(line[0]) {
                for field in Self.bounceFields where line.hasIgnoringCase(field.bytes, at: 0) {
                    let value = field.bytes.count..<count
                    if field.value.contains(where: { $0.isEmpty || line.firstIndexIgnoringCase(of: $0, in: value) != nil }) {
                        return .mail
                    }
                }
            }
            return nil
        }
        guard count > 0 else { return nil }
        if PostfixReader.isPostfixLine(line) { return .postfix }
        if SendmailReader.isSendmailLine(line) { return .sendmail }
        if EximReader.isEximLine(line) { return .exim }
        if TranscriptReader.isCommandLine(line) { sawCommand = true }
        if ReplyText.basicCode(line, 0, count) != nil { sawReplyLine = true }
        if sawCommand && sawReplyLine { return .transcript }
        return nil
    }

    /// `Name: value` with a name of printable ASCII without `:`, as RFC 5322 §2.2 allows, that
    /// starts with a letter as every field name in use does (an RFC 3339 time does not).
    static func isHeaderField(_ line: Span<UInt8>) -> Bool {
        guard line.count > 0, ASCII.isLetter(line[0]) else { return false }
        var index = 0
        while index < line.count, index < 80 {
            let byte = line[index]
            if byte == UInt8(ascii: ":") { return index > 0 }
            guard byte > 0x20, byte < 0x7F else { return false }
            index += 1
        }
        return false
    }
}
