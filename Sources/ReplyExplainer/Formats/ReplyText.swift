#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import SMTPCatalog

/// Reading a reply where a reader knows one stands (a log's `said: …`, a DSN's
/// `Diagnostic-Code:`, a transcript's server line), from bytes: the codes at the
/// start, then the server's words cleaned the way `ReplyParser` cleans them.
enum ReplyText {
    struct Codes {
        /// The three-digit code, when one opens the range.
        var basic: Int?
        /// A `550-` continuation line.
        var continues = false
        /// The enhanced code after the basic one (or alone).
        var enhanced: String?
        /// Where the server's words start.
        var textStart: Int
    }

    /// The codes opening `range`: blanks, an optional `#` (Exchange's `#550`), a basic code
    /// (2xx to 5xx, then a space, `-` or the end), blanks, an optional `#`, an enhanced code
    /// (`5.1.1`, subject and detail up to three digits, not followed by a digit or a dot).
    /// An enhanced code alone (`5.7.1 Spam message rejected`) needs its subject to be 0 to 7,
    /// as `ReplyParser` requires where no basic code stands.
    static func codes(_ line: Span<UInt8>, _ range: Range<Int>) -> Codes {
        let end = range.upperBound
        var index = line.skippingBlanks(from: range.lowerBound, to: end)
        if index < end, line[index] == UInt8(ascii: "#") { index += 1 }
        var result = Codes(basic: nil, textStart: range.lowerBound)
        if let code = basicCode(line, index, end) {
            result.basic = code
            result.continues = index + 3 < end && line[index + 3] == UInt8(ascii: "-")
            index = min(index + 4, end)
            result.textStart = index
            var cursor = line.skippingBlanks(from: index, to: end)
            if cursor < end, line[cursor] == UInt8(ascii: "#") { cursor += 1 }
            if let codeEnd = enhancedCode(line, cursor, end, strict: false) {
                result.enhanced = line.string(cursor..<codeEnd)
                result.textStart = codeEnd
            }
        } else if let codeEnd = enhancedCode(line, index, end, strict: true) {
            result.enhanced = line.string(index..<codeEnd)
            result.textStart = codeEnd
        }
        return result
    }

    /// A basic code at `index`: `[2-5][0-9][0-9]` followed by a space, `-` or the end.
    static func basicCode(_ line: Span<UInt8>, _ index: Int, _ end: Int) -> Int? {
        guard index + 3 <= end else { return nil }
        let first = line[index], second = line[index + 1], third = line[index + 2]
        guard first >= UInt8(ascii: "2"), first <= UInt8(ascii: "5"), ASCII.isDigit(second), ASCII.isDigit(third) else { return nil }
        if index + 3 < end {
            let separator = line[index + 3]
            guard separator == 0x20 || separator == UInt8(ascii: "-") else { return nil }
        }
        return Int(first &- 0x30) * 100 + Int(second &- 0x30) * 10 + Int(third &- 0x30)
    }

    /// The end of an enhanced code starting at `index`: class 2, 4 or 5, a dot, the subject
    /// (0 to 7 when `strict`, else one to three digits), a dot, one to three digits, and then
    /// neither a digit nor a dot.
    static func enhancedCode(_ line: Span<UInt8>, _ index: Int, _ end: Int, strict: Bool) -> Int? {
        guard index + 5 <= end else { return nil }
        let digit = line[index]
        guard digit == UInt8(ascii: "2") || digit == UInt8(ascii: "4") || digit == UInt8(ascii: "5"),
              line[index + 1] == UInt8(ascii: ".") else { return nil }
        var cursor = index + 2
        let subject = line.digitRun(from: cursor, to: end)
        if strict {
            guard subject == 1, line[cursor] <= UInt8(ascii: "7") else { return nil }
        } else {
            guard (1...3).contains(subject) else { return nil }
        }
        cursor += subject
        guard cursor < end, line[cursor] == UInt8(ascii: ".") else { return nil }
        cursor += 1
        let detail = line.digitRun(from: cursor, to: end)
        guard (1...3).contains(detail) else { return nil }
        cursor += detail
        if cursor < end, line[cursor] == UInt8(ascii: ".") { return nil }
        return cursor
    }

