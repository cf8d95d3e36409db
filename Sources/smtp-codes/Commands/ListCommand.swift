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
        discussion: """
            Without --kind, lists the reply codes; --kind provider lists the providers' own
            replies that explain recognises, --kind reason the reasons.

            Examples:
              smtp-codes list
              smtp-codes list --kind enhanced
              smtp-codes list --kind provider
              smtp-codes list --json | jq '.[].code'
            """
    )

    @OptionGroup var options: GlobalOptions
    @Flag(help: "Print a JSON array of code objects.") var json = false
    @Option(help: "Only one kind: basic, enhanced, provider or reason.") var kind: CodeKind?

    func run() throws {
        let context = try CommandContext(options)
        let entries = context.catalog.entries.filter { entry in kind.map { entry.kind == $0 } ?? entry.kind.isCode }
        try CodeListPrinter(context: context).print(entries, json: json)
    }
}

extension CodeKind: ExpressibleByArgument {}
