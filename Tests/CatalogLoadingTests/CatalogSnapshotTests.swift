import Foundation
import Testing
import TestSupport
@testable import CatalogLoading
import SMTPCatalog

/// The bundled catalog's snapshot (`CatalogSnapshot`, docs/decisions.md): a catalog loaded
/// through it is the catalog its JSON gives, and a snapshot that no longer matches its files
/// or its binary, or is damaged, is passed over for the JSON, never trusted or crashed on.
@Suite struct CatalogSnapshotTests {
    /// A copy of the bundled catalog folder in a folder of its own, its snapshot beside it.
    private struct Copy {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("snapshot-\(UUID().uuidString)")
        var catalog: URL { root.appendingPathComponent("catalog") }
        var snapshot: URL { CatalogSnapshot.location(of: catalog) }

        init() throws {
            try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
            try FileManager.default.copyItem(at: try BundledCatalog.resources.appendingPathComponent("catalog"), to: catalog)
        }

        var files: [String] { get throws { try CatalogLoader.catalogFiles(atPath: catalog.path) } }

        /// Whether the snapshot beside the copy would be used as the files are now.
        var snapshotIsUsed: Bool { get throws { CatalogSnapshot.read(forPath: catalog.path, files: try files) != nil } }

        /// Writes the snapshot and returns its bytes with the fingerprint of the files as they are.
        func writtenSnapshot() throws -> (bytes: [UInt8], fingerprint: SnapshotFingerprint) {
            try CatalogSnapshot.write(for: catalog)
            return (Array(try Data(contentsOf: snapshot)), try #require(SnapshotFingerprint(files: try files)))
        }

        func clean() { try? FileManager.default.removeItem(at: root) }
    }

    /// Everything a catalog shows: each entry's fields and sources, in order, and each code's lookup.
    private func expectSame(_ found: Catalog, _ expected: Catalog, sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(found.entries.map(\.code) == expected.entries.map(\.code), sourceLocation: sourceLocation)
        #expect(found.entries == expected.entries, sourceLocation: sourceLocation)
        #expect(found.entries.map(\.overlays) == expected.entries.map(\.overlays), sourceLocation: sourceLocation)
        for entry in expected.entries {
            #expect(found.position(ofKey: entry.code) == expected.position(ofKey: entry.code), sourceLocation: sourceLocation)
        }
    }

    @Test func theSnapshotGivesTheCatalogItsJSONGives() throws {
        let copy = try Copy()
        defer { copy.clean() }
        let fromJSON = try CatalogLoader.load(from: copy.catalog)
        let written = try CatalogSnapshot.write(for: copy.catalog)
        #expect(written == copy.snapshot)
        #expect(try copy.snapshotIsUsed)
        let fromSnapshot = try CatalogLoader.load(from: copy.catalog)
        #expect(fromSnapshot.entries.count == fromJSON.entries.count && fromJSON.entries.count > 100)
        expectSame(fromSnapshot, fromJSON)
        // Texts are read back byte for byte, lists included.
        let entry = try #require(fromSnapshot.entry(forKey: "X.7.26"))
        #expect(entry.rfcs == fromJSON.entry(forKey: "X.7.26")?.rfcs && !entry.rfcs.isEmpty)
    }

    @Test func translationsAndOverlaysAreLaidOverTheSnapshotAsOverTheJSON() throws {
        let copy = try Copy()
        defer { copy.clean() }
        let overlay = copy.root.appendingPathComponent("team.json")
        try CatalogFixture.document([
            CatalogFixture.entry("599", overrides: ["related": ["550"]]),
            ["code": "553", "fix": "Ask the postmaster of example.net."],
        ]).write(to: overlay)
        let translation = try BundledCatalog.resources.appendingPathComponent("locales/catalog-id.json")
        let fromJSON = try CatalogLoader.load(from: copy.catalog, translation: translation, overlays: [overlay])
        try CatalogSnapshot.write(for: copy.catalog)
        #expect(try copy.snapshotIsUsed)
        let fromSnapshot = try CatalogLoader.load(from: copy.catalog, translation: translation, overlays: [overlay])
        expectSame(fromSnapshot, fromJSON)
        #expect(fromSnapshot.entry(forKey: "553")?.title == "Nama Mailbox Tidak Valid")
        #expect(fromSnapshot.entry(forKey: "553")?.fix == "Ask the postmaster of example.net.")
        #expect(fromSnapshot.entry(forKey: "599") != nil)
    }

