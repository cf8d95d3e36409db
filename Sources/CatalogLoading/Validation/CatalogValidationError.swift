import SMTPCatalog

/// Every problem found while loading, reported together so one run fixes them all.
public struct CatalogValidationError: Error, Sendable, CustomStringConvertible {
    public let issues: [CatalogIssue]

    public init(issues: [CatalogIssue]) {
        self.issues = issues
    }

    public var description: String {
        let noun = issues.count == 1 ? "problem" : "problems"
        return "invalid catalog (\(issues.count) \(noun)):\n" + issues.map { "  " + SafeText.visible($0.description) }.joined(separator: "\n")
    }
}