    /// A status field's value (`dsn=5.1.1`): an enhanced code and nothing else but blanks, else nil.
    static func statusCode(_ line: Span<UInt8>, _ range: Range<Int>) -> String? {
        let value = line.trimmingBlanks(range)
        guard let end = enhancedCode(line, value.lowerBound, value.upperBound, strict: false), end == value.upperBound else { return nil }
        return line.string(value)
    }

    // MARK: - The server's words

    private static let inReplyTo = ASCII.bytes("(in reply to ")

    /// The bytes of `range` as `ReplyParser.cleaned` leaves them: the first `(in reply to …)`
    /// note taken out with the white space before it, the characters ` \t-:;` trimmed at
    /// both ends; brackets are left for `finish`, which drops only those nothing opened:
    /// "Quota exceeded (mailbox is full)" keeps its ")", a reply's own "(S3150)" too.
    static func cleanedBytes(_ line: Span<UInt8>, _ range: Range<Int>) -> [UInt8] {
        var removed: Range<Int>?
        if let open = line.firstIndexIgnoringCase(of: inReplyTo, in: range),
           let close = line.firstIndex(of: UInt8(ascii: ")"), in: (open + inReplyTo.count)..<range.upperBound) {
            var start = open
            while start > range.lowerBound {
                let length = ReplyLineReader.spaceLength(before: start, in: line, from: range.lowerBound)
                guard length > 0 else { break }
                start -= length
            }
            removed = start..<(close + 1)
        }
        var start = range.lowerBound, end = range.upperBound
        var result: [UInt8] = []
        result.reserveCapacity(end - start)
        if let removed {
            result.append(line, start..<removed.lowerBound)
            result.append(line, removed.upperBound..<end)
        } else {
            result.append(line, start..<end)
        }
        start = 0
        end = result.count
        while start < end, isTrimmed(result[start]) { start += 1 }
        while end > start, isTrimmed(result[end - 1]) { end -= 1 }
        if start > 0 || end < result.count { result = Array(result[start..<end]) }
        return result
    }

    @inline(__always)
    private static func isTrimmed(_ byte: UInt8) -> Bool {
        switch byte {
        case 0x20, 0x09, UInt8(ascii: "-"), UInt8(ascii: ":"), UInt8(ascii: ";"): true
        default: false
        }
    }

    /// One line's words as `ReplyParser` keeps them.
    static func cleaned(_ line: Span<UInt8>, _ range: Range<Int>) -> String {
        finish(cleanedBytes(line, range))
    }

    /// Cleaned bytes as text, closers that nothing opened dropped (`ReplyParser.withoutStrayClosers`).
    static func finish(_ bytes: [UInt8]) -> String {
        if bytes.isEmpty { return "" }
        return ReplyParser.withoutStrayClosers(String(decoding: bytes, as: UTF8.self))
    }

    /// A multi-line reply written on one line keeps each line's code prefix inside its
    /// text (`… Please try 550-5.1.1 double-checking …`); those prefixes become line
    /// breaks, as `ReplyParser.withoutRepeatedPrefixes` makes them.
    static func withoutRepeatedPrefixes(_ text: String, code: Int?, enhanced: String?) -> String {
        guard let code, mayHoldPrefix(text, code: code) else { return text }
        let codeText = String(code)
        let prefixes = enhanced.map { [" \(codeText)-\($0) ", " \(codeText) \($0) "] } ?? [" \(codeText)-"]
        // Each prefix starts with a space, so matching its bytes finds what `replacing` finds.
        return prefixes.reduce(text) { $0.replacingBytes(of: $1, with: "\n") }
    }

