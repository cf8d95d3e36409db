import FoundationEssentials
import SMTPCatalog

/// Finds SMTP replies in what people paste: bare replies, multi-line replies,
/// MTA log lines (Postfix, Exim), DSN fields and qmail-style `(#5.1.1)`.
///
/// A three-digit number counts as a reply code only where replies stand: at the
/// start of a line, or after `:`, `;`, `(`, `#` or a quote, and followed by a space,
/// `-` or the end. That keeps IP addresses, ports, sizes and times out.
public enum ReplyParser {
    /// How much of one line is searched for replies. RFC 5321 §4.5.3.1.5 caps a reply
    /// line at 512 octets, and MTA log lines that quote one stay within a few kilobytes;
    /// the rest of a longer line (a pasted blob, binary data) is not read, which keeps
    /// the cost of any input proportional to its number of lines.
    public static let maximumLineBytes = 16_384

    public static func parse(_ input: String) -> [ParsedReply] {
        var replies: [LineReply] = []
        // A line naming a command but holding no reply ("… after end of data:") speaks of the next reply.
        var pendingCommand: String?
        let patterns = ReplyPatterns()
        for line in lines(of: input) {
            var found = parseLine(line, patterns)
            if found.isEmpty {
                pendingCommand = command(in: line, patterns) ?? pendingCommand
                continue
            }
            if found[0].reply.command == nil, let pending = pendingCommand { found[0].reply.command = pending }
            pendingCommand = nil
            replies += found
        }
        return attachStatusFields(mergeContinuations(replies)).map(\.reply)
    }

    /// A reply with how it was written, needed to join multi-line replies.
    struct LineReply {
        var reply: ParsedReply
        var continues: Bool
        /// An enhanced code from a status field (DSN `Status:`, Postfix `dsn=`) rather than a reply.
        var isStatusField = false
    }

    // MARK: - One line

    /// The non-empty lines of `input` (split at LF, CR, VT and FF), each cut to
    /// `maximumLineBytes` at a character boundary. Split on bytes: splitting a
    /// huge line into Characters first would cost more than everything else.
    package static func lines(of input: String) -> [String] {
        var result: [String] = []
        let utf8 = input.utf8
        let bytes = utf8.span
        let count = bytes.count
        var start = 0
        // A plain loop over the bytes: a 256 MiB input (the most `explain` reads) is
        // mostly skipped here, so this is the one place where per-byte cost shows.
        for index in 0...count {
            guard index == count || (bytes[index] >= 0x0A && bytes[index] <= 0x0D) else { continue }
            if index > start {
                var end = min(index, start + maximumLineBytes)
                // Back off to the start of a UTF-8 sequence rather than cut one.
                while end < index, end > start, bytes[end] & 0xC0 == 0x80 { end -= 1 }
                let from = utf8.index(utf8.startIndex, offsetBy: start), to = utf8.index(utf8.startIndex, offsetBy: end)
                result.append(String(decoding: utf8[from..<to], as: UTF8.self))
            }
            start = index + 1
        }
        return result
    }

