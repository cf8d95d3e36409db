import Foundation
import CatalogLoading
import CatalogSearch
import SMTPCatalog

/// Builds small catalog documents for validation tests, one change at a time.
public enum CatalogFixture {
    public static func entry(_ code: String = "553", overrides: [String: Any?] = [:]) -> [String: Any] {
        // No force unwraps: an odd code gives an entry the validator reports, not a trap.
        let basicClass = Int(code).map { $0 / 100 }
        var object: [String: Any] = [
            "code": code,
            "kind": basicClass != nil ? "basic" : "enhanced",
            "class": basicClass ?? NSNull(),
            "class_name": basicClass.map { ReplyClass.basicName($0) ?? "no class \($0)" } ?? "Any class",
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

    /// Throws (into the test) when an override is not JSON; `try!` would end the whole test process.
    public static func document(_ entries: [[String: Any]]) throws -> Data {
        try JSONSerialization.data(withJSONObject: ["schema": 1, "entries": entries])
    }

    public static func issues(_ entries: [[String: Any]]) throws -> [CatalogIssue] {
        issues(data: try document(entries))
    }

    public static func issues(data: Data) -> [CatalogIssue] {
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
