import ArgumentParser
import CatalogDocuments
import CatalogLoading
import CatalogSearch
import ReplyExplainer
import SMTPCatalog

struct ListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "List every code in the catalog, one per line.",
        discussion: "Examples:\n  smtp-codes list\n  smtp-codes list --kind enhanced\n  smtp-codes list --json | jq '.[].code'"
    )

    @OptionGroup var options: GlobalOptions
    @Flag(help: "Print a JSON array of code objects.") var json = false
    @Option(help: "Only basic or enhanced codes.") var kind: CodeKind?

    func run() throws {
        let context = try CommandContext(options)
        let entries = context.catalog.entries.filter { kind == nil || $0.kind == kind }
        try CodeListPrinter(context: context).print(entries, json: json)
    }
}

extension CodeKind: ExpressibleByArgument {}
