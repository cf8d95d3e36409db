import SMTPCatalog
/// Puts search results best first: higher score, then standard codes before
/// non-standard ones, then catalog order.
///
/// A comparison sort of 100k results was the largest part of a keystroke on a
/// large catalog. Scores and standings are small integers, so a stable radix
/// sort on them does it in linear time: one counting pass when the keys are small
/// (the usual case), else 11 bits per pass; catalog order among equals comes free
/// from the results' input order.
enum ResultOrder {
    private static let digitBits = 11
    private static let radix = 1 << digitBits

    /// Keys below this are counted in one pass (a counting sort); larger ones take the radix passes.
    private static let countingLimit: UInt64 = 1 << 18

    /// `results` must be in catalog order; `standingRanks` holds each entry's `Standing.rank` (0–7).
    static func bestFirst(_ results: [SearchResult], standingRanks: [UInt8]) -> [SearchResult] {
        guard results.count > 1, let best = results.map(\.score).max() else { return results }
        // Ascending key: distance from the best score, then standing rank.
        let key = { (result: SearchResult) in UInt64(best - result.score) << 3 | UInt64(standingRanks[result.entryIndex] & 7) }
        var largest: UInt64 = 0
        var allEqual = true
        let first = key(results[0])
        for result in results {
            let value = key(result)
            largest = max(largest, value)
            allEqual = allEqual && value == first
        }
        if allEqual { return results }
        return largest < countingLimit ? counted(results, key: key, largest: largest) : radixSorted(results, key: key, largest: largest)
    }

    /// One counting pass and one placing pass, straight into the output.
    private static func counted(_ results: [SearchResult], key: (SearchResult) -> UInt64, largest: UInt64) -> [SearchResult] {
        var starts = [Int32](repeating: 0, count: Int(largest) + 2)
        for result in results { starts[Int(key(result)) + 1] += 1 }
        for value in 0...Int(largest) { starts[value + 1] += starts[value] }
        return [SearchResult](unsafeUninitializedCapacity: results.count) { output, count in
            for result in results {
                let value = Int(key(result))
                output.initializeElement(at: Int(starts[value]), to: result)
                starts[value] += 1
            }
            count = results.count
        }
    }

    private static func radixSorted(_ results: [SearchResult], key: (SearchResult) -> UInt64, largest: UInt64) -> [SearchResult] {
        let keys = results.map(key)
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
