import Foundation
import Testing
import CatalogLoading

/// Streams are read up to a stated limit: all of a shorter input, exactly the limit of
/// a longer one, and the cut is reported. Inputs span several 64 KiB reads, so a loop
/// that stops early would hand back a silently shortened text. (Contents are compared
/// with `elementsEqual`: a failed `==` on arrays this long takes minutes to describe.)
@Suite struct BoundedInputTests {
    private func withFile(of count: Int, _ body: (String, [UInt8]) throws -> Void) throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("bounded-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: file) }
        let bytes = (0..<count).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ $0 >> 8) }
        try Data(bytes).write(to: file)
        try body(file.path, bytes)
    }

    /// Anything longer, by one byte or by half again, is cut at the limit and says so.
    @Test(arguments: [200_001, 300_000])
    func aLongerInputIsCutAtTheLimitAndSaysSo(count: Int) throws {
        try withFile(of: count) { path, bytes in
            let contents = try BoundedInput.read(path: path, limit: 200_000)
            #expect(contents.wasCut)
            #expect(contents.data.count == 200_000)
            #expect(contents.data.elementsEqual(bytes.prefix(200_000)))
        }
    }

    @Test(arguments: [0, 1, 150_000, 200_000])
    func anInputUpToTheLimitIsReadWhole(count: Int) throws {
        try withFile(of: count) { path, bytes in
            let contents = try BoundedInput.read(path: path, limit: 200_000)
            #expect(!contents.wasCut)
            #expect(contents.data.count == count)
            #expect(contents.data.elementsEqual(bytes))
        }
    }
}
