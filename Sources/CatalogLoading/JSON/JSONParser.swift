import FoundationEssentials
import Glibc
import SMTPCatalog
import TextSafety

/// A small JSON reader over UTF-8 bytes, written for the catalog's load path:
/// `JSONDecoder` into a generic tree took seconds for 100k entries. Callers pull
/// what they expect (an object member by member, an array element by element,
/// a string) so that a catalog's entries go straight into their fields without
/// a tree or a dictionary per entry; `readValue()` builds a tree for the rest.
struct JSONParser {
    struct Failure: Error, CustomStringConvertible {
        let message: String
        let line: Int
        let column: Int
        var description: String { "\(message) at line \(line), column \(column)" }
    }

    /// Progress through one object or array being read member by member.
    struct Container {
        fileprivate var isFirst = true
        fileprivate let close: UInt8
    }

    /// A member name looked up in a caller's list of expected names.
    enum Key {
        case known(Int)
        case other(String)
    }

    /// Unsafe for speed (no bounds checks or copy-on-write checks in the hot loops); the
    /// caller keeps the memory alive for the parser's lifetime via `withParser`.
    private let bytes: UnsafeBufferPointer<UInt8>
    /// Offset of the next byte to read; the loader uses it to release what is behind.
    private(set) var position = 0

    /// Runs `body` with a parser over `data`.
    static func withParser<T>(_ data: some ContiguousBytes, _ body: (inout JSONParser) throws -> T) rethrows -> T {
        try data.withUnsafeBytes { raw in
            var parser = JSONParser(raw.bindMemory(to: UInt8.self))
            return try body(&parser)
        }
    }

    private init(_ bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
        // A byte order mark is not JSON but editors write one; skip it.
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { position = 3 }
    }

    /// Parses a whole value (and checks nothing follows it).
    mutating func parseDocument() throws -> JSONValue {
        let value = try readValue()
        try expectEnd()
        return value
    }

    // MARK: - Pulling values one at a time

    /// The type of the next value, without consuming it; nil at a byte no value starts with.
    mutating func peekType() -> JSONValue.ValueType? {
        skipSpace()
        guard let byte = peek else { return nil }
        switch byte {
        case UInt8(ascii: "{"): return .object
        case UInt8(ascii: "["): return .array
        case UInt8(ascii: "\""): return .string
        case UInt8(ascii: "t"), UInt8(ascii: "f"): return .bool
        case UInt8(ascii: "n"): return .null
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return .number
        default: return nil
        }
    }

    /// Continues an array whose `[` or separating comma was just passed, as from the
    /// middle of an array (where a second reader starts).
    func resumeArray() -> Container {
        Container(close: UInt8(ascii: "]"))
    }

    /// A reader over the same bytes from `offset`.
    func reader(at offset: Int) -> JSONParser {
        var copy = self
        copy.position = offset
        return copy
    }

    /// Where the next token starts (white space skipped).
    mutating func offsetOfNextToken() -> Int {
        skipSpace()
        return position
    }

