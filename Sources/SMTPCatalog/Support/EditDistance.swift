/// Levenshtein distance, used for "did you mean" suggestions and typo-tolerant search.
package enum EditDistance {
    static func between<T: Equatable>(_ a: [T], _ b: [T]) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                let substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)
                current[j] = min(previous[j] + 1, current[j - 1] + 1, substitution)
            }
            swap(&previous, &current)
        }
        return previous[b.count]
    }

    /// Three reusable rows for `within`, so a scan over the vocabulary allocates once.
    package struct Scratch {
        var beforePrevious: [Int]
        var previous: [Int]
        var current: [Int]

        package init(width: Int) {
            beforePrevious = Array(repeating: 0, count: width + 1)
            previous = beforePrevious
            current = beforePrevious
        }
    }

    /// Whether two byte strings are within `limit` edits, counting a swap of
    /// neighbours as one (Damerau), and giving up as soon as a row exceeds the limit.
    package static func within(_ a: [UInt8], _ b: [UInt8], limit: Int, scratch: inout Scratch) -> Bool {
        if abs(a.count - b.count) > limit { return false }
        if a.isEmpty || b.isEmpty { return max(a.count, b.count) <= limit }
        if scratch.previous.count != b.count + 1 { scratch = Scratch(width: b.count) }
        for j in 0...b.count { scratch.previous[j] = j }
        for i in 1...a.count {
            scratch.current[0] = i
            var rowMinimum = i
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                var value = min(scratch.previous[j] + 1, scratch.current[j - 1] + 1, scratch.previous[j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    value = min(value, scratch.beforePrevious[j - 2] + 1)
                }
                scratch.current[j] = value
                rowMinimum = min(rowMinimum, value)
            }
            if rowMinimum > limit { return false }
            swap(&scratch.beforePrevious, &scratch.previous)
            swap(&scratch.previous, &scratch.current)
        }
        return scratch.previous[b.count] <= limit
    }
}
