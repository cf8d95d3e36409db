import FoundationEssentials

/// Where one text lies in a `TextStore`.
package struct TextSpan: Sendable, Hashable {
    let start: UInt32
    package let count: UInt32

    var range: Range<Int> { Int(start)..<Int(start) + Int(count) }
}