    static func parseLine(_ line: String, _ patterns: ReplyPatterns) -> [LineReply] {
        let command = command(in: line, patterns)
        var starts: [(range: Range<String.Index>, code: Int, continues: Bool, atStart: Bool)] = []
        for match in line.matches(of: patterns.basic) {
            guard let code = Int(match.output.code) else { continue }
            let atStart = match.output.lead == nil
            // Inside a word ("id=550 "), a number is not a reply unless it opens the line.
            if atStart, line[..<match.range.lowerBound].contains(where: { !$0.isWhitespace }) { continue }
            starts.append((match.output.code.startIndex..<match.range.upperBound, code, match.output.sep == "-", atStart))
        }
        var replies: [LineReply] = []
        // Searched once per line, not once per reply: a line of many replies stays linear.
        let statusField = starts.isEmpty ? nil : line.firstMatch(of: patterns.statusField).map { String($0.output.code) }
        for (index, start) in starts.enumerated() {
            let end = index + 1 < starts.count ? starts[index + 1].range.lowerBound : line.endIndex
            var rest = line[start.range.upperBound..<end]
            var enhanced: String?
            if let match = rest.prefixMatch(of: /\s*#?(?<code>[245]\.[0-9]{1,3}\.[0-9]{1,3})(?![\d.])/) {
                enhanced = String(match.output.code)
                rest = rest[match.range.upperBound...]
            } else if let match = rest.firstMatch(of: patterns.enhanced) {
                enhanced = String(match.output.code)
            }
            if enhanced == nil { enhanced = statusField }
            // In a nested reply ("451 … said: 550 …") the command names what the outer reply answered.
            replies.append(LineReply(
                reply: ParsedReply(replyCode: start.code, enhancedCode: enhanced, command: index == 0 ? command : nil,
                                   text: cleaned(rest, patterns)),
                continues: start.continues))
        }
        if replies.isEmpty, let match = line.firstMatch(of: patterns.enhanced) {
            let code = match.output.code
            // qmail writes the code as "(#5.1.1)"; drop the wrapper with it.
            var before = line[..<code.startIndex], after = line[code.endIndex...]
            if before.hasSuffix("(#"), after.hasPrefix(")") {
                before = before.dropLast(2)
                after = after.dropFirst()
            }
            let text = before + after
            replies.append(LineReply(
                reply: ParsedReply(replyCode: nil, enhancedCode: String(code), command: command,
                                   text: cleaned(Substring(text), patterns)),
                continues: false, isStatusField: line.firstMatch(of: patterns.statusField) != nil))
        }
        return replies
    }

    static func command(in line: String, _ patterns: ReplyPatterns) -> String? {
        for (pattern, name) in patterns.commands {
            guard let match = line.firstMatch(of: pattern) else { continue }
            if !name.isEmpty { return name }
            let words = match.output.split(separator: " ")
            return words.last.map { $0.uppercased() }
        }
        return nil
    }

    /// The server's words: trimmed, without the MTA's "(in reply to … command)" note, and
    /// without the closing quotes and brackets of the log line around the reply.
    private static func cleaned(_ text: Substring, _ patterns: ReplyPatterns) -> String {
        var result = String(text)
        if let note = result.firstMatch(of: patterns.inReplyToNote) { result.removeSubrange(note.range) }
        // Brackets are not trimmed here: a reply may end in its own "(S3150)"; only unbalanced ones go.
        return withoutStrayClosers(result.trimmed { " \t-:;".contains($0) })
    }

    /// Drops closing brackets at the end that nothing in the text opened (`…User unknown))`,
    /// `…refused]`), and a quote at either end that has no partner; a reply's own
    /// `[TSS04]` or `"quoted"` words stay.
    package static func withoutStrayClosers(_ text: String) -> String {
        // Nearly every reply starts and ends with a printable character that is no bracket and
        // no quote: then there is nothing to drop or trim, and one look at each end says so.
        if let first = text.utf8.first, let last = text.utf8.last, isPlainEnd(first), isPlainEnd(last) { return text }
        return withoutStrayClosersASCII(text) ?? withoutStrayClosersByCharacter(text)
    }

