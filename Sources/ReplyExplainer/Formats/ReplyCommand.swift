/// The SMTP command a line says a reply answered, read from bytes: the same phrases,
/// in the same order of preference, as `ReplyPatterns.commands` (`… (in reply to RCPT
/// TO command)`, `after end of data`, `refused to talk to me` …). The first phrase of
/// the list that occurs anywhere in the range decides, as with the patterns.
///
/// `\b` after a phrase follows Unicode's default word boundaries, as Swift's `Regex`
/// does: no boundary before a letter, digit or `_`, nor before `:`, `.` or `'` that a
/// letter follows (`to:x`). Bytes beyond ASCII are taken to continue a word.
enum ReplyCommand {
    private static let inReplyTo = ASCII.bytes("in reply to ")
    private static let after = ASCII.bytes("after ")
    private static let pipelined = ASCII.bytes("pipelined ")
    private static let rcpt = ASCII.bytes("rcpt"), rcptTo = ASCII.bytes("rcpt to")
    private static let mail = ASCII.bytes("mail"), mailFrom = ASCII.bytes("mail from")
    private static let endOfData = ASCII.bytes("end of data"), data = ASCII.bytes("data")
    private static let verbs: [(bytes: [UInt8], name: String)] =
        ["ehlo", "helo", "auth", "starttls", "bdat", "quit", "rset"].map { (ASCII.bytes($0), $0.uppercased()) }
    private static let connectPhrases = ["after initial connection", "refused to talk to me", "greeting failed", "reject: connect from"]
        .map(ASCII.bytes)
    private static let rejectRcpt = ASCII.bytes("reject: rcpt from"), rejectMail = ASCII.bytes("reject: mail from")
    private static let dataPhrases = ["end-of-message", "failed on data command", "failed after i sent the message"].map(ASCII.bytes)

    /// Per byte, the second letter (lower case) of the phrases that start with it, 0 for none:
    /// in, af, re, gr, en, fa. Most bytes of a reply start no phrase, and are passed after one lookup.
    private static let secondLetters: [UInt8] = {
        var table = [UInt8](repeating: 0, count: 256)
        for pair in ["in", "af", "re", "gr", "en", "fa"] {
            let bytes = Array(pair.utf8)
            table[Int(bytes[0])] = bytes[1]
            table[Int(bytes[0] - 0x20)] = bytes[1]
        }
        return table
    }()

    /// The command named in `range` of `line`, as `ReplyParser.command(in:)` names it.
    static func find(in line: Span<UInt8>, _ range: Range<Int>) -> String? {
        // (pattern rank, name): the lowest rank found anywhere wins.
        var best: (rank: Int, name: String)?
        func offer(_ rank: Int, _ name: String) {
            if best == nil || rank < best!.rank { best = (rank, name) }
        }
        let end = range.upperBound
        // The commonest answer, the MTA's "(in reply to RCPT TO command)", has the best rank:
        // found through its parenthesis (memchr), it decides without a look at every byte.
        var open = range.lowerBound
        while let at = line.firstIndex(of: UInt8(ascii: "("), in: open..<end) {
            let phrase = at + 1
            if line.hasIgnoringCase(inReplyTo, at: phrase), phrase + inReplyTo.count <= end,
               word(line, rcpt, phrase + inReplyTo.count, end) {
                return "RCPT"
            }
            open = phrase
        }
        var index = range.lowerBound
        let secondLetters = Self.secondLetters
        // Every phrase is at least two letters long: the second is looked at before any comparison.
        while index + 1 < end {
            let second = secondLetters[Int(line[index])]
            guard second != 0, ASCII.lowered(line[index + 1]) == second else {
                index += 1
                continue
            }
            switch ASCII.lowered(line[index]) {
            case UInt8(ascii: "i") where second == UInt8(ascii: "n"):
                if line.hasIgnoringCase(inReplyTo, at: index), index + inReplyTo.count <= end {
                    let word = index + inReplyTo.count
                    if let name = inReplyToCommand(line, word, end) { offer(name.rank, name.name) }
                }
            case UInt8(ascii: "a") where second == UInt8(ascii: "f"):
                if line.hasIgnoringCase(after, at: index), index + after.count <= end {
                    if let name = afterCommand(line, index + after.count, end) { offer(name.rank, name.name) }
                }
                if line.hasIgnoringCase(connectPhrases[0], at: index), index + connectPhrases[0].count <= end { offer(8, "CONNECT") }
            case UInt8(ascii: "r") where second == UInt8(ascii: "e"):
                if line.hasIgnoringCase(connectPhrases[1], at: index), index + connectPhrases[1].count <= end { offer(8, "CONNECT") }
                if line.hasIgnoringCase(connectPhrases[3], at: index), index + connectPhrases[3].count <= end { offer(8, "CONNECT") }
                if line.hasIgnoringCase(rejectRcpt, at: index), index + rejectRcpt.count <= end { offer(9, "RCPT") }
                if line.hasIgnoringCase(rejectMail, at: index), index + rejectMail.count <= end { offer(10, "MAIL") }
            case UInt8(ascii: "g") where second == UInt8(ascii: "r"):
                if line.hasIgnoringCase(connectPhrases[2], at: index), index + connectPhrases[2].count <= end { offer(8, "CONNECT") }
            case UInt8(ascii: "e") where second == UInt8(ascii: "n"):
                if line.hasIgnoringCase(dataPhrases[0], at: index), index + dataPhrases[0].count <= end { offer(11, "DATA") }
            case UInt8(ascii: "f") where second == UInt8(ascii: "a"):
                for phrase in dataPhrases.dropFirst() where line.hasIgnoringCase(phrase, at: index) && index + phrase.count <= end {
                    offer(11, "DATA")
                }
            default:
                break
            }
            if best?.rank == 0 { break }
            index += 1
        }
        return best?.name
    }

