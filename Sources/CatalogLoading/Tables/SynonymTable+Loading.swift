import CatalogSearch
import FoundationEssentials
import SMTPCatalog

extension SynonymTable {
    /// Reads `{"schema": 1, "groups": [["a", "b"], …]}`; the shape is checked now.
    public static func load(from url: URL) throws -> SynonymTable {
        let name = url.lastPathComponent
        guard let data = FileManager.default.contents(atPath: url.path) else {
            throw CatalogValidationError(issues: [CatalogIssue(file: name, message: "cannot be read")])
        }
        let shapeError = CatalogValidationError(issues: [CatalogIssue(file: name, message: "must be {\"schema\": 1, \"groups\": [[strings]]}")])
        guard case .object(let top)? = try? JSONParser.withParser(data, { try $0.parseDocument() }),
              case .array(let groupValues)? = top["groups"], top["schema"] != nil
        else { throw shapeError }
        guard top["schema"] == .number(1) else {
            throw CatalogValidationError(issues: [CatalogIssue(file: name, field: "schema", message: "must be 1")])
        }
        var groups: [[String]] = []
        for value in groupValues {
            guard case .array(let phrases) = value else { throw shapeError }
            groups.append(try phrases.map { phrase in
                guard case .string(let text) = phrase else { throw shapeError }
                return text
            })
        }
        return SynonymTable(groups: groups)
    }
}
