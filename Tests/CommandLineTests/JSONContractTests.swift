import Foundation
import Testing
import TestSupport

/// The `--json` contract of README.md ("JSON"): the exact keys of every object each
/// command prints, nested ones included. The real binary's output is read as generic
/// JSON, so renaming, adding or dropping a key (`class_name`, a `caveat` left out when
/// null) fails here even where a Decodable struct would shrug.
@Suite struct JSONContractTests {
    /// One command and the key set expected at each path of its output.
    struct Case: Sendable, CustomTestStringConvertible {
        let arguments: [String]
        var stdin: String?
        let shape: [String: Set<String>]
        var testDescription: String { (["smtp-codes"] + arguments).joined(separator: " ") + (stdin.map { " < '\($0)'" } ?? "") }
    }

    /// The code object shared by list, show, compare and explain.
    static let code: Set<String> = [
        "code", "kind", "class", "class_name", "title", "summary", "description", "when", "fix",
        "commands", "seen_after", "rfcs", "related", "keywords", "standing", "caveat",
    ]
    static let searchHit: Set<String> = ["code", "title", "class", "class_name", "score", "matches"]
    static let match: Set<String> = ["field", "ranges"]
    static let comparison: Set<String> = ["left", "right", "verdict", "differences", "when_to_use", "references"]
    static let reference: Set<String> = ["reference", "url"]
    static let explanation: Set<String> = [
        "reply_code", "enhanced_code", "command", "text", "permanent", "reason", "reason_title", "hard", "provider",
        "provider_code", "who_acts", "action", "docs_url", "rule", "basic", "enhanced", "verdict", "fault", "notes",
        "recipient", "dsn_action", "outcome",
    ]
    static let triage: Set<String> = [
        "grouping", "inputs", "totals", "first_seen", "last_seen", "groups", "more_groups", "more_replies", "timeline",
        "undated", "beyond_timeline",
    ]
    static let triageInput: Set<String> = ["name", "format", "lines", "unparsable_lines", "cut_lines", "replies", "problem"]
    static let triageTotals: Set<String> = [
        "replies", "delivered", "deferred", "bounced", "rejected", "unknown", "problems", "hard", "soft",
    ]
    static let triageGroup: Set<String> = [
        "level", "key", "title", "other", "count", "share", "hard", "soft", "first_seen", "last_seen", "domains",
        "other_domains", "relays", "other_relays", "example", "action", "groups",
    ]
    static let triageExample: Set<String> = ["codes", "text"]

    @Test(arguments: [
        Case(arguments: ["list", "--json"], shape: ["[]": code]),
        Case(arguments: ["list", "--kind", "enhanced", "--json"], shape: ["[]": code]),
        Case(arguments: ["show", "553", "--json"], shape: ["": code]),
        Case(arguments: ["show", "553", "x.1.1", "4.2.2", "--json"], shape: ["[]": code]),
        Case(arguments: ["search", "mailbox", "--json"], shape: ["[]": searchHit, "[].matches[]": match]),
        Case(arguments: ["search", "5.7", "dmarc", "--json"], shape: ["[]": searchHit, "[].matches[]": match]),
        Case(arguments: ["compare", "550", "x.1.1", "--json"],
             shape: ["": comparison, ".left": code, ".right": code, ".references[]": reference]),
        Case(arguments: ["explain", "--json"], stdin: "550 5.1.1 <bob@example.com>: User unknown",
             shape: ["[]": explanation, "[].basic": code, "[].enhanced": code]),
        // No enhanced code: `enhanced` is null, so its object is absent while the key stays.
        Case(arguments: ["explain", "--json"], stdin: "421 mx.example.com Service not available\n250 OK",
             shape: ["[]": explanation, "[].basic": code]),
        // Plain reply lines name no recipients, relays or times: those arrays are empty, so absent here.
        Case(arguments: ["triage", "--json"], stdin: "550 5.1.1 <bob@example.com>: User unknown\n421 4.7.0 [TSS04] deferred\n",
             shape: ["": triage, ".inputs[]": triageInput, ".totals": triageTotals, ".groups[]": triageGroup,
                     ".groups[].example": triageExample, ".groups[].groups[]": triageGroup,
                     ".groups[].groups[].example": triageExample, ".groups[].groups[].groups[]": triageGroup,
                     ".groups[].groups[].groups[].example": triageExample]),
    ])
    func everyObjectHasExactlyTheDocumentedKeys(_ test: Case) throws {
        let result = try ProcessRunner.smtpCodes(test.arguments, stdin: test.stdin)
        #expect(result.status == 0, "\(result.stderr)")
        let document = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8), options: [.fragmentsAllowed])
        var found: [String: Set<Set<String>>] = [:]
        Self.collectKeySets(document, at: "", into: &found)
        #expect(Set(found.keys) == Set(test.shape.keys), "objects found at \(found.keys.sorted())")
        for (path, keys) in test.shape.sorted(by: { $0.key < $1.key }) {
            let seen = found[path] ?? []
            for other in seen where other != keys {
                Issue.record("at '\(path)': extra \(other.subtracting(keys).sorted()), missing \(keys.subtracting(other).sorted())")
            }
            #expect(seen.contains(keys), "no object with exactly the documented keys at '\(path)'")
        }
    }

    /// Walks the document; each object adds its key set under its path, where array
    /// elements share their array's path plus "[]" and members append ".name".
    static func collectKeySets(_ value: Any, at path: String, into found: inout [String: Set<Set<String>>]) {
        if let object = value as? [String: Any] {
            found[path, default: []].insert(Set(object.keys))
            for (key, member) in object { collectKeySets(member, at: "\(path).\(key)", into: &found) }
        } else if let array = value as? [Any] {
            for element in array { collectKeySets(element, at: path + "[]", into: &found) }
        }
    }

    /// The walk itself, on a document whose shape is known.
    @Test func theWalkFindsNestedObjectsAndEveryVariantOfAKeySet() throws {
        let text = #"{"a": [{"x": 1}, {"x": 2, "y": [ {"z": null} ]}], "b": {"c": []}, "d": null}"#
        var found: [String: Set<Set<String>>] = [:]
        Self.collectKeySets(try JSONSerialization.jsonObject(with: Data(text.utf8)), at: "", into: &found)
        #expect(found == ["": [["a", "b", "d"]], ".a[]": [["x"], ["x", "y"]], ".a[].y[]": [["z"]], ".b": [["c"]]])
    }
}
