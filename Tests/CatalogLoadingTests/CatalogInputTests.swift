import Foundation
import Testing
import TestSupport
@testable import CatalogLoading
import SMTPCatalog

/// Catalog files are mapped into memory; what cannot be mapped is still read.
@Suite struct CatalogInputTests {
    @Test func aPipeIsReadWhole() throws {
        let fifo = FileManager.default.temporaryDirectory.appendingPathComponent("catalog-\(UUID().uuidString).json")
        #expect(mkfifo(fifo.path, 0o600) == 0)
        defer { try? FileManager.default.removeItem(at: fifo) }
        let document = try CatalogFixture.document([CatalogFixture.entry("553")])
        // The writer blocks until the loader opens the pipe for reading.
        let writer = Thread {
            if let handle = FileHandle(forWritingAtPath: fifo.path) {
                handle.write(document)
                try? handle.close()
            }
        }
        writer.start()
        let catalog = try CatalogLoader.load(from: fifo)
        #expect(catalog.entries.map(\.code) == ["553"])
    }

    @Test func anUnreadableFileIsNamed() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("catalog-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        // A folder named like a catalog file can be neither mapped nor read.
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("a.json"), withIntermediateDirectories: true)
        do {
            _ = try CatalogLoader.load(from: folder)
            Issue.record("loaded a folder named a.json")
        } catch let error as CatalogValidationError {
            #expect(error.issues.map(\.description) == ["\(folder.lastPathComponent)/a.json: cannot be read: Is a directory"])
        }
    }
}
