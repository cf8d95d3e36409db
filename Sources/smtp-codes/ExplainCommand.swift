import ArgumentParser
import Foundation
import CatalogDocuments
import CatalogLoading
import CatalogSearch
import ReplyExplainer
import SMTPCatalog
import TerminalScreen

struct ExplainCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "explain",
        abstract: "Explain pasted SMTP reply lines, log lines or bounce text.",
        discussion: """
            Reads the lines given as arguments, or standard input when there are none
            or the argument is "-". Understands bare replies, multi-line replies
            (550-... continuation lines), Postfix and Exim log lines, DSN Diagnostic-Code
            fields and qmail's (#5.1.1).

            Examples:
              smtp-codes explain '550 5.1.1 <bob@example.com>: User unknown'
              grep 'said:' /var/log/mail.log | smtp-codes explain
              pbpaste | smtp-codes explain --json
            """
    )

    @OptionGroup var options: GlobalOptions
    @Flag(help: "Print a JSON array with one object per reply.") var json = false
    @Argument(help: "Reply lines; none or \"-\" reads standard input.") var lines: [String] = []

    func run() throws {
        let context = try CommandContext(options)
        let input: String
        if lines.isEmpty || lines == ["-"] {
            guard isatty(STDIN_FILENO) == 0 else {
                Output.error(context.labels["explain.stdin_help"])
                throw ExitStatus.usage
            }
            input = try Self.readStandardInput()
        } else {
            input = lines.joined(separator: "\n")
        }
        try Self.explain(input, context: context, json: json)
    }

    /// The most of standard input `explain` reads; what follows is ignored with a warning.
    static let maximumInputBytes = 256 << 20

    /// All of standard input up to `maximumInputBytes`; an unreadable input (a directory,
    /// a closed descriptor) is reported and exits 74.
    static func readStandardInput() throws -> String {
        do {
            let contents = try BoundedInput.read(descriptor: STDIN_FILENO, limit: maximumInputBytes)
            if contents.wasCut {
                Output.error("standard input is larger than \(maximumInputBytes >> 20) MiB; only the first \(maximumInputBytes >> 20) MiB were read")
            }
            return String(decoding: contents.data, as: UTF8.self)
        } catch {
            Output.error("cannot read standard input: \(error)")
            throw ExitStatus.ioError
        }
    }

    /// Explains every reply in `input`; also used when text is piped into a bare `smtp-codes`.
    static func explain(_ input: String, context: CommandContext, json: Bool) throws {
        let explanations = ReplyFinder.replies(in: input, classifier: context.classifier).map {
            ReplyExplanation($0, catalog: context.catalog, classifier: context.classifier, labels: context.labels)
        }
        if json {
            try context.output.json(explanations.map(ExplanationJSON.init))
        } else if !explanations.isEmpty {
            let printer = ExplanationPrinter(labels: context.labels, output: context.output)
            try context.output.write(explanations.map(printer.render).joined(separator: "\n\n"))
        }
        if explanations.isEmpty {
            Output.error(context.labels["explain.none"])
            throw ExitStatus.notFound
        }
    }
}
