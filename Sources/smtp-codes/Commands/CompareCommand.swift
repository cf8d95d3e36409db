import ArgumentParser

import CatalogDocuments
import CatalogLoading
import CatalogSearch
import ReplyExplainer
import SMTPCatalog
import TerminalScreen

struct CompareCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "compare",
        abstract: "Compare two codes: classes, meanings, key differences, when to use which.",
        discussion: """
            Prints what the explorer's comparison view shows. Side by side on a terminal
            at least 100 columns wide, one code after the other otherwise.

            Examples:
              smtp-codes compare 334 553
              smtp-codes compare 550 5.1.1 --json
            """
    )

    @OptionGroup var options: GlobalOptions
    @Flag(help: "Print JSON: left, right, verdict, differences, when_to_use, references.") var json = false
    @Argument(help: "The first code.", completion: CodeCompletion.kind) var first: String
    @Argument(help: "The second code.", completion: CodeCompletion.kind) var second: String

    /// Below this width the two columns would be too narrow to read.
    static let sideBySideWidth = 100

    func run() throws {
        let context = try CommandContext(options)
        let comparison = Comparison(
            left: try context.resolve(first), right: try context.resolve(second),
            catalog: context.catalog, labels: context.labels, book: context.classifier.book)
        if json {
            try context.output.json(ComparisonJSON(comparison))
            return
        }
        let printer = ComparisonPrinter(labels: context.labels, output: context.output)
        let sideBySide = context.output.isTerminal && context.output.width >= Self.sideBySideWidth
        try context.output.write(sideBySide ? printer.columns(comparison) : printer.sequential(comparison))
    }
}
