/// One line of plain text read for replies the way `ReplyParser.parseLine` reads it,
/// on bytes instead of regular expressions: the same places where a code counts as a
/// reply code, the same enhanced codes, commands and cleaned words. The `Regex`
/// patterns of `ReplyPatterns` are the specification; ReplyLineReaderTests and the
/// `events` fuzz target hold the two to the same answers on ASCII text.
///
/// Beyond ASCII the readings may differ where `Regex` works on Characters: a combining
/// mark after a digit or bracket, a letter beyond ASCII after a phrase (taken here to
/// continue the word), a Unicode case folding (the Kelvin sign). White space beyond ASCII
/// (no-break space and the other `\s` characters) is read as `Regex` reads it.
enum ReplyLineReader {
    struct Found {
        var code: Int?
        var enhanced: String?
        var command: String?
        var text: String
        var continues: Bool
        /// An enhanced code from a status field (DSN `Status:`, Postfix `dsn=`) rather than a reply.
        var isStatusField = false
    }

    /// The replies on `line` (one line, no line breaks inside).
    static func read(_ line: Span<UInt8>) -> [Found] {
        let count = line.count
        let command = ReplyCommand.find(in: line, 0..<count)
        var starts: [(codeStart: Int, code: Int, continues: Bool, end: Int)] = []
        var position = 0
        while position < count {
            if let match = basicMatch(line, at: position) {
                starts.append(match)
                position = match.end
            } else {
                position += 1
            }
        }
        var found: [Found] = []
        if !starts.isEmpty {
            let status = statusField(line)
            for (index, start) in starts.enumerated() {
                let end = index + 1 < starts.count ? starts[index + 1].codeStart : count
                var restStart = start.end
                var enhanced: String?
                // Right after the code: blanks, an optional "#", an enhanced code with subjects up to 999.
                var cursor = skippingSpace(line, restStart, end)
                if cursor < end, line[cursor] == UInt8(ascii: "#") { cursor += 1 }
                if let codeEnd = ReplyText.enhancedCode(line, cursor, end, strict: false) {
                    enhanced = line.string(cursor..<codeEnd)
                    restStart = codeEnd
                } else if let match = firstEnhanced(line, restStart..<end) {
                    enhanced = line.string(match)
                }
                found.append(Found(code: start.code, enhanced: enhanced ?? status, command: index == 0 ? command : nil,
                                   text: ReplyText.cleaned(line, restStart..<end), continues: start.continues))
            }
            return found
        }
        guard let match = firstEnhanced(line, 0..<count) else { return [] }
        // qmail writes the code as "(#5.1.1)"; drop the wrapper with it.
        var before = 0..<match.lowerBound, after = match.upperBound..<count
        if before.count >= 2, line[before.upperBound - 2] == UInt8(ascii: "("), line[before.upperBound - 1] == UInt8(ascii: "#"),
           !after.isEmpty, line[after.lowerBound] == UInt8(ascii: ")") {
            before = before.lowerBound..<(before.upperBound - 2)
            after = (after.lowerBound + 1)..<after.upperBound
        }
        var joined = line.bytes(before)
        joined.append(line, after)
        let text = ReplyText.finish(ReplyText.cleanedBytes(joined.span, 0..<joined.count))
        return [Found(code: nil, enhanced: line.string(match), command: command, text: text, continues: false,
                      isStatusField: statusField(line) != nil)]
    }

    // MARK: - Basic codes

    /// `ReplyPatterns.basic` at `position`: `^` or a lead (`: `, `;`, `(`, `#` at the start or
    /// after white space or `(`, a quote, `[`, `<`, `>`, or `=` before `NNN N.N.`), white space,
    /// `[2-5][0-9][0-9]`, then a space, `-` or the end of the line.
    static func basicMatch(_ line: Span<UInt8>, at position: Int) -> (codeStart: Int, code: Int, continues: Bool, end: Int)? {
        let count = line.count
        func code(at index: Int) -> (codeStart: Int, code: Int, continues: Bool, end: Int)? {
            let start = skippingSpace(line, index, count)
            guard start + 3 <= count else { return nil }
            let first = line[start], second = line[start + 1], third = line[start + 2]
            guard first >= UInt8(ascii: "2"), first <= UInt8(ascii: "5"), ASCII.isDigit(second), ASCII.isDigit(third) else { return nil }
            let value = Int(first &- 0x30) * 100 + Int(second &- 0x30) * 10 + Int(third &- 0x30)
            if start + 3 == count { return (start, value, false, count) }
            let separator = line[start + 3]
            guard separator == 0x20 || separator == UInt8(ascii: "-") else { return nil }
            return (start, value, separator == UInt8(ascii: "-"), start + 4)
        }
        if position == 0, let match = code(at: 0) { return match }
        let byte = line[position]
        switch byte {
        case UInt8(ascii: ":"):
            guard position + 1 < count, line[position + 1] == 0x20 else { return nil }
            return code(at: position + 2)
        case UInt8(ascii: ";"), UInt8(ascii: "\""), UInt8(ascii: "'"), UInt8(ascii: "["), UInt8(ascii: "<"), UInt8(ascii: ">"):
            return code(at: position + 1)
        case UInt8(ascii: "("):
            if let match = code(at: position + 1) { return match }
            if position + 1 < count, line[position + 1] == UInt8(ascii: "#") { return code(at: position + 2) }
            return nil
        case UInt8(ascii: "#"):
            return position == 0 ? code(at: 1) : nil
        case UInt8(ascii: "="):
            // Only before a basic and an enhanced code: "=NNN N.N." (Exchange's [Message=451 4.4.0 …]).
            guard position + 8 < count, let match = code(at: position + 1), match.codeStart == position + 1,
                  line[position + 4] == 0x20 else { return nil }
            let digit = line[position + 5]
            guard digit == UInt8(ascii: "2") || digit == UInt8(ascii: "4") || digit == UInt8(ascii: "5"),
                  line[position + 6] == UInt8(ascii: "."), line[position + 7] >= UInt8(ascii: "0"),
                  line[position + 7] <= UInt8(ascii: "7"), line[position + 8] == UInt8(ascii: ".") else { return nil }
            return match
        default:
            // White space, then "#".
            let space = spaceLength(line, position)
            guard space > 0, position + space < count, line[position + space] == UInt8(ascii: "#") else { return nil }
            return code(at: position + space + 1)
        }
    }

