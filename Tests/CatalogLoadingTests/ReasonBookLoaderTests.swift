import Foundation
import Testing
import CatalogLoading
import SMTPCatalog

/// Reason and rule files are validated like the catalog: every problem is reported
/// with its file, rule and field, and nothing half-read is used.
@Suite struct ReasonBookLoaderTests {
    static let reasons = """
        {"schema": 1, "reasons": [
          {"id": "recipient_unknown", "title": "Recipient unknown", "meaning": "No such mailbox.", "who_acts": "sender",
           "retry": "no", "hard": true, "action": "Fix the address.", "sisimai": "userunknown", "ses": "Permanent/General",
           "kumomta": "InvalidRecipient"},
          {"id": "unclassified", "title": "Unclassified", "meaning": "Unknown.", "who_acts": "nobody", "retry": "after_fix",
           "hard": false, "action": "Read the text.", "sisimai": "undefined", "ses": "Undetermined/Undetermined",
           "kumomta": "Uncategorized"}
        ]}
        """
    static let codes = #"{"schema": 1, "by_code": [{"code": "X.1.1", "reason": "recipient_unknown"}, {"code": "550", "command": "RCPT", "reason": "recipient_unknown"}]}"#

    static func rules(_ rules: String, source: String = #"{"id": "acme", "name": "Acme Mail", "kind": "provider"}"#) -> String {
        #"{"schema": 1, "source": \#(source), "rules": [\#(rules)]}"#
    }

    static let goodRule = """
        {"id": "acme.unknown", "provider_code": "AC01", "title": "No such user", "any": ["no such user here"], "codes": ["5xx"],
         "reason": "recipient_unknown", "explanation": "Acme has no such mailbox.", "action": "Check the address.",
         "docs": "https://acme.example/errors", "example": "550 5.1.1 [AC01] no such user here"}
        """

    /// Writes a resources folder with `files` (path → text) and loads its book.
    static func load(_ files: [String: String]) throws -> ReasonBook {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("reasons-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        for (path, text) in files {
            let url = folder.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try text.write(to: url, atomically: true, encoding: .utf8)
        }
        return try ReasonBookLoader.load(resources: folder)
    }

    static func issues(rulesFile: String, named name: String = "acme.json") -> [String] {
        do {
            _ = try load(["reasons/reasons.json": reasons, "reasons/codes.json": codes, "rules/\(name)": rulesFile])
            return []
        } catch let error as CatalogValidationError {
            return error.issues.map(\.description)
        } catch {
            return ["\(error)"]
        }
    }

    @Test func aGoodBookLoads() throws {
        let book = try Self.load(["reasons/reasons.json": Self.reasons, "reasons/codes.json": Self.codes,
                                  "rules/acme.json": Self.rules(Self.goodRule)])
        #expect(book.reasons.count == 2 && book.byCode.count == 2 && book.byCode[1].command == "RCPT")
        let rule = try #require(book.rules.first)
        #expect(rule.id == "acme.unknown" && rule.source.name == "Acme Mail" && rule.any == ["no such user here"])
        #expect(rule.codes == [.basicClass(5)] && book.rules(withProviderCode: "ac01").map(\.id) == ["acme.unknown"])
    }

    @Test(arguments: [
        (#"{"id": "acme.x", "title": "T", "any": ["abc"], "reason": "no_such_reason", "explanation": "e", "action": "a", "example": "550 abc"}"#,
         "acme.json: entry acme.x: field 'reason': \"no_such_reason\" is not a reason"),
        (#"{"id": "acme.x", "title": "T", "any": ["abc"], "codes": ["55"], "reason": "unclassified", "explanation": "e", "action": "a", "example": "550 abc"}"#,
         "field 'codes': \"55\" is not a code"),
        (#"{"id": "acme.x", "title": "T", "reason": "unclassified", "explanation": "e", "action": "a", "example": "550 abc"}"#,
         "field 'any': is empty"),
        (#"{"id": "other.x", "title": "T", "any": ["abc"], "reason": "unclassified", "explanation": "e", "action": "a", "example": "550"}"#,
         "field 'id': must be \"acme.<name>\""),
        (#"{"id": "acme.x", "title": "T", "any": ["abc"], "reason": "unclassified", "action": "a", "example": "550"}"#,
         "entry acme.x: field 'explanation': is missing"),
        (#"{"id": "acme.x", "title": "T\u001b[2J", "any": ["abc"], "reason": "unclassified", "explanation": "e", "action": "a", "example": "5"}"#,
         "field 'title': holds the control character U+1B"),
        (#"{"id": "acme.x", "title": "T", "any": ["abc"], "reason": "unclassified", "explanation": "e", "action": "a", "example": "5", "docs": "http://x"}"#,
         "field 'docs': must be one https:// address"),
        (#"{"id": "acme.x", "titel": "T", "any": ["abc"], "reason": "unclassified", "explanation": "e", "action": "a", "example": "5"}"#,
         "field 'titel': is not a known field"),
        (#"{"id": "acme.x", "title": "T", "any": ["a"], "reason": "unclassified", "explanation": "e", "action": "a", "example": "5"}"#,
         "\"a\" is shorter than two characters"),
        (goodRule + "," + goodRule, "entry acme.unknown: field 'id': is used by another rule"),
    ])
    func eachProblemIsNamedWithItsFileRuleAndField(rule: String, expected: String) {
        let issues = Self.issues(rulesFile: Self.rules(rule))
        #expect(issues.contains { $0.contains(expected) }, "\(issues)")
    }

    @Test func theSourceMustMatchItsFileAndKind() {
        let wrongID = Self.issues(rulesFile: Self.rules(Self.goodRule), named: "other.json")
        #expect(wrongID.contains { $0.contains("other.json: field 'source.id': is \"acme\" but the file is other.json") })
        let wrongKind = Self.issues(rulesFile: Self.rules(Self.goodRule, source: #"{"id": "acme", "name": "A", "kind": "isp"}"#))
        #expect(wrongKind.contains { $0.contains("field 'kind': must be one of") })
        let broken = Self.issues(rulesFile: "{\"schema\": 1, \"source\": ")
        #expect(broken.contains { $0.hasPrefix("rules/acme.json: is not valid JSON") })
    }

    @Test func theReasonsMustIncludeUnclassifiedAndBeWellFormed() {
        let withoutFallback = #"{"schema": 1, "reasons": [{"id": "x", "title": "X", "meaning": "m", "who_acts": "everyone", "retry": "no", "hard": "yes", "action": "a", "sisimai": "s", "ses": "e", "kumomta": "k"}]}"#
        var issues: [String] = []
        do {
            _ = try Self.load(["reasons/reasons.json": withoutFallback, "reasons/codes.json": Self.codes, "rules/acme.json": Self.rules(Self.goodRule)])
        } catch let error as CatalogValidationError {
            issues = error.issues.map(\.description)
        } catch {}
        #expect(issues.contains { $0.contains("entry x: field 'who_acts': must be one of") })
        #expect(issues.contains { $0.contains("entry x: field 'hard': must be true or false") })
    }
}
