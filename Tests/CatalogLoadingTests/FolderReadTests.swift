import Foundation
import Testing
import TestSupport
@testable import CatalogLoading
import SMTPCatalog

/// The files of a catalog folder are read on two threads and taken in afterwards in name
/// order (`CatalogLoader.readAll`); the catalog and every problem, in order, must be what
/// reading them one after another gives.
@Suite struct FolderReadTests {
    private func folder(_ files: [(String, Data)]) throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("catalog-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        for (name, data) in files { try data.write(to: folder.appendingPathComponent(name)) }
        return folder
    }

    /// The files read one by one on this thread, as `CatalogLoader` did before.
    private func oneByOne(_ folder: URL) throws -> Result<Catalog, CatalogValidationError> {
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".json") }.sorted()
        var reading = CatalogReading(expectedBytes: 0)
        for name in names {
            reading.parse(try Data(contentsOf: folder.appendingPathComponent(name)), named: folder.lastPathComponent + "/" + name)
        }
        return Result { try reading.catalog() }.mapError { $0 as! CatalogValidationError }
    }

    private func atOnce(_ folder: URL) -> Result<Catalog, CatalogValidationError> {
        Result { try CatalogLoader.load(from: folder) }.mapError { $0 as! CatalogValidationError }
    }

    @Test func problemsInSeveralFilesComeInTheOrderOfReadingThemOneByOne() throws {
        let folder = try folder([
            ("a.json", try CatalogFixture.document([CatalogFixture.entry("553"), CatalogFixture.entry("550", overrides: ["related": ["599"]])])),
            ("b.json", try CatalogFixture.document([CatalogFixture.entry("553", overrides: ["class": 4]), CatalogFixture.entry("451")])),
            ("c.json", Data("{ not json".utf8)),
            ("d.json", Data()),
            ("e.json", Data("{\"schema\": 2, \"extra\": true, \"entries\": []}".utf8)),
            ("f.json", try CatalogFixture.document([CatalogFixture.entry("553"), CatalogFixture.entry("421", overrides: ["title": ""])])),
            ("g.json", Data("[1, 2]".utf8)),
        ])
        defer { try? FileManager.default.removeItem(at: folder) }
        guard case .failure(let expected) = try oneByOne(folder), case .failure(let found) = atOnce(folder) else {
            Issue.record("the folder loaded though it has problems")
            return
        }
        #expect(found.issues.count > 8)
        #expect(found.issues == expected.issues)
    }

    @Test func aValidFolderGivesTheSameCatalog() throws {
        var files: [(String, Data)] = []
        for (index, codes) in [["211", "214"], ["220"], ["421", "450", "451"], ["550"], ["551", "552", "553"]].enumerated() {
            files.append(("\(index).json", try CatalogFixture.document(codes.map { CatalogFixture.entry($0) })))
        }
        let folder = try folder(files)
        defer { try? FileManager.default.removeItem(at: folder) }
        let expected = try oneByOne(folder).get(), found = try atOnce(folder).get()
        #expect(found.entries.map(\.code) == expected.entries.map(\.code))
        #expect(found.entries.map(\.title) == expected.entries.map(\.title))
        #expect(found.entries.map(\.code) == ["211", "214", "220", "421", "450", "451", "550", "551", "552", "553"])
    }

    @Test func theBundledCatalogReadsAsOneByOne() throws {
        let bundled = try #require(ResourceLocator().resourcesFolder()).appendingPathComponent("catalog")
        let expected = try oneByOne(bundled).get(), found = try atOnce(bundled).get()
        #expect(found.entries.count == expected.entries.count)
        for (left, right) in zip(found.entries, expected.entries) {
            #expect(left.code == right.code && left.title == right.title && left.description == right.description
                    && left.related == right.related && left.keywords == right.keywords)
        }
    }
}