    package func withBytes<R>(_ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R {
        try body(bytes)
    }

    mutating func beginObject() throws -> Container {
        skipSpace()
        try expect(UInt8(ascii: "{"))
        return Container(close: UInt8(ascii: "}"))
    }

    mutating func beginArray() throws -> Container {
        skipSpace()
        try expect(UInt8(ascii: "["))
        return Container(close: UInt8(ascii: "]"))
    }

    /// True when another member or element follows (its separating comma consumed);
    /// false once the container is closed.
    mutating func next(in container: inout Container) throws -> Bool {
        skipSpace()
        if peek == container.close {
            position += 1
            return false
        }
        if container.isFirst {
            container.isFirst = false
        } else {
            try expect(UInt8(ascii: ","))
        }
        return true
    }

    /// Reads a member name and its colon.
    mutating func readKey() throws -> String {
        skipSpace()
        let key = try parseString()
        skipSpace()
        try expect(UInt8(ascii: ":"))
        return key
    }

    /// Reads a member name and its colon, matching it against `names` (UTF-8) without
    /// making a String when the name is one of them.
    /// `likely` is the name tried first: entries usually list their members in the same order.
    mutating func readKey(in names: [[UInt8]], likely: Int = 0) throws -> Key {
        skipSpace()
        var key = Key.other("")
        if peek == UInt8(ascii: "\"") {
            let start = position + 1
            let end = ByteScan.endOfStringRun(in: bytes, from: start)
            let raw = bytes.baseAddress! + start
            let matches = { (name: [UInt8]) in name.count == end - start && memcmp(name, raw, name.count) == 0 }
            if end < bytes.count, bytes[end] == UInt8(ascii: "\""),
               let index = names.indices.contains(likely) && matches(names[likely]) ? likely : names.firstIndex(where: matches) {
                key = .known(index)
                position = end + 1
            }
        }
        if case .other = key {
            let text = try parseString()
            key = names.firstIndex(of: Array(text.utf8)).map(Key.known) ?? .other(text)
        }
        skipSpace()
        try expect(UInt8(ascii: ":"))
        return key
    }

    mutating func readString() throws -> String {
        skipSpace()
        return try parseString()
    }

    /// Reads any value as a tree.
    mutating func readValue() throws -> JSONValue {
        try parseValue(depth: 0)
    }

    /// How deeply arrays and objects may nest. The tree reader recurses once per
    /// level, so without a bound a file of `[[[[…` would overflow the stack; the
    /// figure is the one Foundation's JSON reader uses, and no catalog needs more than four.
    static let maximumDepth = 512

    mutating func expectEnd() throws {
        skipSpace()
        if peek != nil { throw failure("unexpected text after the JSON value") }
    }

    // MARK: - Values

    private var peek: UInt8? { position < bytes.count ? bytes[position] : nil }

    private mutating func parseValue(depth: Int) throws -> JSONValue {
        skipSpace()
        guard let byte = peek else { throw failure("unexpected end of file") }
        if depth >= Self.maximumDepth, byte == UInt8(ascii: "{") || byte == UInt8(ascii: "[") {
            throw failure("arrays and objects nested more than \(Self.maximumDepth) deep")
        }
        switch byte {
        case UInt8(ascii: "{"):
            position += 1
            var object: [String: JSONValue] = [:]
            skipSpace()
            if peek == UInt8(ascii: "}") { position += 1; return .object(object) }
            while true {
                skipSpace()
                let key = try parseString()
                skipSpace()
                try expect(UInt8(ascii: ":"))
                object[key] = try parseValue(depth: depth + 1)
                skipSpace()
                if peek == UInt8(ascii: ",") { position += 1; continue }
                try expect(UInt8(ascii: "}"))
                return .object(object)
            }
        case UInt8(ascii: "["):
            position += 1
            var array: [JSONValue] = []
            skipSpace()
            if peek == UInt8(ascii: "]") { position += 1; return .array(array) }
            while true {
                array.append(try parseValue(depth: depth + 1))
                skipSpace()
                if peek == UInt8(ascii: ",") { position += 1; continue }
                try expect(UInt8(ascii: "]"))
                return .array(array)
            }
        case UInt8(ascii: "\""):
            return .string(try parseString())
        case UInt8(ascii: "t"): try literal("true"); return .bool(true)
        case UInt8(ascii: "f"): try literal("false"); return .bool(false)
        case UInt8(ascii: "n"): try literal("null"); return .null
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            return .number(try parseNumber())
        default:
            throw failure("unexpected character '\(Character(Unicode.Scalar(byte)))'")
        }
    }

    private mutating func parseString() throws -> String {
        // A string without escapes (nearly all) is made from its bytes where they lie,
        // without first being copied into a buffer of its own.
        if peek == UInt8(ascii: "\"") {
            let start = position + 1
            let end = ByteScan.endOfStringRun(in: bytes, from: start)
            if end < bytes.count, bytes[end] == UInt8(ascii: "\"") {
                position = end + 1
                return String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self)
            }
        }
        var buffer: [UInt8] = []
        try decodeString(appendingTo: &buffer)
        return String(decoding: buffer, as: UTF8.self)
    }

    /// Reads a string value, appending its text (escapes decoded) to `buffer`.
    mutating func readString(appendingTo buffer: inout [UInt8]) throws {
        skipSpace()
        try decodeString(appendingTo: &buffer)
    }

