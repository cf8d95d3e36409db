import Foundation

/// A copy of the bundled resources in which one rule file fails validation (a title that
/// would clear the screen, a reason that does not exist): what a damaged install reads.
public enum BrokenResources {
    /// What every report of it must name: the file, the rule and both fields.
    public static let reportFragments = [
        "rules/zz.json", "entry zz.clear", "field 'title': holds the control character U+1B", "field 'reason'",
    ]

    /// Makes the copy in a new temporary folder and returns it; the caller removes it.
    public static func withBrokenRuleFile() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("broken-resources-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let resources = try BundledCatalog.resources
        for part in ["catalog", "locales", "search", "reasons", "rules"] {
            try FileManager.default.copyItem(at: resources.appendingPathComponent(part), to: folder.appendingPathComponent(part))
        }
        try Data(#"""
            {"schema": 1, "source": {"id": "zz", "name": "Evil", "kind": "provider"}, "rules": [
              {"id": "zz.clear", "title": "Clear \u001b[2J", "any": ["boom"], "reason": "no_such", "explanation": "e",
               "action": "a", "example": "550 boom"}]}
            """#.utf8).write(to: folder.appendingPathComponent("rules/zz.json"))
        return folder
    }
}
