/// A citation such as `RFC 5321 §4.2.3`, kept structured so that views can
/// link to the exact section. A few registry entries rest on an Internet-Draft that
/// never became an RFC; those are cited by the draft's name
/// (`draft-levine-mailbomb-header`), with the same optional section.
public struct RFCReference: Sendable, Hashable, CustomStringConvertible {
    /// The RFC's number; nil for an Internet-Draft.
    public let number: Int?
    /// The Internet-Draft's name (`draft-…`); nil for an RFC.
    public let draft: String?
    public let section: String?

    public init(number: Int, section: String? = nil) {
        self.number = number
        self.draft = nil
        self.section = section
    }

    /// A reference to an Internet-Draft by its name, which starts with `draft-`.
    public init(draft: String, section: String? = nil) {
        self.number = nil
        self.draft = draft
        self.section = section
    }

    /// Parses exactly `RFC <number>` or `draft-<name>`, each optionally followed by
    /// ` §<section>`, the section being dot-separated runs of digits or capitals and the
    /// name lower-case letters, digits and single hyphens; anything else is nil so the
    /// validator can name the malformed reference.
    public init?(parsing text: String) {
        guard let parts = Self.parts(text.utf8.span) else { return nil }
        let section = parts.section.map { String(text.utf8.dropFirst($0.lowerBound).prefix($0.count))! }
        if let number = parts.number {
            self.init(number: number, section: section)
        } else {
            self.init(draft: String(text.utf8.prefix(parts.documentEnd))!, section: section)
        }
    }

    /// Whether the bytes are a reference `init(parsing:)` accepts; for checking a whole catalog without Strings.
    package static func isWellFormed(_ bytes: Span<UInt8>) -> Bool {
        parts(bytes) != nil
    }

    private static let prefixBytes = Array("RFC ".utf8)
    private static let draftBytes = Array("draft-".utf8)
    private static let sectionSignBytes = Array("§".utf8)

    /// The RFC number (nil for a draft), where the document's name ends, and where the section lies.
    private static func parts(_ bytes: Span<UInt8>) -> (number: Int?, documentEnd: Int, section: Range<Int>?)? {
        let sign = Self.sectionSignBytes
        func starts(with expected: [UInt8], at start: Int) -> Bool {
            guard bytes.count - start >= expected.count else { return false }
            for (offset, byte) in expected.enumerated() where bytes[start + offset] != byte { return false }
            return true
        }
        let isDigit = { (byte: UInt8) in byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }
        var documentEnd = 0
        while documentEnd < bytes.count, bytes[documentEnd] != UInt8(ascii: " ") { documentEnd += 1 }
        var number: Int?
        if starts(with: Self.prefixBytes, at: 0) {
            // "RFC" and its number are two words: the number runs to the next space.
            documentEnd = prefixBytes.count
            while documentEnd < bytes.count, bytes[documentEnd] != UInt8(ascii: " ") { documentEnd += 1 }
            let digits = prefixBytes.count..<documentEnd
            guard (1...9).contains(digits.count), bytes[digits.lowerBound] != UInt8(ascii: "0") else { return nil }
            var value = 0
            for index in digits {
                guard isDigit(bytes[index]) else { return nil }
                value = value * 10 + Int(bytes[index] - UInt8(ascii: "0"))
            }
            number = value
        } else if starts(with: Self.draftBytes, at: 0) {
            // Lower-case letters and digits in runs joined by single hyphens, as the IETF names drafts.
            let name = Self.draftBytes.count..<documentEnd
            guard !name.isEmpty, (documentEnd - name.lowerBound) <= 100 else { return nil }
            var previous = UInt8(ascii: "-")
            for index in name {
                let byte = bytes[index]
                let isNameByte = isDigit(byte) || (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z"))
                guard isNameByte || (byte == UInt8(ascii: "-") && previous != byte) else { return nil }
                previous = byte
            }
            guard previous != UInt8(ascii: "-") else { return nil }
        } else {
            return nil
        }
        guard documentEnd < bytes.count else { return (number, documentEnd, nil) }
        guard starts(with: sign, at: documentEnd + 1) else { return nil }
        let body = (documentEnd + 1 + sign.count)..<bytes.count
        guard !body.isEmpty else { return nil }
        let isSectionByte = { (byte: UInt8) in isDigit(byte) || (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z")) }
        // Dot-separated parts, none empty.
        var previous = UInt8(ascii: ".")
        for index in body {
            let byte = bytes[index]
            guard isSectionByte(byte) || (byte == UInt8(ascii: ".") && previous != byte) else { return nil }
            previous = byte
        }
        guard previous != UInt8(ascii: ".") else { return nil }
        return (number, documentEnd, body)
    }

    /// The document alone, without the section: `RFC 5321` or `draft-levine-mailbomb-header`.
    public var document: String {
        number.map { "RFC \($0)" } ?? draft ?? ""
    }

    public var description: String {
        section.map { "\(document) §\($0)" } ?? document
    }

    /// The RFC Editor's canonical address for an RFC, the IETF Datatracker's for a draft,
    /// with a section anchor when known.
    public var url: String {
        let base = number.map { "https://www.rfc-editor.org/rfc/rfc\($0)" }
            ?? "https://datatracker.ietf.org/doc/html/\(draft ?? "")"
        guard let section else { return base }
        let anchor = section.first?.isLetter == true ? "appendix-\(section)" : "section-\(section)"
        return "\(base)#\(anchor)"
    }
}
