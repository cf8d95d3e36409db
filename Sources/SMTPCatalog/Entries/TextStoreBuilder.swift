import FoundationEssentials

/// Collects texts while a catalog is read, then becomes its `TextStore`.
package struct TextStoreBuilder: Sendable {
    /// The texts written into the store; empty while they lie `outside` it.
    /// Read by the loader, which asks for huge pages under a large store (`TextStoreBuilder+HugePages`).
    package private(set) var bytes: [UInt8] = []
    /// Texts the store reads where they already are (a catalog snapshot's mapped file)
    /// instead of a copy: copying them wrote every page of the copy anew, before the
    /// first screen (docs/performance.md).
    private var outside: OutsideBytes?
    /// Every list's item spans, one after another; read by the catalog snapshot's writer.
    package private(set) var items: [TextSpan] = []

    /// Offsets are 32-bit: a store holds at most 4 GiB of text.
    package static let capacityLimit = Int(UInt32.max)

    /// `expectedBytes` (the catalog files' size) is reserved at once: the text is never
    /// larger than its JSON, and pages never written are never resident, whereas
    /// growing by doubling would briefly hold two copies of a large catalog's text.
    package init(expectedBytes: Int = 0) {
        bytes.reserveCapacity(min(expectedBytes, Self.capacityLimit))
    }

    /// A store as a catalog snapshot kept it (`CatalogSnapshot`), which checked that every
    /// item lies inside `bytes`.
    package init(bytes: [UInt8], items: [TextSpan]) {
        self.bytes = bytes
        self.items = items
    }

    /// A store whose texts stay where they are, in memory that `owner` keeps valid and
    /// unchanged for as long as it lives (a snapshot's mapping); checked as `init(bytes:items:)`.
    package init(outside text: UnsafeRawBufferPointer, owner: some AnyObject & Sendable, items: [TextSpan]) {
        outside = OutsideBytes(text: text, owner: owner)
        self.items = items
    }

    package var byteCount: Int { outside?.text.count ?? bytes.count }

    /// Every byte of text, wherever it lies.
    package func withAllBytes<R>(_ body: (UnsafeRawBufferPointer) throws -> R) rethrows -> R {
        guard let outside else { return try bytes.withUnsafeBytes(body) }
        return try withExtendedLifetime(outside.owner) { try body(outside.text) }
    }

    /// Appends text and returns where it lies.
    package mutating func append(_ text: some Collection<UInt8>) -> TextSpan {
        takeInTextOutside()
        let start = bytes.count
        bytes.append(contentsOf: text)
        return TextSpan(start: UInt32(truncatingIfNeeded: start), count: UInt32(truncatingIfNeeded: bytes.count - start))
    }

    /// Appends a text of another store (an entry below a user's catalog) and returns where it lies here.
    package mutating func append(_ span: TextSpan, of other: TextStoreBuilder) -> TextSpan {
        other.withAllBytes { append(UnsafeRawBufferPointer(rebasing: $0[span.range])) }
    }

    /// Appends a list of another store, each item copied.
    package mutating func append(_ list: ListSpan, of other: TextStoreBuilder) -> ListSpan {
        let spans = (0..<Int(list.count)).map { append(other.item(list, $0), of: other) }
        return appendList(spans)
    }

    /// Lets `body` write text at the end (the JSON reader unescaping a string) and returns its span.
    package mutating func appendWriting(_ body: (inout [UInt8]) throws -> Void) rethrows -> TextSpan {
        takeInTextOutside()
        let start = bytes.count
        try body(&bytes)
        return TextSpan(start: UInt32(truncatingIfNeeded: start), count: UInt32(truncatingIfNeeded: bytes.count - start))
    }

    /// Records the given spans as one list.
    package mutating func appendList(_ spans: some Collection<TextSpan>) -> ListSpan {
        let start = items.count
        items.append(contentsOf: spans)
        return ListSpan(start: UInt32(start), count: UInt32(items.count - start))
    }

    /// Starts a list whose items are appended one by one with `appendItem`.
    package var nextListStart: Int { items.count }

    package mutating func appendItem(_ span: TextSpan) {
        items.append(span)
    }

    package func list(from start: Int) -> ListSpan {
        ListSpan(start: UInt32(start), count: UInt32(items.count - start))
    }

    package func withBytes<R>(_ span: TextSpan, _ body: (Span<UInt8>) throws -> R) rethrows -> R {
        try withAllBytes { try body($0.assumingMemoryBound(to: UInt8.self).span.extracting(span.range)) }
    }

    package func string(_ span: TextSpan) -> String {
        withAllBytes { String(decoding: $0[span.range], as: UTF8.self) }
    }

    package func strings(of list: ListSpan) -> [String] {
        (0..<Int(list.count)).map { string(item(list, $0)) }
    }

    package func forEachItem(_ list: ListSpan, _ body: (Span<UInt8>) throws -> Void) rethrows {
        try withAllBytes { raw in
            let all = raw.assumingMemoryBound(to: UInt8.self).span
            for span in items[Int(list.start)..<Int(list.start + list.count)] { try body(all.extracting(span.range)) }
        }
    }

    package func item(_ list: ListSpan, _ index: Int) -> TextSpan {
        items[Int(list.start) + index]
    }

    /// Copies texts that lie outside into the store before it is written to (a store
    /// from a snapshot never is, but nothing may write into memory the store does not own).
    private mutating func takeInTextOutside() {
        guard outside != nil else { return }
        bytes = withAllBytes { Array($0) }
        outside = nil
    }
}

/// Memory a store reads its texts from without owning it, and the object that keeps it valid.
/// Sendable: nothing writes to the memory while `owner` lives, and `owner` is itself Sendable.
private struct OutsideBytes: @unchecked Sendable {
    let text: UnsafeRawBufferPointer
    let owner: any AnyObject & Sendable
}
