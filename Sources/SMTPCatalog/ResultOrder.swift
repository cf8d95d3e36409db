/// Puts search results best first: higher score, then standard codes before
/// non-standard ones, then catalog order.
///
/// A comparison sort of 100k results was the largest part of a keystroke on a
/// large catalog. Scores and standings are small integers, so a stable radix
/// sort on them (11 bits per pass, usually two passes) does it in linear time,
/// and catalog order among equals comes free from the results' input order.
enum ResultOrder {
    private static let digitBits = 11

    /// `results` must be in catalog order; `standingRank` gives an entry's `Standing.rank` (0–7).
    static func bestFirst(_ results: [SearchResult], standingRank: (Int) -> Int) -> [SearchResult] {
        guard results.count > 1, let best = results.map(\.score).max() else { return results }
        // Ascending key: distance from the best score, then standing rank.
        let keys = results.map { UInt64(best - $0.score) << 3 | UInt64(standingRank($0.entryIndex) & 7) }
        let largest = keys.max() ?? 0
        var order = Array(0..<results.count)
        var scratch = order
        var shift: UInt64 = 0
        let radix = 1 << digitBits
        while shift == 0 || largest >> shift != 0 {
            var counts = [Int](repeating: 0, count: radix + 1)
            for index in order { counts[Int(keys[index] >> shift) & (radix - 1) + 1] += 1 }
            for digit in 0..<radix { counts[digit + 1] += counts[digit] }
            for index in order {
                let digit = Int(keys[index] >> shift) & (radix - 1)
                scratch[counts[digit]] = index
                counts[digit] += 1
            }
            swap(&order, &scratch)
            shift += UInt64(digitBits)
        }
        return order.map { results[$0] }
    }
}
