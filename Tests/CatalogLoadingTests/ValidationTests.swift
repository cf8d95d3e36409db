import Foundation
import Testing
import TestSupport
import TextSafety
@testable import CatalogLoading
import SMTPCatalog

@Suite struct ValidationTests {
    private func only(_ issues: [CatalogIssue]) throws -> CatalogIssue {
        #expect(issues.count == 1, "\(issues)")
        return try #require(issues.first)
    }

    @Test func validEntryLoads() throws {
        let catalog = try CatalogLoader.load(data: CatalogFixture.document([
            CatalogFixture.entry("553", overrides: ["related": ["550"]]), CatalogFixture.entry("550"),
        ]), named: "test.json")
        #expect(catalog.entries.map(\.code) == ["550", "553"])
    }

    @Test func unknownFieldIsNamed() throws {
        let issue = try only(CatalogFixture.issues([CatalogFixture.entry(overrides: ["colour": "red"])]))
        #expect(issue.field == "colour" && issue.message == "unknown field" && issue.entry == "#1 (553)" && issue.file == "test.json")
    }

    @Test func missingFieldIsNamed() throws {
        let issue = try only(CatalogFixture.issues([CatalogFixture.entry(overrides: ["fix": nil])]))
        #expect(issue.field == "fix" && issue.message == "missing")
    }

    @Test func wrongTypeIsNamed() throws {
        let issue = try only(CatalogFixture.issues([CatalogFixture.entry(overrides: ["title": 42])]))
        #expect(issue.field == "title" && issue.message == "expected a string, found a number")
        let list = try only(CatalogFixture.issues([CatalogFixture.entry(overrides: ["keywords": "mailbox"])]))
        #expect(list.field == "keywords" && list.message.contains("array"))
    }

    @Test func malformedCodeIsNamed() throws {
        let issues = try CatalogFixture.issues([CatalogFixture.entry(overrides: ["code": "5531"])])
        #expect(issues.contains { $0.field == "code" && $0.message.contains("not a stored code form") })
        // A concrete enhanced code is a lookup form, not a stored one.
        let stored = try CatalogFixture.issues([CatalogFixture.entry("X.1.1", overrides: ["code": "5.1.1"])])
        #expect(stored.contains { $0.field == "code" })
    }

    @Test func classMustMatchCode() throws {
        let issue = try only(CatalogFixture.issues([CatalogFixture.entry(overrides: ["class": 4])]))
        #expect(issue.field == "class" && issue.message == "must be 5 for the code 553, found 4")
        let name = try only(CatalogFixture.issues([CatalogFixture.entry(overrides: ["class_name": "Success"])]))
        #expect(name.field == "class_name")
        let enhanced = try only(CatalogFixture.issues([CatalogFixture.entry("X.1.1", overrides: ["class": 5])]))
        #expect(enhanced.field == "class" && enhanced.message.contains("must be null"))
    }

    @Test func kindMustMatchCode() throws {
        let issue = try only(CatalogFixture.issues([CatalogFixture.entry(overrides: ["kind": "enhanced"])]))
        #expect(issue.field == "kind")
    }

    @Test func duplicateCodeIsReported() throws {
        let issue = try only(CatalogFixture.issues([CatalogFixture.entry(), CatalogFixture.entry()]))
        #expect(issue.field == "code" && issue.message.contains("duplicate"))
    }

    @Test func relatedCodeMustExist() throws {
        let issue = try only(CatalogFixture.issues([CatalogFixture.entry(overrides: ["related": ["5.1.1"]])]))
        #expect(issue.field == "related" && issue.message == "5.1.1 is not in the catalog")
    }

    @Test func emptyTextIsReported() throws {
        let issue = try only(CatalogFixture.issues([CatalogFixture.entry(overrides: ["when": "  "])]))
        #expect(issue.field == "when" && issue.message == "must not be empty")
    }

    @Test func controlCharacterIsReported() throws {
        let issue = try only(CatalogFixture.issues([CatalogFixture.entry(overrides: ["summary": "bad \u{1B}[31m red"])]))
        #expect(issue.field == "summary" && issue.message.contains("U+001B"))
        let inList = try only(CatalogFixture.issues([CatalogFixture.entry(overrides: ["keywords": ["ok", "b\u{7}ell", "x"]])]))
        #expect(inList.field == "keywords[2]")
    }

    /// The byte scan must name exactly the scalars `SafeText.isUnsafe` names, with the
    /// safe characters that share their lead bytes (U+00A0, U+2029, U+2065) let through.
    @Test(arguments: [
        ("C1 \u{85} next line", "U+0085"), ("CSI \u{9B}", "U+009B"), ("DEL \u{7F}", "U+007F"),
        ("bidi \u{202E}evil", "U+202E"), ("isolate \u{2066}x", "U+2066"), ("pop \u{2069}", "U+2069"),
        ("nbsp\u{A0}, \u{2029}, \u{2065}, é — § 日本", ""),
    ])
    func controlCharactersAreFoundByTheirBytes(text: String, expected: String) throws {
        let issues = try CatalogFixture.issues([CatalogFixture.entry(overrides: ["title": text])])
        #expect(issues.map(\.message) == (expected.isEmpty ? [] : ["contains the control character \(expected)"]))
        let byBytes = Array(text.utf8).withUnsafeBufferPointer(ControlBytes.firstUnsafeScalar(in:))
        #expect(byBytes == text.unicodeScalars.first(where: SafeText.isUnsafe))
    }

