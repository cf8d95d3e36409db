/// A key the report counts by (a reason, a provider, codes, a recipient domain, a relay),
/// hashed once when a reply's facts are worked out rather than again at each of the four
/// levels of the group tree it is counted at.
///
/// The hash is FNV-1a, which a hostile input can make collide. That costs little here:
/// every dictionary keyed by it is bounded (`TriageLimits`: keys per group, subgroups), so
/// colliding keys cost at most a scan of those few.
struct ReportKey: Hashable, Sendable {
    let text: String
    private let hash: UInt64

    init(_ text: String) {
        self.text = text
        var text = text
        hash = text.withUTF8 { bytes in
            var hash: UInt64 = 0xCBF2_9CE4_8422_2325
            for byte in bytes { hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01B3 }
            return hash
        }
    }

    func hash(into hasher: inout Hasher) { hasher.combine(hash) }

    static func == (left: ReportKey, right: ReportKey) -> Bool {
        left.hash == right.hash && left.text == right.text
    }
}

/// Counts of distinct keys up to a limit; keys first seen after it is reached count as "other".
struct KeyCounter: Sendable {
    private(set) var counts: [ReportKey: Int] = [:]
    private(set) var other = 0

    mutating func add(_ key: ReportKey, limit: Int) {
        // One hash for a key already counted, as most are.
        if let index = counts.index(forKey: key) {
            counts.values[index] += 1
        } else if counts.count < limit {
            counts[key] = 1
        } else {
            other += 1
        }
    }

    /// Largest first, ties in the keys' order.
    var sorted: [KeyCount] {
        counts.map { KeyCount(key: $0.key.text, count: $0.value) }
            .sorted { $0.count != $1.count ? $0.count > $1.count : $0.key < $1.key }
    }
}
