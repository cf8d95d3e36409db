import SMTPCatalog

/// Writes the little-endian fields of a catalog snapshot (`CatalogSnapshot`).
struct SnapshotWriter {
    private(set) var bytes: [UInt8] = []

    mutating func byte(_ value: UInt8) { bytes.append(value) }

    mutating func u32(_ value: UInt32) {
        withUnsafeBytes(of: value.littleEndian) { bytes.append(contentsOf: $0) }
    }

    mutating func u64(_ value: UInt64) {
        withUnsafeBytes(of: value.littleEndian) { bytes.append(contentsOf: $0) }
    }

    mutating func raw(_ data: some Collection<UInt8>) { bytes.append(contentsOf: data) }

    /// A count, then the UTF-8.
    mutating func string(_ text: String) {
        u32(UInt32(text.utf8.count))
        bytes.append(contentsOf: text.utf8)
    }

    mutating func span(_ span: TextSpan) {
        u32(span.start)
        u32(span.count)
    }

    mutating func list(_ list: ListSpan) {
        u32(list.start)
        u32(list.count)
    }
}

/// Reads what `SnapshotWriter` wrote, from bytes it does not own (`CatalogSnapshot.decode`
/// lends them for the length of one read). Every read is checked against the bytes left, so
/// a snapshot cut short or damaged ends in `Damaged`, never in a read out of bounds.
struct SnapshotReader {
    struct Damaged: Error {}

    private let bytes: UnsafeRawBufferPointer
    private(set) var position = 0

    init(_ bytes: UnsafeRawBufferPointer) { self.bytes = bytes }

    var isAtEnd: Bool { position == bytes.count }
    var remaining: Int { bytes.count - position }

    mutating func byte() throws -> UInt8 {
        guard position < bytes.count else { throw Damaged() }
        defer { position += 1 }
        return bytes[position]
    }

    mutating func u32() throws -> UInt32 {
        guard remaining >= 4 else { throw Damaged() }
        defer { position += 4 }
        return UInt32(littleEndian: bytes.loadUnaligned(fromByteOffset: position, as: UInt32.self))
    }

    mutating func u64() throws -> UInt64 {
        guard remaining >= 8 else { throw Damaged() }
        defer { position += 8 }
        return UInt64(littleEndian: bytes.loadUnaligned(fromByteOffset: position, as: UInt64.self))
    }

    /// A count of items each at least `size` bytes long: larger than what is left means damage.
    mutating func count(eachAtLeast size: Int) throws -> Int {
        let count = Int(try u32())
        guard count <= remaining / max(size, 1) else { throw Damaged() }
        return count
    }

    /// The next `count` bytes, valid while the bytes lent to the reader are.
    mutating func raw(_ count: Int) throws -> UnsafeRawBufferPointer {
        guard count >= 0, count <= remaining else { throw Damaged() }
        defer { position += count }
        return UnsafeRawBufferPointer(rebasing: bytes[position..<position + count])
    }

    mutating func string() throws -> String {
        String(decoding: try raw(try count(eachAtLeast: 1)), as: UTF8.self)
    }

    /// A text span, checked to lie inside a store of `byteCount` bytes.
    mutating func span(within byteCount: Int) throws -> TextSpan {
        let span = TextSpan(start: try u32(), count: try u32())
        guard Int(span.start) + Int(span.count) <= byteCount else { throw Damaged() }
        return span
    }

    /// A list span, checked to lie inside `itemCount` items.
    mutating func list(within itemCount: Int) throws -> ListSpan {
        let list = ListSpan(start: try u32(), count: try u32())
        guard Int(list.start) + Int(list.count) <= itemCount else { throw Damaged() }
        return list
    }
}

/// A copy of bytes held for as long as the object lives, for decoding a snapshot given as an
/// array (tests, the fuzz target) the way a mapped one is decoded: the stores read their
/// texts from it in place and keep it alive. Sendable: the bytes never change after `init`.
final class HeldBytes: @unchecked Sendable {
    let bytes: UnsafeRawBufferPointer

    init(_ array: [UInt8]) {
        let copy = UnsafeMutableRawBufferPointer.allocate(byteCount: array.count, alignment: 1)
        array.withUnsafeBytes { copy.copyMemory(from: $0) }
        bytes = UnsafeRawBufferPointer(copy)
    }

    deinit {
        bytes.deallocate()
    }
}
