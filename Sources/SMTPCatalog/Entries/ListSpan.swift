import FoundationEssentials

/// Where one list (commands, keywords…) lies in a `TextStore`'s item spans.
package struct ListSpan: Sendable, Hashable {
    let start: UInt32
    package let count: UInt32

    package static let empty = ListSpan(start: 0, count: 0)
}
