import FoundationEssentials

/// Where one list (commands, keywords…) lies in a `TextStore`'s item spans.
package struct ListSpan: Sendable, Hashable {
    package let start: UInt32
    package let count: UInt32

    package init(start: UInt32, count: UInt32) {
        self.start = start
        self.count = count
    }

    package static let empty = ListSpan(start: 0, count: 0)
}
