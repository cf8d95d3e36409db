#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// ASCII tests and searches over a line's bytes, shared by the format readers. No
/// allocation, no Foundation, no `Regex`: the per-line path of every reader runs on
/// these (docs/formats.md). Literals are lower-case ASCII byte arrays; the searches
/// that ignore case fold only ASCII letters.
enum ASCII {
    @inline(__always) static func isDigit(_ byte: UInt8) -> Bool { byte &- 0x30 < 10 }
    @inline(__always) static func isLetter(_ byte: UInt8) -> Bool { (byte | 0x20) &- 0x61 < 26 }
    @inline(__always) static func isAlphanumeric(_ byte: UInt8) -> Bool { isDigit(byte) || isLetter(byte) }
    @inline(__always) static func lowered(_ byte: UInt8) -> UInt8 { byte &- 0x41 < 26 ? byte | 0x20 : byte }
    /// Space or tab: the blanks inside a line.
    @inline(__always) static func isBlank(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 }
    /// ASCII white space as `Regex`'s `\s` reads it inside a line (space, tab, VT, FF, CR, LF).
    @inline(__always) static func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || (byte >= 0x09 && byte <= 0x0D) }

    static func bytes(_ text: String) -> [UInt8] { Array(text.utf8) }

    static let colonSpace = bytes(": ")

    /// A table of byte literals and what each stands for.
    static func table<Value>(_ pairs: KeyValuePairs<String, Value>) -> [(bytes: [UInt8], value: Value)] {
        pairs.map { (Array($0.key.utf8), $0.value) }
    }
}

extension Span where Element == UInt8 {
    /// Whether `literal` stands at `index` (exact bytes).
    @inline(__always)
    func has(_ literal: [UInt8], at index: Int) -> Bool {
        guard index >= 0, index + literal.count <= count else { return false }
        guard !literal.isEmpty else { return true }
        // memcmp: every literal search checks its candidates here, a byte loop with two bounds checks a byte cost more.
        return withUnsafeBufferPointer { line in
            literal.withUnsafeBufferPointer { literal in memcmp(line.baseAddress! + index, literal.baseAddress!, literal.count) == 0 }
        }
    }

    /// Whether the lower-case `literal` stands at `index`, ASCII letters in any case.
    @inline(__always)
    func hasIgnoringCase(_ literal: [UInt8], at index: Int) -> Bool {
        guard index >= 0, index + literal.count <= count else { return false }
        for offset in 0..<literal.count where ASCII.lowered(self[index + offset]) != literal[offset] { return false }
        return true
    }

    func firstIndex(of byte: UInt8, in range: Range<Int>) -> Int? {
        guard range.lowerBound >= 0, range.upperBound <= count, !range.isEmpty else { return nil }
        // memchr compares many bytes at a time; every search of a reader runs through here.
        return withUnsafeBufferPointer { buffer in
            guard let base = buffer.baseAddress,
                  let found = memchr(base + range.lowerBound, Int32(byte), range.count) else { return nil }
            return UnsafeRawPointer(base).distance(to: UnsafeRawPointer(found))
        }
    }

    func lastIndex(of byte: UInt8, in range: Range<Int>) -> Int? {
        guard range.lowerBound >= 0, range.upperBound <= count, !range.isEmpty else { return nil }
        // Backwards a byte at a time (memrchr is not in Glibc's module): what is looked for
        // from the end is usually near it.
        return withUnsafeBufferPointer { buffer in
            var index = range.upperBound - 1
            while index >= range.lowerBound {
                if buffer[index] == byte { return index }
                index -= 1
            }
            return nil
        }
    }

    /// The first place `literal` starts inside `range` (wholly inside it).
    func firstIndex(of literal: [UInt8], in range: Range<Int>) -> Int? {
        guard let first = literal.first, range.count >= literal.count else { return nil }
        var index = range.lowerBound
        let last = range.upperBound - literal.count
        while index <= last {
            guard let at = firstIndex(of: first, in: index..<(last + 1)) else { return nil }
            if has(literal, at: at) { return at }
            index = at + 1
        }
        return nil
    }

    /// The first place the lower-case `literal` starts inside `range`, ASCII letters in any case.
    func firstIndexIgnoringCase(of literal: [UInt8], in range: Range<Int>) -> Int? {
        guard let first = literal.first, range.count >= literal.count else { return nil }
        var index = range.lowerBound
        let last = range.upperBound - literal.count
        // A first byte with one case (`(in reply to `) is found by memchr.
        if !ASCII.isLetter(first) {
            while index <= last {
                guard let at = firstIndex(of: first, in: index..<(last + 1)) else { return nil }
                if hasIgnoringCase(literal, at: at) { return at }
                index = at + 1
            }
            return nil
        }
        while index <= last {
            if ASCII.lowered(self[index]) == first, hasIgnoringCase(literal, at: index) { return index }
            index += 1
        }
        return nil
    }

    /// The last place `literal` starts inside `range`.
    func lastIndex(of literal: [UInt8], in range: Range<Int>) -> Int? {
        guard let first = literal.first, range.count >= literal.count else { return nil }
        var end = range.upperBound - literal.count + 1
        while end > range.lowerBound {
            guard let at = lastIndex(of: first, in: range.lowerBound..<end) else { return nil }
            if has(literal, at: at) { return at }
            end = at
        }
        return nil
    }

    /// `index` moved past spaces and tabs, up to `end`.
    @inline(__always)
    func skippingBlanks(from index: Int, to end: Int) -> Int {
        var index = index
        while index < end, ASCII.isBlank(self[index]) { index += 1 }
        return index
    }

    /// `range` without spaces and tabs at either end.
    func trimmingBlanks(_ range: Range<Int>) -> Range<Int> {
        var start = range.lowerBound, end = range.upperBound
        while start < end, ASCII.isBlank(self[start]) { start += 1 }
        while end > start, ASCII.isBlank(self[end - 1]) { end -= 1 }
        return start..<end
    }

    /// The end of the run of non-blank bytes starting at `index`.
    func endOfWord(from index: Int, to end: Int) -> Int {
        var index = index
        while index < end, !ASCII.isBlank(self[index]) { index += 1 }
        return index
    }

    /// A copy of the bytes in `range`.
    func bytes(_ range: Range<Int>) -> [UInt8] {
        withUnsafeBufferPointer { Array(UnsafeBufferPointer(rebasing: $0[range])) }
    }

    /// The bytes in `range` as text (bytes that are not UTF-8 become U+FFFD).
    func string(_ range: Range<Int>) -> String {
        withUnsafeBufferPointer { String(decoding: UnsafeBufferPointer(rebasing: $0[range]), as: UTF8.self) }
    }

    /// The decimal number written in `range`, nil when it holds anything else or more than 9 digits.
    func number(_ range: Range<Int>) -> Int? {
        guard !range.isEmpty, range.count <= 9 else { return nil }
        var value = 0
        for index in range {
            let byte = self[index]
            guard ASCII.isDigit(byte) else { return nil }
            value = value * 10 + Int(byte &- 0x30)
        }
        return value
    }

    /// The length of the run of digits starting at `index` (stopping at `end`).
    func digitRun(from index: Int, to end: Int) -> Int {
        var cursor = index
        while cursor < end, ASCII.isDigit(self[cursor]) { cursor += 1 }
        return cursor - index
    }
}

extension Array where Element == UInt8 {
    /// Appends the bytes of `range` of `span`.
    mutating func append(_ span: Span<UInt8>, _ range: Range<Int>) {
        span.withUnsafeBufferPointer { append(contentsOf: UnsafeBufferPointer(rebasing: $0[range])) }
    }
}