    private mutating func decodeString(appendingTo buffer: inout [UInt8]) throws {
        try expect(UInt8(ascii: "\""))
        while true {
            // Copy the run up to the next quote or escape in one go.
            let start = position
            position = ByteScan.endOfStringRun(in: bytes, from: position)
            buffer.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<position]))
            guard let byte = peek else { throw failure("unterminated string") }
            if byte < 0x20 { throw failure("unescaped control character in a string") }
            position += 1
            if byte == UInt8(ascii: "\"") { return }
            guard let escape = peek else { throw failure("unfinished escape") }
            position += 1
            switch escape {
            case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): buffer.append(escape)
            case UInt8(ascii: "b"): buffer.append(0x08)
            case UInt8(ascii: "f"): buffer.append(0x0C)
            case UInt8(ascii: "n"): buffer.append(0x0A)
            case UInt8(ascii: "r"): buffer.append(0x0D)
            case UInt8(ascii: "t"): buffer.append(0x09)
            case UInt8(ascii: "u"):
                var scalar = try hex4()
                if (0xD800...0xDBFF).contains(scalar), peek == UInt8(ascii: "\\"),
                   position + 1 < bytes.count, bytes[position + 1] == UInt8(ascii: "u") {
                    position += 2
                    let low = try hex4()
                    if (0xDC00...0xDFFF).contains(low) {
                        scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                    } else {
                        buffer.append(contentsOf: [0xEF, 0xBF, 0xBD])
                        scalar = low
                    }
                }
                // A lone surrogate is not a scalar: it becomes U+FFFD, as invalid UTF-8 does.
                buffer.append(contentsOf: String(Unicode.Scalar(scalar).map(Character.init) ?? "\u{FFFD}").utf8)
            default:
                throw failure("invalid escape '\\\(Character(Unicode.Scalar(escape)))'")
            }
        }
    }

    private mutating func hex4() throws -> UInt32 {
        guard position + 4 <= bytes.count else { throw failure("short \\u escape") }
        var value: UInt32 = 0
        for _ in 0..<4 {
            let byte = bytes[position]
            position += 1
            let digit: UInt32
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = UInt32(byte - UInt8(ascii: "0"))
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = UInt32(byte - UInt8(ascii: "a") + 10)
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = UInt32(byte - UInt8(ascii: "A") + 10)
            default: throw failure("invalid \\u escape")
            }
            value = value * 16 + digit
        }
        return value
    }

    /// Reads a number in JSON's own grammar (`-? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?`)
    /// before converting it: `Double(String)` alone also takes "01", "1." and "-.5",
    /// which are not JSON (found by fuzzing, see docs/reliability.md).
    private mutating func parseNumber() throws -> Double {
        let start = position
        func digits() -> Int {
            let first = position
            while let byte = peek, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) { position += 1 }
            return position - first
        }
        if peek == UInt8(ascii: "-") { position += 1 }
        // A leading zero stands alone: "01" is read as 0, and the caller rejects the 1 after it.
        var valid: Bool
        if peek == UInt8(ascii: "0") {
            position += 1
            valid = true
        } else {
            valid = digits() > 0
        }
        if valid, peek == UInt8(ascii: ".") {
            position += 1
            valid = digits() > 0
        }
        if valid, peek == UInt8(ascii: "e") || peek == UInt8(ascii: "E") {
            position += 1
            if peek == UInt8(ascii: "+") || peek == UInt8(ascii: "-") { position += 1 }
            valid = digits() > 0
        }
        guard valid, let value = Double(String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<position]), as: UTF8.self)) else {
            position = start
            throw failure("invalid number")
        }
        return value
    }

    private mutating func literal(_ word: String) throws {
        let expected = Array(word.utf8)
        guard bytes.count >= position + expected.count, bytes[position..<position + expected.count].elementsEqual(expected) else {
            throw failure("invalid literal")
        }
        position += expected.count
    }

    private mutating func skipSpace() {
        while let byte = peek, byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09 { position += 1 }
    }

    private mutating func expect(_ byte: UInt8) throws {
        guard peek == byte else {
            if peek == nil { throw failure("unexpected end of file, expected '\(Character(Unicode.Scalar(byte)))'") }
            throw failure("expected '\(Character(Unicode.Scalar(byte)))'")
        }
        position += 1
    }

    private func failure(_ message: String) -> Failure {
        var line = 1, column = 1
        for byte in bytes[..<min(position, bytes.count)] {
            if byte == 0x0A { line += 1; column = 1 } else if byte & 0xC0 != 0x80 { column += 1 }
        }
        return Failure(message: message, line: line, column: column)
    }
}
