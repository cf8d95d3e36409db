import FoundationEssentials

/// Where one text lies in a `TextStore`.
package struct TextSpan: Sendable, Hashable {
    package let start: UInt32
    package let count: UInt32

    package init(start: UInt32, count: UInt32) {
        self.start = start
        self.count = count
    }

    var range: Range<Int> { Int(start)..<Int(start) + Int(count) }
}
