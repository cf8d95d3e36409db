import Foundation
import SMTPCatalog
import Testing
import TestSupport

/// docs/catalog.md documents the schema in a table; it must list exactly the fields
/// of `SchemaField`, in order, with "optional" where a field is not required.
@Suite struct SchemaDocumentationTests {
    @Test func theCatalogDocumentListsEverySchemaField() throws {
        let document = try String(contentsOf: BinaryLocator.packageRoot.appendingPathComponent("docs/catalog.md"), encoding: .utf8)
        let rows = document.split(separator: "\n").filter { $0.hasPrefix("| `") }.map { row in
            row.split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) }
        }
        let names = rows.map { $0[0].trimmingCharacters(in: CharacterSet(charactersIn: "`")) }
        #expect(names == SchemaField.all.map(\.name))
        for (row, field) in zip(rows, SchemaField.all) {
            #expect(row[1].contains("optional") == !field.isRequired, "\(field.name): \(row[1])")
            #expect(row[1].hasPrefix("[string]") == field.isList, "\(field.name): \(row[1])")
        }
    }
}
