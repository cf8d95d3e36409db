/// A citation such as `RFC 5321 §4.2.3`, kept structured so that views can
/// link to the exact section.
public struct RFCReference: Sendable, Hashable, CustomStringConvertible {
    public let number: Int
    public let section: String?

    public init(number: Int, section: String? = nil) {
        self.number = number
        self.section = section
    }

    /// Parses exactly `RFC <number>` or `RFC <number> §<section>`; anything else is nil
    /// so the validator can name the malformed reference.
    public init?(parsing text: String) {
        let parts = text.split(separator: " ", omittingEmptySubsequences: false)
        guard parts.count == 2 || parts.count == 3, parts[0] == "RFC",
              let number = Int(parts[1]), number > 0, String(number) == parts[1]
        else { return nil }
        var section: String?
        if parts.count == 3 {
            guard parts[2].hasPrefix("§") else { return nil }
            let body = parts[2].dropFirst()
            let pieces = body.split(separator: ".", omittingEmptySubsequences: false)
            guard !body.isEmpty,
                  pieces.allSatisfy({ !$0.isEmpty && $0.allSatisfy { $0.isASCII && ($0.isNumber || $0.isUppercase) } })
            else { return nil }
            section = String(body)
        }
        self.init(number: number, section: section)
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