    /// After "in reply to ": patterns 0 to 3.
    private static func inReplyToCommand(_ line: Span<UInt8>, _ start: Int, _ end: Int) -> (rank: Int, name: String)? {
        // "rcpt to\b" or "rcpt\b": the first implies the second, so the second alone decides.
        if word(line, rcpt, start, end) { return (0, "RCPT") }
        if word(line, mail, start, end) { return (1, "MAIL") }
        if word(line, endOfData, start, end) || word(line, data, start, end) { return (2, "DATA") }
        for verb in verbs where word(line, verb.bytes, start, end) { return (3, verb.name) }
        return nil
    }

    /// After "after ": patterns 4 to 7 ("pipelined " only before RCPT TO and MAIL FROM).
    private static func afterCommand(_ line: Span<UInt8>, _ start: Int, _ end: Int) -> (rank: Int, name: String)? {
        if line.hasIgnoringCase(pipelined, at: start), start + pipelined.count <= end {
            let afterPipelined = start + pipelined.count
            if word(line, rcptTo, afterPipelined, end) { return (4, "RCPT") }
            if word(line, mailFrom, afterPipelined, end) { return (5, "MAIL") }
        }
        if word(line, rcptTo, start, end) { return (4, "RCPT") }
        if word(line, mailFrom, start, end) { return (5, "MAIL") }
        if word(line, endOfData, start, end) || word(line, data, start, end) { return (6, "DATA") }
        for verb in verbs where word(line, verb.bytes, start, end) { return (7, verb.name) }
        return nil
    }

    /// `literal` at `index`, followed by a word boundary.
    private static func word(_ line: Span<UInt8>, _ literal: [UInt8], _ index: Int, _ end: Int) -> Bool {
        guard index + literal.count <= end, line.hasIgnoringCase(literal, at: index) else { return false }
        return isBoundary(line, index + literal.count, end)
    }

    /// Whether a word boundary falls at `index`, the byte before being an ASCII letter.
    static func isBoundary(_ line: Span<UInt8>, _ index: Int, _ end: Int) -> Bool {
        guard index < end else { return true }
        if continuesWord(line, index) { return false }
        let next = line[index]
        if next == UInt8(ascii: ":") || next == UInt8(ascii: ".") || next == UInt8(ascii: "'"), index + 1 < end,
           ASCII.isLetter(line[index + 1]) || line[index + 1] >= 0x80 && ReplyLineReader.spaceLength(line, index + 1) == 0 {
            return false
        }
        return true
    }

    /// Whether the character at `index` continues a word of letters: a letter, digit or `_`, or
    /// any character beyond ASCII but white space (letters, combining marks).
    static func continuesWord(_ line: Span<UInt8>, _ index: Int) -> Bool {
        let byte = line[index]
        if ASCII.isAlphanumeric(byte) || byte == UInt8(ascii: "_") { return true }
        return byte >= 0x80 && ReplyLineReader.spaceLength(line, index) == 0
    }
}
