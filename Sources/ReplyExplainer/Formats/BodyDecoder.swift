/// A MIME part's body decoded line by line (RFC 2045 §6): base64 and quoted-printable
/// turned back into the lines they encode, anything else passed through. Memory is
/// one decoded line, cut at `ReplyParser.maximumLineBytes`.
///
/// Base64 lines holding anything but the alphabet, padding and white space are not
/// decoded: each is counted in `brokenLines` and decoding resumes with the next line.
/// Quoted-printable keeps an `=` that starts no escape as it is, as RFC 2045 §6.7 advises.
struct BodyDecoder {
    enum Encoding {
        case identity, base64, quotedPrintable

        /// The encoding a `Content-Transfer-Encoding` value names (7bit, 8bit, binary and unknown ones pass through).
        init(field: Span<UInt8>) {
            let value = field.trimmingBlanks(0..<field.count)
            if value.count == 6, field.hasIgnoringCase(BodyDecoder.base64Name, at: value.lowerBound) {
                self = .base64
            } else if value.count == 16, field.hasIgnoringCase(BodyDecoder.quotedPrintableName, at: value.lowerBound) {
                self = .quotedPrintable
            } else {
                self = .identity
            }
        }
    }

    private static let base64Name = ASCII.bytes("base64"), quotedPrintableName = ASCII.bytes("quoted-printable")

    let encoding: Encoding
    private(set) var brokenLines = 0
    private var pending: [UInt8] = []
    /// Base64: the bits read but not yet given out as a byte, and how many there are.
    private var bits: UInt32 = 0
    private var bitCount = 0

    init(_ encoding: Encoding) { self.encoding = encoding }

    mutating func feed(_ line: Span<UInt8>, emit: (Span<UInt8>) -> Void) {
        switch encoding {
        case .identity: emit(line)
        case .quotedPrintable: quotedPrintable(line, emit: emit)
        case .base64: base64(line, emit: emit)
        }
    }

    /// The part has ended: a last line without its line break is emitted.
    mutating func finish(emit: (Span<UInt8>) -> Void) {
        if !pending.isEmpty { emitPending(emit) }
        bits = 0
        bitCount = 0
    }

    private mutating func append(_ byte: UInt8) {
        if pending.count < ReplyParser.maximumLineBytes { pending.append(byte) }
    }

    private mutating func emitPending(_ emit: (Span<UInt8>) -> Void) {
        if pending.last == 0x0D { pending.removeLast() }
        emit(pending.span)
        pending.removeAll(keepingCapacity: true)
    }

    // MARK: - Quoted-printable

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
        case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
        case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
        default: nil
        }
    }

    private mutating func quotedPrintable(_ line: Span<UInt8>, emit: (Span<UInt8>) -> Void) {
        var end = line.count
        while end > 0, ASCII.isBlank(line[end - 1]) { end -= 1 }
        let soft = end > 0 && line[end - 1] == UInt8(ascii: "=")
        if soft { end -= 1 }
        var index = 0
        while index < end {
            let byte = line[index]
            if byte == UInt8(ascii: "="), index + 2 < end, let high = Self.hexValue(line[index + 1]),
               let low = Self.hexValue(line[index + 2]) {
                append(high << 4 | low)
                index += 3
            } else {
                append(byte)
                index += 1
            }
        }
        if !soft { emitPending(emit) }
    }

    // MARK: - Base64

    private static let alphabet: [UInt8] = {
        var table = [UInt8](repeating: 0xFF, count: 256)
        for (value, byte) in "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8.enumerated() {
            table[Int(byte)] = UInt8(value)
        }
        return table
    }()

    private mutating func base64(_ line: Span<UInt8>, emit: (Span<UInt8>) -> Void) {
        // A line is checked whole first: a broken one is not half decoded.
        for index in 0..<line.count {
            let byte = line[index]
            if Self.alphabet[Int(byte)] == 0xFF, byte != UInt8(ascii: "="), !ASCII.isSpace(byte) {
                brokenLines += 1
                bits = 0
                bitCount = 0
                return
            }
        }
        for index in 0..<line.count {
            let byte = line[index]
            if byte == UInt8(ascii: "=") {
                // Padding ends a quantum; its whole bytes are out already.
                bits = 0
                bitCount = 0
                continue
            }
            let value = Self.alphabet[Int(byte)]
            if value == 0xFF { continue }
            bits = bits << 6 | UInt32(value)
            bitCount += 6
            if bitCount >= 8 {
                bitCount -= 8
                decoded(UInt8(truncatingIfNeeded: bits >> UInt32(bitCount)), emit)
                bits &= (1 << UInt32(bitCount)) - 1
            }
        }
    }

    private mutating func decoded(_ byte: UInt8, _ emit: (Span<UInt8>) -> Void) {
        if byte == 0x0A {
            emitPending(emit)
        } else {
            append(byte)
        }
    }
}
