import SMTPCatalog
import Testing

/// A text store reads its texts either from bytes it owns or from memory held by
/// another object (a catalog snapshot's mapping); both must read the same.
@Suite struct TextStoreTests {
    /// Memory that an object owns and frees when it goes, as a mapped file is.
    final class Memory: @unchecked Sendable {
        let bytes: UnsafeMutableRawBufferPointer
        init(_ text: String) {
            bytes = .allocate(byteCount: text.utf8.count, alignment: 1)
            bytes.copyBytes(from: Array(text.utf8))
        }
        deinit { bytes.deallocate() }
    }

    private static let text = "550 5.1.1 no such user|rcpt|data|ünïcode"

    /// An owned store and an outside one with the same texts and one list of three items.
    private func stores() -> (owned: TextStoreBuilder, outside: TextStoreBuilder, memory: Memory, spans: [TextSpan], list: ListSpan) {
        var owned = TextStoreBuilder()
        let parts = Self.text.split(separator: "|").map(String.init)
        let spans = parts.map { owned.append(Array($0.utf8)) }
        let list = owned.appendList(spans[1...])
        let memory = Memory(Self.text.replacingOccurrences(of: "|", with: ""))
        var items: [TextSpan] = []
        for index in 0..<Int(list.count) { items.append(owned.item(list, index)) }
        let outside = TextStoreBuilder(outside: UnsafeRawBufferPointer(memory.bytes), owner: memory, items: items)
        return (owned, outside, memory, spans, ListSpan(start: 0, count: list.count))
    }

    @Test func anOutsideStoreReadsWhatAnOwnedOneDoes() {
        let (owned, outside, _, spans, list) = stores()
        #expect(outside.byteCount == owned.byteCount)
        for span in spans {
            #expect(outside.string(span) == owned.string(span))
            let read = outside.withBytes(span) { span in (0..<span.count).map { span[$0] } }
            #expect(read == Array(owned.string(span).utf8))
        }
        #expect(outside.strings(of: list) == ["rcpt", "data", "ünïcode"])
        var items: [[UInt8]] = []
        outside.forEachItem(list) { span in items.append((0..<span.count).map { span[$0] }) }
        #expect(items == ["rcpt", "data", "ünïcode"].map { Array($0.utf8) })
    }

    /// Writing to a store whose texts lie outside it copies them in first: the memory it
    /// read from is never written, and what it held reads the same afterwards.
    @Test func appendingToAnOutsideStoreLeavesTheOutsideMemoryAlone() {
        let (_, outsideStore, memory, spans, _) = stores()
        var outside = outsideStore
        let before = Array(memory.bytes)
        let added = outside.append(Array("extra".utf8))
        #expect(outside.string(added) == "extra")
        #expect(outside.string(spans[0]) == "550 5.1.1 no such user")
        #expect(Array(memory.bytes) == before)
        #expect(outside.byteCount == before.count + 5)
    }

    /// The store keeps what holds its memory alive, and lets it go with the store.
    @Test func theOwnerLivesAsLongAsTheStore() {
        weak var held: Memory?
        var store: TextStore?
        do {
            let memory = Memory("kept")
            held = memory
            store = TextStore(TextStoreBuilder(outside: UnsafeRawBufferPointer(memory.bytes), owner: memory, items: []))
        }
        #expect(held != nil)
        #expect(store?.string(TextSpan(start: 0, count: 4)) == "kept")
        store = nil
        #expect(held == nil)
    }
}
