import Foundation
import Testing
@testable import CatalogLoading

/// `FolderNames` lists what `FileManager.contentsOfDirectory` listed, and says why it cannot.
@Suite struct FolderNamesTests {
    @Test func listsEveryNameButTheDotEntries() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("names-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("sub"), withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        for name in ["b.json", "a.json", ".hidden", "é ü.json"] {
            try Data("{}".utf8).write(to: folder.appendingPathComponent(name))
        }
        let names = try FolderNames.at(folder.path).get()
        #expect(names.sorted() == ["sub", ".hidden", "a.json", "b.json", "é ü.json"].sorted())
        #expect(Set(names) == Set(try FileManager.default.contentsOfDirectory(atPath: folder.path)))
    }

    @Test func aMissingFolderSaysSo() {
        guard case .failure(let error) = FolderNames.at("/nonexistent-\(UUID().uuidString)") else {
            Issue.record("a missing folder was listed")
            return
        }
        #expect(error.reason == "No such file or directory")
    }
}
