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

    /// The `limit` most frequent keys (all when nil), largest first, ties in the keys' order;
    /// and how many replies went to every other key, those beyond the counter's limit included.
    func top(_ limit: Int?) -> (keys: [KeyCount], rest: Int) {
        guard let limit, limit < counts.count else {
            return (counts.map { KeyCount(key: $0.key.text, count: $0.value) }.sorted { Self.comesFirst($0, before: $1) }, other)
        }
        // A report shows a few keys of up to fifty: keep the best few in order as the rest go past.
        var kept: [KeyCount] = []
        kept.reserveCapacity(limit + 1)
        var rest = other
        for (key, count) in counts {
            if kept.count == limit, let last = kept.last, !Self.comesFirst(count, key.text, before: last) {
                rest += count
                continue
            }
            let candidate = KeyCount(key: key.text, count: count)
            let place = kept.firstIndex { !Self.comesFirst($0, before: candidate) } ?? kept.count
            kept.insert(candidate, at: place)
            if kept.count > limit { rest += kept.removeLast().count }
        }
        return (kept, rest)
    }

    private static func comesFirst(_ left: KeyCount, before right: KeyCount) -> Bool {
        comesFirst(left.count, left.key, before: right)
    }

    private static func comesFirst(_ count: Int, _ key: String, before other: KeyCount) -> Bool {
        count != other.count ? count > other.count : key < other.key
    }
}
