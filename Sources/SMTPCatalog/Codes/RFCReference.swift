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
        var text = text
        guard let (number, section) = text.withUTF8(Self.parts) else { return nil }
        self.init(number: number, section: section.map { String(text.utf8.dropFirst($0.lowerBound).prefix($0.count))! })
    }

    /// Whether the bytes are a reference `init(parsing:)` accepts; for checking a whole catalog without Strings.
    package static func isWellFormed(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        parts(bytes) != nil
    }

    private static let prefixBytes = Array("RFC ".utf8)
    private static let sectionSignBytes = Array("§".utf8)

    /// The number, and where the section lies in the bytes.
    private static func parts(_ bytes: UnsafeBufferPointer<UInt8>) -> (Int, Range<Int>?)? {
        let prefix = Self.prefixBytes, sign = Self.sectionSignBytes
        guard bytes.starts(with: prefix) else { return nil }
        let numberEnd = bytes[prefix.count...].firstIndex(of: UInt8(ascii: " ")) ?? bytes.count
        let digits = bytes[prefix.count..<numberEnd]
        guard (1...9).contains(digits.count), digits.first != UInt8(ascii: "0"),
              digits.allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") })
        else { return nil }
        let number = digits.reduce(0) { $0 * 10 + Int($1 - UInt8(ascii: "0")) }
        guard numberEnd < bytes.count else { return (number, nil) }
        let rest = bytes[(numberEnd + 1)...]
        guard rest.starts(with: sign) else { return nil }
        let body = rest.dropFirst(sign.count)
        let isSectionByte = { (byte: UInt8) in
            (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")) || (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z"))
        }
        // Dot-separated parts, none empty.
        var previous = UInt8(ascii: ".")
        for byte in body {
            guard isSectionByte(byte) || (byte == UInt8(ascii: ".") && previous != byte) else { return nil }
            previous = byte
        }
        guard previous != UInt8(ascii: ".") else { return nil }
        return (number, body.startIndex..<body.endIndex)
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
