/// Sorting and nearness of code strings, shared by the catalog and search.
enum CodeOrder {
    /// Basic codes first by number; then enhanced class entries, subject entries,
    /// and detail codes, each ordered numerically rather than as text (X.1.10 after X.1.9).
    static func key(_ code: String) -> [Int] {
        if let value = Int(code) { return [0, value] }
        let parts = code.uppercased().split(separator: ".").map { Int($0) ?? -1 }
        guard parts.count == 3 else { return [9] }
        if parts[1] == -1 { return [1, parts[0]] }
        if parts[2] == -1 { return [2, parts[1]] }
        return [3, parts[1], parts[2]]
    }

    /// How far apart two codes of the same shape are numerically, part by part.
    static func numericGap(_ a: String, _ b: String) -> Int {
        let left = a.split(separator: ".").map { Int($0) }
        let right = b.uppercased().split(separator: ".").map { Int($0) }
        guard left.count == right.count else { return Int.max / 2 }
        var gap = 0
        for (x, y) in zip(left, right) {
            if let x, let y { gap = gap * 1000 + abs(x - y) } else if (x == nil) != (y == nil) { gap += 500 }
        }
        return gap
    }
}
