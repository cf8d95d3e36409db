import ArgumentParser
import CatalogDocuments
import CatalogLoading
import CatalogSearch
import ReplyExplainer
import SMTPCatalog

struct ShowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show",
        abstract: "Explain one or more codes in full.",
        discussion: """
            CODE may be a basic reply code (553), an enhanced status code (5.1.3, 4.2.2),
            an enhanced code for any class (x.1.1), a class (5.X.X) or a subject (X.7.X).
            An enhanced code given with a class digit reads in that class. CODE may also
            be a provider's own code (TSS04, S3150, 5.7.606), a provider reply's id
            (yahoo.tss04) or a reason (greylisted); see `smtp-codes list --kind provider`.

            Examples:
              smtp-codes show 553
              smtp-codes show 5.7.26 --json
              smtp-codes show TSS04
            """
    )

    @OptionGroup var options: GlobalOptions
    @Flag(help: "Print JSON: one object, or an array when several codes are given.") var json = false
    @Argument(help: "The codes to show.", completion: CodeCompletion.kind) var codes: [String]

    func validate() throws {
        if codes.isEmpty { throw ValidationError("give at least one code, e.g. smtp-codes show 553") }
    }

    func run() throws {
        let context = try CommandContext(options)
        // A reply's codes pasted as one argument ("550 5.7.26") are shown one after the other.
        let arguments = codes.flatMap { $0.split(whereSeparator: \.isWhitespace).map(String.init) }
        guard !arguments.isEmpty else {
            Output.error("give at least one code, e.g. smtp-codes show 553")
            throw ExitStatus.usage
        }
        let resolved = try arguments.flatMap(context.resolveAll)
        if json {
            let documents = resolved.map(CodeJSON.init)
            if documents.count == 1 { try context.output.json(documents[0]) } else { try context.output.json(documents) }
            return
        }
        let formatter = EntryFormatter(labels: context.labels, output: context.output)
        try context.output.write(resolved.map { formatter.render($0, knowledge: context.catalog.knowledge(using: $0.entry)) }.joined(separator: "\n\n" + String(repeating: "─", count: 40) + "\n\n"))
    }
}
