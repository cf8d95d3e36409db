/// A citation such as `RFC 5321 §4.2.3`, kept structured so that views can
/// link to the exact section.
public struct RFCReference: Sendable, Hashable, CustomStringConvertible {
    public let number: Int
    public let section: String?

    public init(number: Int, section: String? = nil) {
        self.number = number
        self.section = section
    }

    /// Parses exactly `RFC <number>` or `RFC <number> §<section>`, the section being
    /// dot-separated runs of digits or capitals; anything else is nil so the validator
    /// can name the malformed reference.
    public init?(parsing text: String) {
        guard let (number, section) = Self.parts(text.utf8.span) else { return nil }
        self.init(number: number, section: section.map { String(text.utf8.dropFirst($0.lowerBound).prefix($0.count))! })
    }

    /// Whether the bytes are a reference `init(parsing:)` accepts; for checking a whole catalog without Strings.
    package static func isWellFormed(_ bytes: Span<UInt8>) -> Bool {
        parts(bytes) != nil
    }

    private static let prefixBytes = Array("RFC ".utf8)
    private static let sectionSignBytes = Array("§".utf8)

    /// The number, and where the section lies in the bytes.
    private static func parts(_ bytes: Span<UInt8>) -> (Int, Range<Int>?)? {
        let prefix = Self.prefixBytes, sign = Self.sectionSignBytes
        func starts(with expected: [UInt8], at start: Int) -> Bool {
            guard bytes.count - start >= expected.count else { return false }
            for (offset, byte) in expected.enumerated() where bytes[start + offset] != byte { return false }
            return true
        }
        let isDigit = { (byte: UInt8) in byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }
        guard starts(with: prefix, at: 0) else { return nil }
        var numberEnd = prefix.count
        while numberEnd < bytes.count, bytes[numberEnd] != UInt8(ascii: " ") { numberEnd += 1 }
        let digits = prefix.count..<numberEnd
        guard (1...9).contains(digits.count), bytes[digits.lowerBound] != UInt8(ascii: "0") else { return nil }
        var number = 0
        for index in digits {
            guard isDigit(bytes[index]) else { return nil }
            number = number * 10 + Int(bytes[index] - UInt8(ascii: "0"))
        }
        guard numberEnd < bytes.count else { return (number, nil) }
        guard starts(with: sign, at: numberEnd + 1) else { return nil }
        let body = (numberEnd + 1 + sign.count)..<bytes.count
        let isSectionByte = { (byte: UInt8) in isDigit(byte) || (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z")) }
        // Dot-separated parts, none empty.
        var previous = UInt8(ascii: ".")
        for index in body {
            let byte = bytes[index]
            guard isSectionByte(byte) || (byte == UInt8(ascii: ".") && previous != byte) else { return nil }
            previous = byte
        }
        guard previous != UInt8(ascii: ".") else { return nil }
        return (number, body)
    }

    public var description: String {
        section.map { "RFC \(number) §\($0)" } ?? "RFC \(number)"
    }

    /// The RFC Editor's canonical address, with a section anchor when known.
    public var url: String {
        let base = "https://www.rfc-editor.org/rfc/rfc\(number)"
        guard let section else { return base }
        let anchor = section.first?.isLetter == true ? "appendix-\(section)" : "section-\(section)"
        return "\(base)#\(anchor)"
    }
}