    /// Items are numbered as written, the ones that are not strings included.
    @Test func listItemsAreNumberedAsWritten() throws {
        let issues = try CatalogFixture.issues([CatalogFixture.entry(overrides: ["keywords": [1, "ok", true, "b\u{7}ell", ["x"]]])])
        #expect(issues.map { "\($0.field ?? ""): \($0.message)" } == [
            "keywords: item 1: expected a string, found a number",
            "keywords: item 3: expected a string, found a boolean",
            "keywords[4]: contains the control character U+0007",
            "keywords: item 5: expected a string, found an array",
        ])
    }

    @Test func anEntryMustCiteAnRFC() throws {
        let issue = try only(CatalogFixture.issues([CatalogFixture.entry(overrides: ["rfcs": []])]))
        #expect(issue.field == "rfcs" && issue.message == "must cite at least one RFC")
    }

    @Test func unknownCommandStandingAndReferenceAreReported() throws {
        let issues = try CatalogFixture.issues([CatalogFixture.entry(overrides: [
            "commands": ["SEND"], "standing": "official", "rfcs": ["rfc5321"],
        ])])
        #expect(Set(issues.compactMap(\.field)) == ["commands", "standing", "rfcs"])
    }

    /// `seen_after` (what practice adds to `commands`) is optional, uses the same command
    /// names, and may not repeat a command `commands` already lists.
    @Test func seenAfterIsCheckedLikeCommands() throws {
        let catalog = try CatalogLoader.load(data: CatalogFixture.document([
            CatalogFixture.entry("554", overrides: ["commands": ["CONNECT", "DATA"], "seen_after": ["MAIL", "RCPT"]]),
            CatalogFixture.entry("550"),
        ]), named: "test.json")
        #expect(catalog.entry(forKey: "554")?.seenAfter == ["MAIL", "RCPT"])
        #expect(catalog.entry(forKey: "550")?.seenAfter == [])

        let unknown = try only(CatalogFixture.issues([CatalogFixture.entry(overrides: ["seen_after": ["DATA", "SEND"]])]))
        #expect(unknown.field == "seen_after" && unknown.message == "unknown SMTP command \"SEND\"")
        let repeated = try only(CatalogFixture.issues([CatalogFixture.entry(overrides: ["seen_after": ["DATA", "MAIL"]])]))
        #expect(repeated.field == "seen_after" && repeated.message == "\"MAIL\" is already in commands")
        let wrongType = try only(CatalogFixture.issues([CatalogFixture.entry(overrides: ["seen_after": "RCPT"])]))
        #expect(wrongType.field == "seen_after" && wrongType.message == "expected an array of strings, found a string")
        let wrongItem = try only(CatalogFixture.issues([CatalogFixture.entry(overrides: ["seen_after": ["DATA", 7]])]))
        #expect(wrongItem.field == "seen_after" && wrongItem.message == "item 2: expected a string, found a number")
        let control = try only(CatalogFixture.issues([CatalogFixture.entry(overrides: ["seen_after": ["DA\u{1B}TA"]])]))
        #expect(control.field == "seen_after[1]" && control.message.contains("U+001B"))
    }

    @Test func aDraftMayBeCitedByItsName() throws {
        let catalog = try CatalogLoader.load(data: CatalogFixture.document([
            CatalogFixture.entry("X.7.28", overrides: ["rfcs": ["draft-levine-mailbomb-header", "RFC 5248"]]),
        ]), named: "test.json")
        #expect(catalog.entry(forKey: "X.7.28")?.rfcs.map(\.description) == ["draft-levine-mailbomb-header", "RFC 5248"])
        let issue = try only(CatalogFixture.issues([CatalogFixture.entry(overrides: ["rfcs": ["draft-Levine"]])]))
        #expect(issue.field == "rfcs")
    }

    @Test func everyProblemIsReportedAtOnce() throws {
        let issues = try CatalogFixture.issues([
            CatalogFixture.entry("553", overrides: ["title": "", "colour": 1]),
            CatalogFixture.entry("550", overrides: ["class": 4]),
        ])
        #expect(issues.count == 3)
        #expect(issues.map(\.entry) == ["#1 (553)", "#1 (553)", "#2 (550)"])
    }

    @Test func invalidJSONNamesTheFile() throws {
        let issue = try only(CatalogFixture.issues(data: Data("{\"schema\": 1, \"entries\": [".utf8)))
        #expect(issue.file == "test.json" && issue.message.hasPrefix("is not valid JSON"))
    }

    @Test func topLevelShapeIsChecked() {
        let issues = CatalogFixture.issues(data: Data("{\"schema\": 2, \"entries\": {}}".utf8))
        #expect(Set(issues.compactMap(\.field)) == ["schema", "entries"])
    }

    @Test func folderLoadNamesEachFileAndFindsCrossFileDuplicates() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("catalog-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try CatalogFixture.document([CatalogFixture.entry("553")]).write(to: folder.appendingPathComponent("a.json"))
        try CatalogFixture.document([CatalogFixture.entry("553", overrides: ["class": 4])])
            .write(to: folder.appendingPathComponent("b.json"))
        try CatalogFixture.document([CatalogFixture.entry("553")]).write(to: folder.appendingPathComponent("c.json"))
        #expect(throws: CatalogValidationError.self) { try CatalogLoader.load(from: folder) }
        do {
            _ = try CatalogLoader.load(from: folder)
        } catch let error as CatalogValidationError {
            let name = folder.lastPathComponent
            #expect(error.issues.contains { $0.file == "\(name)/b.json" && $0.field == "class" })
            #expect(error.issues.contains { $0.file == "\(name)/c.json" && $0.message == "duplicate code, already defined in \(name)/a.json" })
        }
    }

    @Test func errorDescriptionNeverCarriesControlCharacters() {
        let error = CatalogValidationError(issues: [CatalogIssue(file: "evil\u{1B}]0;x\u{7}.json", message: "bad")])
        #expect(!error.description.unicodeScalars.contains { $0.value == 0x1B || $0.value == 0x07 })
    }
}
