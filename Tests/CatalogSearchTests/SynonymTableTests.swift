import Foundation
import Testing
import CatalogLoading
@testable import CatalogSearch
import SMTPCatalog

@Suite struct SynonymTableTests {
    private func load(_ json: String) throws -> SynonymTable {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("synonyms-\(UUID().uuidString).json")
        try Data(json.utf8).write(to: url)
        defer { try? FileManager.default.removeItem(at: url) }
        return try SynonymTable.load(from: url)
    }

    @Test func readsGroupsAndFoldsThemOnFirstUse() throws {
        let table = try load(#"{"schema": 1, "groups": [["Over Quota", "mailbox full"], ["rDNS", "reverse dns"]]}"#)
        #expect(table.groups == [[["over", "quota"], ["mailbox", "full"]], [["rdns"], ["reverse", "dns"]]])
        #expect(table.longestPhrase(in: ["my", "mailbox", "full"], at: 1)?.group == 0)
    }

    @Test(arguments: [
        (#"{"schema": 2, "groups": []}"#, "schema: must be 1"),
        (#"{"schema": 1, "groups": [["a", 3]]}"#, "must be {\"schema\": 1, \"groups\": [[strings]]}"),
        (#"{"schema": 1}"#, "must be {\"schema\": 1, \"groups\": [[strings]]}"),
        ("not json", "must be {\"schema\": 1, \"groups\": [[strings]]}"),
    ])
    func rejectsMalformedFiles(json: String, message: String) {
        do {
            _ = try load(json)
            Issue.record("accepted \(json)")
        } catch let error as CatalogValidationError {
            #expect(error.issues.count == 1)
            #expect("\(error.issues[0].field.map { "\($0): " } ?? "")\(error.issues[0].message)" == message)
        } catch {
            Issue.record("unexpected \(error)")
        }
    }
}