    @Test func anEditedCatalogFileIsReadInsteadOfTheSnapshot() throws {
        let copy = try Copy()
        defer { copy.clean() }
        try CatalogSnapshot.write(for: copy.catalog)
        let file = copy.catalog.appendingPathComponent("basic-5xx-b.json")
        let text = try String(contentsOf: file, encoding: .utf8)
        let edited = text.replacingOccurrences(of: "\"title\": \"Mailbox Name Invalid\"", with: "\"title\": \"Edited Title\"")
        #expect(edited != text)
        try edited.write(to: file, atomically: false, encoding: .utf8)
        #expect(try !copy.snapshotIsUsed)
        #expect(try CatalogLoader.load(from: copy.catalog).entry(forKey: "553")?.title == "Edited Title")
    }

    @Test func aFileOfTheSameSizeButAnotherTimeIsReadInstead() throws {
        let copy = try Copy()
        defer { copy.clean() }
        try CatalogSnapshot.write(for: copy.catalog)
        #expect(try copy.snapshotIsUsed)
        let file = copy.catalog.appendingPathComponent("basic-4xx.json")
        try FileManager.default.setAttributes([.modificationDate: Date(timeIntervalSince1970: 1_000_000_000)], ofItemAtPath: file.path)
        #expect(try !copy.snapshotIsUsed)
    }

    @Test func aFileAddedOrRemovedMakesTheSnapshotStale() throws {
        let copy = try Copy()
        defer { copy.clean() }
        try CatalogSnapshot.write(for: copy.catalog)
        try CatalogFixture.document([CatalogFixture.entry("599")]).write(to: copy.catalog.appendingPathComponent("zz-extra.json"))
        #expect(try !copy.snapshotIsUsed)
        #expect(try CatalogLoader.load(from: copy.catalog).entry(forKey: "599") != nil)
        try FileManager.default.removeItem(at: copy.catalog.appendingPathComponent("zz-extra.json"))
        try FileManager.default.removeItem(at: copy.catalog.appendingPathComponent("enhanced-x7b.json"))
        #expect(try !copy.snapshotIsUsed)
    }

    @Test func aCatalogWithProblemsGetsNoSnapshot() throws {
        let copy = try Copy()
        defer { copy.clean() }
        try CatalogFixture.document([CatalogFixture.entry("553")]).write(to: copy.catalog.appendingPathComponent("zz-duplicate.json"))
        #expect(throws: CatalogValidationError.self) { try CatalogSnapshot.write(for: copy.catalog) }
        #expect(!FileManager.default.fileExists(atPath: copy.snapshot.path))
    }

    /// Every cut and many single-byte changes: each is refused or read whole, never read out
    /// of bounds; and whatever is read back takes in as a catalog or is set aside for the JSON.
    @Test func aDamagedSnapshotIsRefusedOrReadSafely() throws {
        let copy = try Copy()
        defer { copy.clean() }
        let (bytes, fingerprint) = try copy.writtenSnapshot()
        #expect((try? CatalogSnapshot.decode(bytes, expecting: fingerprint)) != nil)
        var refused = 0
        for length in stride(from: 0, to: bytes.count, by: max(1, bytes.count / 3000)) {
            if (try? CatalogSnapshot.decode(Array(bytes[..<length]), expecting: fingerprint)) == nil { refused += 1 }
        }
        #expect(refused == (0..<bytes.count).count { $0 % max(1, bytes.count / 3000) == 0 })
        var generator = SplitMix(seed: 26)
        for _ in 0..<3000 {
            var damaged = bytes
            let position = Int(generator.next() % UInt64(bytes.count))
            damaged[position] ^= UInt8(truncatingIfNeeded: generator.next() | 1)
            guard let read = try? CatalogSnapshot.decode(damaged, expecting: fingerprint) else { continue }
            var reading = CatalogReading(expectedBytes: read.textBytes)
            reading.take(read.read)
            _ = try? reading.catalog()
        }
        // Through the loader: a snapshot cut short is passed over and the JSON read.
        try Data(bytes[..<(bytes.count / 2)]).write(to: copy.snapshot)
        #expect(try !copy.snapshotIsUsed)
        #expect(try CatalogLoader.load(from: copy.catalog).entries.count == CatalogLoader.load(from: try BundledCatalog.resources.appendingPathComponent("catalog")).entries.count)
    }

    @Test func aSnapshotOfAnotherFormatOrFingerprintIsRefused() throws {
        let copy = try Copy()
        defer { copy.clean() }
        let (bytes, fingerprint) = try copy.writtenSnapshot()
        var otherVersion = bytes
        otherVersion[CatalogSnapshot.magic.count] &+= 1
        #expect(throws: SnapshotReader.Damaged.self) { try CatalogSnapshot.decode(otherVersion, expecting: fingerprint) }
        let otherFiles = try #require(SnapshotFingerprint(files: Array(try copy.files.dropLast())))
        #expect(throws: SnapshotReader.Damaged.self) { try CatalogSnapshot.decode(bytes, expecting: otherFiles) }
        #expect(throws: SnapshotReader.Damaged.self) { try CatalogSnapshot.decode(bytes + [0], expecting: fingerprint) }
    }
}