    // MARK: - Enhanced codes

    /// `ReplyPatterns.enhanced` in `range` (its start standing for `^`): the first place where,
    /// at the start (after white space) or after one of `(#=:;["'` and white space, an
    /// enhanced code with a subject of 0 to 7 stands.
    static func firstEnhanced(_ line: Span<UInt8>, _ range: Range<Int>) -> Range<Int>? {
        let end = range.upperBound
        var position = range.lowerBound
        while position < end {
            let byte = line[position]
            switch byte {
            case UInt8(ascii: "("), UInt8(ascii: "#"), UInt8(ascii: "="), UInt8(ascii: ":"), UInt8(ascii: ";"),
                 UInt8(ascii: "["), UInt8(ascii: "\""), UInt8(ascii: "'"):
                let start = skippingSpace(line, position + 1, end)
                if let codeEnd = ReplyText.enhancedCode(line, start, end, strict: true) { return start..<codeEnd }
            default:
                break
            }
            if position == range.lowerBound {
                let start = skippingSpace(line, position, end)
                if let codeEnd = ReplyText.enhancedCode(line, start, end, strict: true) { return start..<codeEnd }
            }
            position += 1
        }
        return nil
    }

    private static let dsn = ASCII.bytes("dsn=")
    private static let status = ASCII.bytes("status:")

    /// `ReplyPatterns.statusField`: `Status:` opening the line or `dsn=` starting a word, then
    /// an enhanced code with a subject of 0 to 7.
    static func statusField(_ line: Span<UInt8>) -> String? {
        let count = line.count
        let opening = skippingSpace(line, 0, count)
        if line.hasIgnoringCase(status, at: opening) {
            let start = skippingSpace(line, opening + status.count, count)
            if let end = ReplyText.enhancedCode(line, start, count, strict: true) { return line.string(start..<end) }
        }
        var position = 0
        while let at = line.firstIndexIgnoringCase(of: dsn, in: position..<count) {
            if startsWord(line, at), let end = ReplyText.enhancedCode(line, at + dsn.count, count, strict: true) {
                return line.string((at + dsn.count)..<end)
            }
            position = at + 1
        }
        return nil
    }

    /// Whether a word boundary falls before `index` (its byte an ASCII letter), as Unicode's default rules place it.
    private static func startsWord(_ line: Span<UInt8>, _ index: Int) -> Bool {
        guard index > 0 else { return true }
        let previous = line[index - 1]
        if ASCII.isAlphanumeric(previous) || previous == UInt8(ascii: "_") { return false }
        if previous >= 0x80 { return spaceLength(before: index, in: line, from: 0) > 0 }
        if previous == UInt8(ascii: ":") || previous == UInt8(ascii: ".") || previous == UInt8(ascii: "'"), index >= 2 {
            let before = line[index - 2]
            if ASCII.isLetter(before) || before >= 0x80 && spaceLength(before: index - 1, in: line, from: 0) == 0 { return false }
        }
        return true
    }

    // MARK: - White space as Regex's \s

    /// The length of the white-space character at `index` (0 when there is none): ASCII
    /// tab to carriage return and space, and the Unicode white space `\s` matches
    /// (U+0085, U+00A0, U+1680, U+2000–U+200A, U+2028, U+2029, U+202F, U+205F, U+3000).
    static func spaceLength(_ line: Span<UInt8>, _ index: Int) -> Int {
        let count = line.count
        guard index < count else { return 0 }
        let byte = line[index]
        if ASCII.isSpace(byte) { return 1 }
        guard byte >= 0xC2 else { return 0 }
        if byte == 0xC2, index + 1 < count {
            let next = line[index + 1]
            return next == 0x85 || next == 0xA0 ? 2 : 0
        }
        guard index + 2 < count else { return 0 }
        let second = line[index + 1], third = line[index + 2]
        switch byte {
        case 0xE1: return second == 0x9A && third == 0x80 ? 3 : 0
        case 0xE2:
            if second == 0x80, third <= 0x8A && third >= 0x80 || third == 0xA8 || third == 0xA9 || third == 0xAF { return 3 }
            return second == 0x81 && third == 0x9F ? 3 : 0
        case 0xE3: return second == 0x80 && third == 0x80 ? 3 : 0
        default: return 0
        }
    }

    /// The length of the white-space character ending just before `index` (0 when there is none).
    static func spaceLength(before index: Int, in line: Span<UInt8>, from start: Int) -> Int {
        for length in [1, 2, 3] where index - length >= start {
            if spaceLength(line, index - length) == length { return length }
        }
        return 0
    }

    static func skippingSpace(_ line: Span<UInt8>, _ index: Int, _ end: Int) -> Int {
        var index = index
        while index < end {
            let length = spaceLength(line, index)
            guard length > 0, index + length <= end else { break }
            index += length
        }
        return index
    }
}