    /// A printable ASCII byte that is neither white space nor one of `()[]<>"'`. A text ending
    /// in one ends in a Character that is the same byte alone (marks that join a character
    /// follow it and are not ASCII).
    private static func isPlainEnd(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "("), UInt8(ascii: ")"), UInt8(ascii: "["), UInt8(ascii: "]"), UInt8(ascii: "<"), UInt8(ascii: ">"),
             UInt8(ascii: "\""), UInt8(ascii: "'"): false
        case 0x21...0x7E: true
        default: false
        }
    }

    /// `withoutStrayClosers` over Characters, for any text.
    static func withoutStrayClosersByCharacter(_ text: String) -> String {
        // Counted once and kept up to date while trimming: a hostile line of thousands of
        // ')' must stay linear.
        var counts: [Character: Int] = [:]
        for character in text where "()[]<>\"'".contains(character) { counts[character, default: 0] += 1 }
        let openers: [Character: Character] = [")": "(", "]": "[", ">": "<"]
        var result = Substring(text)
        while let last = result.last {
            let unbalanced: Bool
            if let opener = openers[last] {
                unbalanced = counts[last, default: 0] > counts[opener, default: 0]
            } else {
                unbalanced = (last == "\"" || last == "'") && counts[last, default: 0] % 2 == 1
            }
            guard unbalanced else { break }
            counts[last, default: 0] -= 1
            result = result.dropLast()
            while result.last == " " { result = result.dropLast() }
        }
        if let first = result.first, first == "\"" || first == "'", counts[first, default: 0] % 2 == 1 {
            result = result.dropFirst()
        }
        // An opening bracket left from the log line around the reply ("(host … said: 550 …").
        while let first = result.first, first == "(" || first == "[" || first == "<" {
            let closer: Character = first == "(" ? ")" : first == "[" ? "]" : ">"
            guard counts[first, default: 0] > counts[closer, default: 0] else { break }
            counts[first, default: 0] -= 1
            result = result.dropFirst()
            while result.first == " " { result = result.dropFirst() }
        }
        return result.trimmingSpaces()
    }

    /// `withoutStrayClosers` on bytes, for text that is all ASCII (nearly every reply): the same
    /// result without going through Characters, which cost microseconds a reply. Nil for other
    /// text, where a bracket may carry a combining mark and only Characters decide.
    static func withoutStrayClosersASCII(_ text: String) -> String? {
        let utf8 = text.utf8
        let bytes = utf8.span
        // Counts of ( ) [ ] < > " ' in that order.
        var counts = (0, 0, 0, 0, 0, 0, 0, 0)
        for index in 0..<bytes.count {
            switch bytes[index] {
            case 0x80...: return nil
            case UInt8(ascii: "("): counts.0 += 1
            case UInt8(ascii: ")"): counts.1 += 1
            case UInt8(ascii: "["): counts.2 += 1
            case UInt8(ascii: "]"): counts.3 += 1
            case UInt8(ascii: "<"): counts.4 += 1
            case UInt8(ascii: ">"): counts.5 += 1
            case UInt8(ascii: "\""): counts.6 += 1
            case UInt8(ascii: "'"): counts.7 += 1
            default: break
            }
        }
        var start = 0, end = bytes.count
        trimming: while end > start {
            switch bytes[end - 1] {
            case UInt8(ascii: ")") where counts.1 > counts.0: counts.1 -= 1
            case UInt8(ascii: "]") where counts.3 > counts.2: counts.3 -= 1
            case UInt8(ascii: ">") where counts.5 > counts.4: counts.5 -= 1
            case UInt8(ascii: "\"") where counts.6 % 2 == 1: counts.6 -= 1
            case UInt8(ascii: "'") where counts.7 % 2 == 1: counts.7 -= 1
            default: break trimming
            }
            end -= 1
            while end > start, bytes[end - 1] == 0x20 { end -= 1 }
        }
        if end > start, bytes[start] == UInt8(ascii: "\"") && counts.6 % 2 == 1 || bytes[start] == UInt8(ascii: "'") && counts.7 % 2 == 1 {
            start += 1
        }
        // An opening bracket left from the log line around the reply, as in the Character version.
        leading: while start < end {
            switch bytes[start] {
            case UInt8(ascii: "(") where counts.0 > counts.1: counts.0 -= 1
            case UInt8(ascii: "[") where counts.2 > counts.3: counts.2 -= 1
            case UInt8(ascii: "<") where counts.4 > counts.5: counts.4 -= 1
            default: break leading
            }
            start += 1
            while start < end, bytes[start] == 0x20 { start += 1 }
        }
        while start < end, bytes[start] == 0x20 || bytes[start] == 0x09 { start += 1 }
        while end > start, bytes[end - 1] == 0x20 || bytes[end - 1] == 0x09 { end -= 1 }
        if start == 0 && end == bytes.count { return text }
        // All ASCII: byte offsets are Character boundaries.
        return String(text[utf8.index(utf8.startIndex, offsetBy: start)..<utf8.index(utf8.startIndex, offsetBy: end)])
    }

    /// A multi-line reply pasted as one line (`… of 421-4.7.28 unsolicited mail …`) keeps
    /// each line's code prefix inside its text; those prefixes become line breaks again.
    static func withoutRepeatedPrefixes(_ text: String, of reply: ParsedReply) -> String {
        guard let code = reply.replyCode, text.contains(" \(code)") else { return text }
        var result = text
        let codes = reply.enhancedCode.map { [" \(code)-\($0) ", " \(code) \($0) "] } ?? [" \(code)-"]
        for prefix in codes where result.contains(prefix) {
            result = result.replacing(prefix, with: "\n")
        }
        return result
    }

    // MARK: - Status fields

    /// A status field describes a reply nearby (DSN `Status:` beside `Diagnostic-Code:`): it fills
    /// that reply's missing enhanced code, or disappears when it only repeats it. An enhanced code
    /// on its own line that another reply already carries is dropped the same way.
    private static func attachStatusFields(_ replies: [LineReply]) -> [LineReply] {
        var result = replies
        var dropped = Set<Int>()
        // Enhanced codes that replies with a basic code carry; kept up to date as fields fill them.
        var carried = Set(replies.compactMap { $0.reply.replyCode == nil ? nil : $0.reply.enhancedCode })
        for (index, item) in replies.enumerated() where item.reply.replyCode == nil {
            guard let code = item.reply.enhancedCode else { continue }
            if carried.contains(code) {
                dropped.insert(index)
            } else if item.isStatusField, let target = nearestReplyWithoutEnhancedCode(around: index, in: result) {
                result[target].reply.enhancedCode = code
                if result[target].reply.command == nil { result[target].reply.command = item.reply.command }
                carried.insert(code)
                dropped.insert(index)
            }
        }
        return result.enumerated().filter { !dropped.contains($0.offset) }.map(\.element)
    }

    /// How far from a status field its reply may stand, in replies. A DSN keeps a
    /// recipient's fields together; the bound keeps a hostile input of thousands of
    /// status fields linear.
    static let statusFieldReach = 64

    /// The closest reply after `index`, else before it, with a basic code and no enhanced one.
    private static func nearestReplyWithoutEnhancedCode(around index: Int, in replies: [LineReply]) -> Int? {
        let isOpen = { (candidate: Int) in replies[candidate].reply.replyCode != nil && replies[candidate].reply.enhancedCode == nil }
        let after = (index + 1)..<min(replies.count, index + 1 + statusFieldReach)
        let before = max(0, index - statusFieldReach)..<index
        return after.first(where: isOpen) ?? before.reversed().first(where: isOpen)
    }

    // MARK: - Multi-line replies

    /// Joins `550-…` continuation lines with the reply that follows them. The texts are
    /// gathered and joined once per reply: joining line by line copied the text so far
    /// each time, quadratic in a reply of thousands of lines.
    private static func mergeContinuations(_ replies: [LineReply]) -> [LineReply] {
        var result: [LineReply] = []
        var texts: [[String]] = []
        for reply in replies {
            if var last = result.last, last.continues, last.reply.replyCode == reply.reply.replyCode {
                if !reply.reply.text.isEmpty { texts[texts.count - 1].append(reply.reply.text) }
                last.reply.enhancedCode = last.reply.enhancedCode ?? reply.reply.enhancedCode
                last.reply.command = last.reply.command ?? reply.reply.command
                last.continues = reply.continues
                result[result.count - 1] = last
            } else {
                result.append(reply)
                texts.append(reply.reply.text.isEmpty ? [] : [reply.reply.text])
            }
        }
        // Joined with line breaks: the server's line structure is kept for people to read
        // (the classifier reads the breaks as spaces).
        for index in result.indices {
            result[index].reply.text = withoutRepeatedPrefixes(texts[index].joined(separator: "\n"), of: result[index].reply)
        }
        return result
    }
}
