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

/// Shared by `list` and by the explorer's fallback when there is no terminal.
struct CodeListPrinter {
    let context: CommandContext
    var output: Output

    init(context: CommandContext, output: Output? = nil) {
        self.context = context
        self.output = output ?? context.output
    }

    func print(_ entries: [CatalogEntry], json: Bool) throws {
        let resolved = entries.map { ResolvedCode(entry: $0) }
        if json {
            try output.json(resolved.map(CodeDocument.init))
            return
        }
        let formatter = EntryFormatter(labels: context.labels, output: output)
        try output.write(resolved.map(formatter.listLine).joined(separator: "\n"))
    }
}
