import FoundationEssentials

/// Every text of a catalog as one block of UTF-8 that entries point into.
///
/// A String per field cost a heap block and a header each: at 100k entries, a
/// million and a half allocations and about a third more memory than the text
/// itself. Entries hold spans instead and make Strings only when asked, which
/// happens for the few rows on screen, while the search index reads the bytes.
package final class TextStore: Sendable {
    /// What was collected, no longer changed; reads go through it.
    private let text: TextStoreBuilder

    package init(_ builder: consuming TextStoreBuilder) {
        text = builder
    }

    package func string(_ span: TextSpan) -> String { text.string(span) }

    package func strings(of list: ListSpan) -> [String] { text.strings(of: list) }

    package func withBytes<R>(_ span: TextSpan, _ body: (Span<UInt8>) throws -> R) rethrows -> R {
        try text.withBytes(span, body)
    }

    package func forEachItem(_ list: ListSpan, _ body: (Span<UInt8>) throws -> Void) rethrows {
        try text.forEachItem(list, body)
    }
}
