import Foundation
import Testing
import CatalogLoading
import SMTPCatalog

/// The label files are read straight into their table (`LabelTable.readTable`): strings with
/// and without escapes, the last of a repeated label, and a clear error for any other shape.
@Suite struct LabelTableLoadingTests {
    private func table(_ json: String) throws -> [String: String] {
        let resources = FileManager.default.temporaryDirectory.appendingPathComponent("labels-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: resources.appendingPathComponent("locales"), withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: resources) }
        try Data(json.utf8).write(to: resources.appendingPathComponent("locales/en.json"))
        return try LabelTable.readTable(resources, .english)
    }

    @Test func readsPlainAndEscapedStrings() throws {
        let labels = try table(#"{"a": "plain", "b": "tab\there \"quoted\" \u00e9", "c": "", "a": "last wins", "d": "日本"}"#)
        #expect(labels == ["a": "last wins", "b": "tab\there \"quoted\" é", "c": "", "d": "日本"])
    }

    @Test(arguments: [
        #"["a"]"#, #"{"a": 1}"#, #"{"a": "x"} trailing"#, #"{"a": "x""#, #"{"a": "bad \q escape"}"#, "", #"{"a": "raw \#u{1}"}"#,
    ])
    func anyOtherShapeIsAnError(_ json: String) {
        #expect {
            _ = try table(json)
        } throws: { error in
            (error as? CatalogValidationError)?.description.contains("locales/en.json") == true
        }
    }
}
