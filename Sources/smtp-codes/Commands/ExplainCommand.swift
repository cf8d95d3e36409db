import ArgumentParser
import FoundationEssentials
import Glibc
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
            or the argument is "-" (gzip-compressed input is inflated). Understands bare
            replies, multi-line replies (550-... continuation lines), Postfix and Exim log
            lines, DSN Diagnostic-Code fields and qmail's (#5.1.1); --format names the
            input's format instead of detecting it. --brief prints one line per reply and
            --ndjson one JSON object per line, both as the input is read, for logs of any
            size; the full output and --json read up to 256 MiB of standard input.

            Examples:
              smtp-codes explain '550 5.1.1 <bob@example.com>: User unknown'
              grep 'said:' /var/log/mail.log | smtp-codes explain
              pbpaste | smtp-codes explain --json
              smtp-codes explain --brief < /var/log/mail.log
            """
    )

    @OptionGroup var options: GlobalOptions
    @Option(help: ArgumentHelp(FormatChoice.help, valueName: "format")) var format: FormatChoice = .auto
    @Flag(help: "Print a JSON array with one object per reply.") var json = false
    @Flag(help: "Print one line per reply: codes, reason, provider and what to do (for logs).") var brief = false
    @Flag(help: "Print one JSON object per reply, one per line, as triage --ndjson does.") var ndjson = false
    @Argument(help: "Reply lines; none or \"-\" reads standard input.") var lines: [String] = []

    /// How the explanations are written.
    enum Style { case full, json, brief, ndjson }

    var style: Style { json ? .json : brief ? .brief : ndjson ? .ndjson : .full }

    func validate() throws {
        if [json, brief, ndjson].filter({ $0 }).count > 1 {
            throw ValidationError("choose one of --json, --brief and --ndjson")
        }
    }

    func run() throws {
        let context = try CommandContext(options, knowledge: .classifier)
        if lines.isEmpty || lines == ["-"] {
            guard isatty(STDIN_FILENO) == 0 else {
                Output.error(context.labels["explain.stdin_help"])
                throw ExitStatus.usage
            }
            try Self.explain(.standardInput, context: context, style: style, format: format.format)
        } else {
            try Self.explain(.arguments(lines.joined(separator: "\n")), context: context, style: style, format: format.format)
        }
    }

    /// The most of standard input the full and `--json` output read (both hold or print every
    /// explanation at length); what follows is ignored with a warning. `--brief` and `--ndjson`
    /// stream, one line per reply, and read to the end.
    static let maximumInputBytes = 256 << 20

    /// All of standard input up to `maximumInputBytes`, for a bare `smtp-codes` that decides
    /// between explaining and the explorer; an unreadable input (a directory, a closed
    /// descriptor) is reported and exits 74.
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

    enum Source {
        case standardInput
        case arguments(String)
    }

    /// Explains every reply in `source` as it is found (also used when text is piped into a
    /// bare `smtp-codes`, with the text already read).
    static func explain(_ source: Source, context: CommandContext, style: Style, format: InputFormat? = nil) throws {
        var input = EventInput(classifier: context.classifier, format: format)
        let streams = style == .brief || style == .ndjson
        if !streams { input.contentLimit = maximumInputBytes }
        let output = BufferedOutput(lineByLine: context.output.isTerminal)
        // A pipe that pauses gets its replies at once, held ones too (docs/decisions.md, flush policy).
        if streams { input.settlesWhenInputWaits = true }
        let printer = ExplanationPrinter(labels: context.labels, output: context.output)
        var explanations: [ExplanationJSON] = []
        var count = 0
        let file: String? = if case .standardInput = source { "-" } else { nil }
        func emit(_ event: ReplyEvent) throws {
            count += 1
            switch style {
            case .ndjson:
                let classification = context.classifier.classify(event.reply)
                try output.writeLine(ReplyEventJSON(event, classification, file: file).write(into:))
            case .brief:
                let explanation = ReplyExplanation(event.reply, catalog: context.catalog, classifier: context.classifier, labels: context.labels)
                try output.write(printer.brief(explanation))
            case .json:
                let explanation = ReplyExplanation(event.reply, catalog: context.catalog, classifier: context.classifier, labels: context.labels)
                explanations.append(ExplanationJSON(explanation, event: event))
            case .full:
                let explanation = ReplyExplanation(event.reply, catalog: context.catalog, classifier: context.classifier, labels: context.labels)
                try output.write((count > 1 ? "\n" : "") + printer.render(explanation))
            }
        }
        let result: EventInputResult
        switch source {
        case .standardInput where streams:
            // Explaining runs beside reading; output is flushed after each chunk read, before the next read may wait.
            result = try input.readConcurrently(.standardInput, emit: emit, flush: output.flush)
        case .standardInput: result = try input.read(.standardInput, emit: emit)
        case .arguments(let text): result = try input.read(text: text, emit: emit)
        }
        try output.flush()
        if let failure = result.failure {
            if failure.isUnreadable {
                Output.error("cannot read standard input: \(failure.reason)")
                throw ExitStatus.ioError
            }
            Output.error(failure.description)
        }
        if result.summary.stoppedAtLimit {
            Output.error("standard input is larger than \(maximumInputBytes >> 20) MiB; only the first \(maximumInputBytes >> 20) MiB were read")
        }
        if style == .json { try context.output.json(explanations) }
        if count == 0 {
            Output.error(context.labels["explain.none"])
            throw ExitStatus.notFound
        }
    }
}
