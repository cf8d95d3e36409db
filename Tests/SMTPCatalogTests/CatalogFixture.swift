import Foundation
@testable import SMTPCatalog

/// Builds small catalog documents for validation tests, one change at a time.
enum CatalogFixture {
    static func entry(_ code: String = "553", overrides: [String: Any?] = [:]) -> [String: Any] {
        let isBasic = Int(code) != nil
        var object: [String: Any] = [
            "code": code,
            "kind": isBasic ? "basic" : "enhanced",
            "class": isBasic ? Int(code)! / 100 : NSNull(),
            "class_name": isBasic ? ReplyClass.basicName(Int(code)! / 100)! : "Any class",
            "title": "Title of \(code)",
            "summary": "Summary of \(code).",
            "description": "Description of \(code).",
            "when": "When \(code) appears.",
            "fix": "How to fix \(code).",
            "commands": ["MAIL", "RCPT"],
            "rfcs": ["RFC 5321 §4.2.3"],
            "related": [],
            "keywords": ["one", "two", "three"],
            "standing": "standard",
        ]
        for (key, value) in overrides {
            if let value { object[key] = value } else { object.removeValue(forKey: key) }
        }
        return object
    }

    static func document(_ entries: [[String: Any]]) -> Data {
        try! JSONSerialization.data(withJSONObject: ["schema": 1, "entries": entries])
    }

    static func issues(_ entries: [[String: Any]]) -> [CatalogIssue] {
        issues(data: document(entries))
    }

    static func issues(data: Data) -> [CatalogIssue] {
        do {
            _ = try CatalogLoader.load(data: data, named: "test.json")
            return []
        } catch let error as CatalogValidationError {
            return error.issues
        } catch {
            return [CatalogIssue(file: "?", message: "unexpected \(error)")]
        }
    }
}
