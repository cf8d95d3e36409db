/// Sorting and nearness of code strings, shared by the catalog and search.
package enum CodeOrder {
    /// Basic codes first by number; then enhanced class entries, subject entries,
    /// and detail codes, each ordered numerically rather than as text (X.1.10 after X.1.9).
    /// One integer per code, so sorting 100k entries compares numbers, not arrays.
    package static func key(_ code: String) -> UInt64 {
        StatusCode(parsing: code).map(key) ?? .max
    }

    package static func key(_ code: StatusCode) -> UInt64 {
        let (group, major, minor): (UInt64, Int, Int)
        switch code {
        case .basic(let value):
            (group, major, minor) = (0, value, 0)
        case .enhanced(let classDigit, nil, _):
            (group, major, minor) = (1, classDigit ?? 0, 0)
        case .enhanced(_, let subject?, nil):
            (group, major, minor) = (2, subject, 0)
        case .enhanced(_, let subject?, let detail?):
            (group, major, minor) = (3, subject, detail)
        }
        return group << 48 | UInt64(major) << 24 | UInt64(minor)
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