    /// Whether " 550" (a space, then the code) occurs in `text`: looked for in its bytes in
    /// place, since nearly every reply holds no repeated prefix and should cost no copy.
    private static func mayHoldPrefix(_ text: String, code: Int) -> Bool {
        guard (100...999).contains(code) else { return true }
        let first = UInt8(0x30 + code / 100), second = UInt8(0x30 + code / 10 % 10), third = UInt8(0x30 + code % 10)
        return text.utf8.withContiguousStorageIfAvailable { bytes in
            guard bytes.count >= 4, let base = bytes.baseAddress else { return false }
            // The code's first digit found by memchr (rarer than the space before it).
            var index = 1
            while index <= bytes.count - 3, let found = memchr(base + index, Int32(first), bytes.count - 2 - index) {
                index = base.distance(to: found.assumingMemoryBound(to: UInt8.self))
                if bytes[index - 1] == 0x20 && bytes[index + 1] == second && bytes[index + 2] == third { return true }
                index += 1
            }
            return false
        } ?? true
    }

    /// The reply standing in `range`: codes at the start, the rest as its words. `status`
    /// fills a missing enhanced code (a log's `dsn=`, a DSN's `Status:`); `command` is what
    /// the reader knows it answered, else what the words say (`(in reply to RCPT TO command)`).
    static func reply(_ line: Span<UInt8>, _ range: Range<Int>, status: String? = nil, command: String? = nil) -> ParsedReply {
        let codes = codes(line, range)
        let enhanced = codes.enhanced ?? status
        let text = withoutRepeatedPrefixes(cleaned(line, codes.textStart..<range.upperBound), code: codes.basic, enhanced: enhanced)
        return ParsedReply(replyCode: codes.basic, enhancedCode: enhanced,
                           command: command ?? ReplyCommand.find(in: line, range), text: text)
    }
}

extension ReplyText {
    /// Where a reply starts in a log's diagnostic (`host mx[…] said: 550 …`, `refused to talk
    /// to me: 421 …`, `250 2.0.0 Ok …`): the first place, at the start of `range` or right
    /// after a `: `, where a basic code stands, or an enhanced code followed by a space.
    static func start(_ line: Span<UInt8>, _ range: Range<Int>) -> Int? {
        let end = range.upperBound
        var candidate = range.lowerBound
        while candidate < end {
            if basicCode(line, candidate, end) != nil { return candidate }
            if let codeEnd = enhancedCode(line, candidate, end, strict: true), codeEnd == end || line[codeEnd] == 0x20 {
                return candidate
            }
            // The next ": ".
            var index = candidate
            var next: Int?
            while index + 1 < end {
                if line[index] == UInt8(ascii: ":"), line[index + 1] == 0x20 {
                    next = index + 2
                    break
                }
                index += 1
            }
            guard let next else { return nil }
            candidate = next
        }
        return nil
    }
}

/// A reply read over several lines (`550-…` lines, then `550 …`), joined as
/// `ReplyParser` joins them: each line's words cleaned, lines kept apart by line
/// breaks, the first enhanced code and command kept. The text is capped
/// (`maximumBytes`): a reply of endless continuation lines keeps its beginning.
struct ReplyLines {
    static let maximumBytes = 65_536

    var code: Int?
    var enhanced: String?
    var command: String?
    var continues: Bool
    /// The input line the reply starts on.
    var line: Int
    private var texts: [String] = []
    private var bytes = 0

    init(_ codes: ReplyText.Codes, text: String, command: String?, line: Int) {
        code = codes.basic
        enhanced = codes.enhanced
        self.command = command
        continues = codes.continues
        self.line = line
        add(text)
    }

    /// Whether a line with these codes goes on with this reply.
    func takes(_ codes: ReplyText.Codes) -> Bool { continues && codes.basic != nil && codes.basic == code }

    mutating func append(_ codes: ReplyText.Codes, text: String) {
        enhanced = enhanced ?? codes.enhanced
        continues = codes.continues
        add(text)
    }

    private mutating func add(_ text: String) {
        guard !text.isEmpty, bytes < Self.maximumBytes else { return }
        texts.append(text)
        bytes += text.utf8.count + 1
    }

    /// The reply; `status` fills a missing enhanced code.
    func reply(status: String? = nil) -> ParsedReply {
        let enhanced = enhanced ?? status
        let text = ReplyText.withoutRepeatedPrefixes(texts.joined(separator: "\n"), code: code, enhanced: enhanced)
        return ParsedReply(replyCode: code, enhancedCode: enhanced, command: command, text: text)
    }
}
