/// An independent, deliberately plain JSON validator written from RFC 8259's grammar,
/// used as the referee when the project's reader and Foundation disagree: Foundation
/// has leniencies of its own, so "differs from Foundation" alone does not say which
/// side is wrong. It answers only accept or reject; values are compared against Foundation.
struct StrictJSON {
    /// Departures from the RFC that a reader may make on purpose.
    struct Rules {
        /// Skip a UTF-8 byte order mark before the value.
        var skipsByteOrderMark = true
        /// Accept `\uD800` without its low half (and a low half alone).
        var allowsLoneSurrogates = false
        /// Accept bytes in a string that are not UTF-8 (the reader replaces them).
        var allowsBrokenUTF8 = false
        /// The deepest nesting of arrays and objects accepted; nil for no limit.
        var maximumDepth: Int? = nil
    }

    private let bytes: [UInt8]
    private let rules: Rules
    private var position = 0

    static func accepts(_ bytes: [UInt8], rules: Rules) -> Bool {
        var validator = StrictJSON(bytes: bytes, rules: rules)
        return validator.document()
    }

    private init(bytes: [UInt8], rules: Rules) {
        self.bytes = bytes
        self.rules = rules
    }

    private var peek: UInt8? { position < bytes.count ? bytes[position] : nil }

    private mutating func document() -> Bool {
        if rules.skipsByteOrderMark, bytes.starts(with: [0xEF, 0xBB, 0xBF]) { position = 3 }
        guard value(depth: 0) else { return false }
        whitespace()
        return position == bytes.count
    }

    private mutating func whitespace() {
        while let byte = peek, [0x20, 0x09, 0x0A, 0x0D].contains(byte) { position += 1 }
    }

    private mutating func take(_ byte: UInt8) -> Bool {
        guard peek == byte else { return false }
        position += 1
        return true
    }

    /// `depth` counts the containers around this value.
    private mutating func value(depth: Int) -> Bool {
        whitespace()
        guard let byte = peek else { return false }
        switch byte {
        case UInt8(ascii: "{"), UInt8(ascii: "["):
            if let limit = rules.maximumDepth, depth + 1 > limit { return false }
            return container(depth: depth + 1)
        case UInt8(ascii: "\""): return string()
        case UInt8(ascii: "t"): return word("true")
        case UInt8(ascii: "f"): return word("false")
        case UInt8(ascii: "n"): return word("null")
        default: return number()
        }
    }

    private mutating func container(depth: Int) -> Bool {
        let isObject = bytes[position] == UInt8(ascii: "{")
        let close = isObject ? UInt8(ascii: "}") : UInt8(ascii: "]")
        position += 1
        whitespace()
        if take(close) { return true }
        while true {
            if isObject {
                whitespace()
                guard string() else { return false }
                whitespace()
                guard take(UInt8(ascii: ":")) else { return false }
            }
            guard value(depth: depth) else { return false }
            whitespace()
            if take(close) { return true }
            guard take(UInt8(ascii: ",")) else { return false }
        }
    }

    private mutating func word(_ text: String) -> Bool {
        for expected in text.utf8 {
            guard take(expected) else { return false }
        }
        return true
    }

    /// number = [ minus ] int [ frac ] [ exp ]; int = zero / ( digit1-9 *DIGIT )
    private mutating func number() -> Bool {
        _ = take(UInt8(ascii: "-"))
        if take(UInt8(ascii: "0")) {
            // no more digits may follow a leading zero
        } else {
            guard digits() else { return false }
        }
        if take(UInt8(ascii: ".")) {
            guard digits() else { return false }
        }
        if take(UInt8(ascii: "e")) || take(UInt8(ascii: "E")) {
            if !take(UInt8(ascii: "+")) { _ = take(UInt8(ascii: "-")) }
            guard digits() else { return false }
        }
        return true
    }

    /// One or more decimal digits.
    private mutating func digits() -> Bool {
        let start = position
        while let byte = peek, (0x30...0x39).contains(byte) { position += 1 }
        return position > start
    }

    private mutating func string() -> Bool {
        guard take(UInt8(ascii: "\"")) else { return false }
        while let byte = peek {
            position += 1
            switch byte {
            case UInt8(ascii: "\""): return true
            case UInt8(ascii: "\\"): guard escape() else { return false }
            case 0x00..<0x20: return false
            case 0x20..<0x80: continue
            default:
                position -= 1
                if !utf8Scalar() {
                    guard rules.allowsBrokenUTF8 else { return false }
                    position += 1
                }
            }
        }
        return false
    }

    private mutating func escape() -> Bool {
        guard let byte = peek else { return false }
        position += 1
        switch byte {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"), UInt8(ascii: "b"),
             UInt8(ascii: "f"), UInt8(ascii: "n"), UInt8(ascii: "r"), UInt8(ascii: "t"):
            return true
        case UInt8(ascii: "u"):
            guard let unit = hex4() else { return false }
            switch unit {
            case 0xD800...0xDBFF:
                // A high half must be followed by an escaped low half.
                let mark = position
                if take(UInt8(ascii: "\\")), take(UInt8(ascii: "u")), let low = hex4(), (0xDC00...0xDFFF).contains(low) {
                    return true
                }
                position = mark
                return rules.allowsLoneSurrogates
            case 0xDC00...0xDFFF:
                return rules.allowsLoneSurrogates
            default:
                return true
            }
        default:
            return false
        }
    }

    private mutating func hex4() -> UInt32? {
        var value: UInt32 = 0
        for _ in 0..<4 {
            guard let byte = peek, let digit = Self.hexDigit(byte) else { return nil }
            position += 1
            value = value << 4 | digit
        }
        return value
    }

    private static func hexDigit(_ byte: UInt8) -> UInt32? {
        switch byte {
        case 0x30...0x39: UInt32(byte - 0x30)
        case 0x41...0x46: UInt32(byte - 0x41 + 10)
        case 0x61...0x66: UInt32(byte - 0x61 + 10)
        default: nil
        }
    }

    /// One well-formed multi-byte UTF-8 sequence (RFC 3629: no overlong forms, no
    /// surrogates, nothing above U+10FFFF); consumes it only when it is well formed.
    private mutating func utf8Scalar() -> Bool {
        let lead = bytes[position]
        let length: Int, minimum: UInt32
        var scalar: UInt32
        switch lead {
        case 0xC0...0xDF: (length, minimum, scalar) = (2, 0x80, UInt32(lead & 0x1F))
        case 0xE0...0xEF: (length, minimum, scalar) = (3, 0x800, UInt32(lead & 0x0F))
        case 0xF0...0xF7: (length, minimum, scalar) = (4, 0x10000, UInt32(lead & 0x07))
        default: return false
        }
        guard position + length <= bytes.count else { return false }
        for offset in 1..<length {
            let byte = bytes[position + offset]
            guard byte & 0xC0 == 0x80 else { return false }
            scalar = scalar << 6 | UInt32(byte & 0x3F)
        }
        guard scalar >= minimum, scalar <= 0x10FFFF, !(0xD800...0xDFFF).contains(scalar) else { return false }
        position += length
        return true
    }
}
