/// Puts search results best first: higher score, then standard codes before
/// non-standard ones, then catalog order.
///
/// A comparison sort of 100k results was the largest part of a keystroke on a
/// large catalog. Scores and standings are small integers, so a stable radix
/// sort on them (11 bits per pass, usually two passes) does it in linear time,
/// and catalog order among equals comes free from the results' input order.
enum ResultOrder {
    private static let digitBits = 11
    private static let radix = 1 << digitBits

    /// `results` must be in catalog order; `standingRanks` holds each entry's `Standing.rank` (0–7).
    static func bestFirst(_ results: [SearchResult], standingRanks: [UInt8]) -> [SearchResult] {
        guard results.count > 1, let best = results.map(\.score).max() else { return results }
        // Ascending key: distance from the best score, then standing rank.
        let keys = results.map { UInt64(best - $0.score) << 3 | UInt64(standingRanks[$0.entryIndex] & 7) }
        let largest = keys.max() ?? 0
        if largest == keys[0], keys.allSatisfy({ $0 == largest }) { return results }
        var order = [Int32](unsafeUninitializedCapacity: results.count) { buffer, count in
            for index in 0..<results.count { buffer[index] = Int32(index) }
            count = results.count
        }
        var scratch = order
        var counts = [Int](repeating: 0, count: radix + 1)
        var shift: UInt64 = 0
        while shift == 0 || largest >> shift != 0 {
            for digit in counts.indices { counts[digit] = 0 }
            for index in order { counts[Int(keys[Int(index)] >> shift) & (radix - 1) + 1] += 1 }
            for digit in 0..<radix { counts[digit + 1] += counts[digit] }
            for index in order {
                let digit = Int(keys[Int(index)] >> shift) & (radix - 1)
                scratch[counts[digit]] = index
                counts[digit] += 1
            }
            swap(&order, &scratch)
            shift += UInt64(digitBits)
        }
        return order.map { results[Int($0)] }
    }
}
