import FoundationEssentials
import SMTPCatalog

/// Builds large catalogs in the real schema for benchmarks and scale tests:
/// deterministic for a seed, with words drawn from the bundled catalog so
/// search sees a realistic vocabulary. Codes are unique enhanced codes
/// `X.<subject>.<detail>` beyond the registry's, like vendor-specific replies.
public struct SyntheticCatalog {
    public let count: Int
    public let seed: UInt64
    private let words: [String]
    private let keywords: [String]

    /// `source` supplies the vocabulary (normally the bundled catalog).
    public init(count: Int, seed: UInt64 = 42, source: Catalog) {
        self.count = count
        self.seed = seed
        var vocabulary: [String] = []
        var seen = Set<String>()
        for entry in source.entries {
            for text in [entry.title, entry.summary, entry.description, entry.when, entry.fix] {
                for word in text.split(whereSeparator: { !$0.isLetter }) where word.count > 2 {
                    let lower = word.lowercased()
                    if seen.insert(lower).inserted { vocabulary.append(lower) }
                }
            }
        }
        words = vocabulary
        keywords = Array(Set(source.entries.flatMap(\.keywords))).sorted()
    }

    /// How many distinct codes `code(at:)` can give.
    public static let maximumCount = 1_000_000

    /// The code of the entry at `index`, unique below `maximumCount` and always a valid
    /// stored form (RFC 3463 allows three digits per part). Detail codes under subjects
    /// 10–999 first, clear of the registry's subjects 0–7; past 990,000 entries, the
    /// rest of subjects 8 and 9, details 100–999 of subjects 0–7, then subject entries.
    public static func code(at index: Int) -> String {
        precondition((0..<maximumCount).contains(index), "synthetic catalogs hold at most \(maximumCount) codes")
        if index < 990_000 { return "X.\(10 + index / 1000).\(index % 1000)" }
        let extra = index - 990_000
        if extra < 2000 { return "X.\(8 + extra / 1000).\(extra % 1000)" }
        if extra < 9200 { return "X.\((extra - 2000) / 900).\(100 + (extra - 2000) % 900)" }
        return "X.\(10 + extra - 9200).X"
    }

    /// The catalog document as JSON bytes, written entry by entry.
    public func json() -> Data {
        var random = SplitMix64(seed: seed)
        var out = Data()
        out.reserveCapacity(count * 600)
        out.append(contentsOf: Array("{\"schema\": 1, \"entries\": [\n".utf8))
        for index in 0..<count {
            let code = Self.code(at: index)
            let entry: [(String, String)] = [
                ("code", quoted(code)),
                ("kind", quoted("enhanced")),
                ("class", "null"),
                ("class_name", quoted("Any class")),
                ("title", quoted(titleCase(sentence(&random, 2...5)))),
                ("summary", quoted(sentence(&random, 8...12) + ".")),
                ("description", quoted(sentence(&random, 18...30) + ".")),
                ("when", quoted(sentence(&random, 10...16) + ".")),
                ("fix", quoted(sentence(&random, 10...16) + ".")),
                ("commands", "[\"RCPT\"]"),
                ("seen_after", "[\"DATA\"]"),
                ("rfcs", "[\"RFC 3463\"]"),
                ("related", "[]"),
                ("keywords", "[" + (0..<Int(random.next(in: 3...6))).map { _ in quoted(keywords[random.index(keywords.count)]) }.joined(separator: ", ") + "]"),
                ("standing", quoted("non-standard")),
                ("caveat", quoted("Synthetic entry for benchmarks.")),
            ]
            let body = entry.map { "\"\($0.0)\": \($0.1)" }.joined(separator: ", ")
            out.append(contentsOf: Array(("{" + body + "}" + (index + 1 < count ? ",\n" : "\n")).utf8))
        }
        out.append(contentsOf: Array("]}\n".utf8))
        return out
    }

    /// Writes the catalog to a file and returns its URL.
    @discardableResult
    public func write(to url: URL) throws -> URL {
        try json().write(to: url)
        return url
    }

    private func sentence(_ random: inout SplitMix64, _ length: ClosedRange<Int>) -> String {
        (0..<Int(random.next(in: UInt64(length.lowerBound)...UInt64(length.upperBound)))).map { _ in
            // Squaring the draw favours the first words, as real text favours common ones.
            let draw = Double(random.next() % 1_000_000) / 1_000_000
            return words[min(words.count - 1, Int(draw * draw * Double(words.count)))]
        }.joined(separator: " ")
    }

    private func titleCase(_ text: String) -> String {
        text.split(separator: " ").map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined(separator: " ")
    }

    private func quoted(_ text: String) -> String {
        "\"" + text.replacing("\\", with: "\\\\").replacing("\"", with: "\\\"") + "\""
    }
}

/// A small, fast, seedable generator (Vigna's SplitMix64), so catalogs are the same on every
/// run; the tests draw their seeded "random" inputs from it too (`TestSupport.SplitMix`).
public struct SplitMix64: RandomNumberGenerator {
    private var state: UInt64

    public init(seed: UInt64) { state = seed }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    public mutating func next(in range: ClosedRange<UInt64>) -> UInt64 {
        range.lowerBound + next() % (range.upperBound - range.lowerBound + 1)
    }

    public mutating func index(_ count: Int) -> Int { Int(next() % UInt64(count)) }
}
