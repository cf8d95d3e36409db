import ArgumentParser
import CatalogDocuments
import CatalogLoading
import CatalogSearch
import ReplyExplainer
import SMTPCatalog

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
            try output.json(resolved.map(CodeJSON.init))
            return
        }
        let formatter = EntryFormatter(labels: context.labels, output: output)
        try output.write(resolved.map(formatter.listLine).joined(separator: "\n"))
    }
}
