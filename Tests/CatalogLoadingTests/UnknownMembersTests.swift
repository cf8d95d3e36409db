import Foundation
import Testing
import TestSupport
@testable import CatalogLoading
import SMTPCatalog

/// An entry with very many unknown members used to be checked against a growing list,
/// quadratic in their number (100k took 40 s): each is reported once, in order of name.
@Suite struct UnknownMembersTests {
    @Test func everyUnknownMemberIsReportedOnce() throws {
        var entry = CatalogFixture.entry("553")
        let names = (0..<20_000).map { String(format: "extra%05d", $0) }
        for name in names { entry[name] = 1 }
        let issues = try CatalogFixture.issues([entry])
        let unknown = issues.filter { $0.message == "unknown field" }
        #expect(unknown.count == names.count)
        #expect(unknown.compactMap(\.field) == names)
    }

    @Test func aRepeatedUnknownMemberIsReportedOnce() throws {
        let text = #"{"schema": 1, "entries": [{"code": "553", "odd": 1, "odd": 2}]}"#
        let issues = CatalogFixture.issues(data: Data(text.utf8))
        #expect(issues.filter { $0.field == "odd" }.count == 1)
    }
}
