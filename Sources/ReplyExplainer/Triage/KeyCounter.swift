/// A key the report counts by (a reason, a provider, codes, a recipient domain, a relay),
/// hashed once when a reply's facts are worked out rather than again at each of the four
/// levels of the group tree it is counted at.
///
/// The hash is FNV-1a, which a hostile input can make collide. That costs little here:
/// every table keyed by it is bounded (`TriageLimits`: keys per group, subgroups), so
/// colliding keys cost at most a scan of those few.
struct ReportKey: Hashable, Sendable {
    let text: String
    let hash: UInt64

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
///
/// Its own open-addressing table, probed with the hash the key already carries: a
/// `Dictionary` would hash that hash again (SipHash) at every one of the eight lookups a
/// problem reply makes in the counters of its four groups.
struct KeyCounter: Sendable {
    private(set) var keys: [ReportKey] = []
    private var counts: [Int] = []
    /// Positions in `keys` plus one, 0 for an empty slot; a power of two long, at most half full.
    private var slots: [Int32] = []
    private(set) var other = 0

    mutating func add(_ key: ReportKey, limit: Int) {
        if let position = position(of: key) {
            counts[position] += 1
        } else if keys.count < limit {
            insert(key)
            counts.append(1)
        } else {
            other += 1
        }
    }

    private func position(of key: ReportKey) -> Int? {
        guard !slots.isEmpty else { return nil }
        let mask = slots.count - 1
        var slot = Self.start(key.hash, mask)
        while true {
            let stored = Int(slots[slot])
            if stored == 0 { return nil }
            if keys[stored - 1] == key { return stored - 1 }
            slot = (slot + 1) & mask
        }
    }

    private mutating func insert(_ key: ReportKey) {
        keys.append(key)
        if keys.count * 2 > slots.count {
            slots = [Int32](repeating: 0, count: max(16, slots.count * 2))
            for position in keys.indices { place(position) }
        } else {
            place(keys.count - 1)
        }
    }

    private mutating func place(_ position: Int) {
        let mask = slots.count - 1
        var slot = Self.start(keys[position].hash, mask)
        while slots[slot] != 0 { slot = (slot + 1) & mask }
        slots[slot] = Int32(position + 1)
    }

    /// The high bits of the hash times a large odd number: FNV's low bits alone vary too little.
    private static func start(_ hash: UInt64, _ mask: Int) -> Int {
        Int(truncatingIfNeeded: (hash &* 0x9E37_79B9_7F4A_7C15) >> 32) & mask
    }

    /// The `limit` most frequent keys (all when nil), largest first, ties in the keys' order;
    /// and how many replies went to every other key, those beyond the counter's limit included.
    func top(_ limit: Int?) -> (keys: [KeyCount], rest: Int) {
        guard let limit, limit < keys.count else {
            return (zip(keys, counts).map { KeyCount(key: $0.text, count: $1) }.sorted { Self.comesFirst($0, before: $1) }, other)
        }
        // A report shows a few keys of up to fifty: keep the best few in order as the rest go past.
        var kept: [KeyCount] = []
        kept.reserveCapacity(limit + 1)
        var rest = other
        for (key, count) in zip(keys, counts) {
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
