import ArgumentParser
import FoundationEssentials
import Glibc
import CatalogDocuments
import InputReading
import ReplyExplainer
import SMTPCatalog

struct TriageCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "triage",
        abstract: "Summarise the SMTP replies in mail logs, bounces and transcripts.",
        discussion: """
            Reads the files given, or standard input when there are none or a file is
            "-", line by line; gzip-compressed files (mail.log.1.gz) are read as they
            are. Every reply found is classified as explain does, then counted: totals
            by outcome (delivered, deferred, bounced, rejected, unknown), the problems
            grouped by reason, provider and code with their share, hard and soft, first
            and last seen, the top recipient domains and relays, an example and what to
            do, and a timeline per hour. Lines that cannot be read as the format are
            counted, never fatal. Exits 0 when any reply was understood, 1 when none
            was, 74 when a file cannot be read.

            Examples:
              smtp-codes triage /var/log/mail.log /var/log/mail.log.1.gz
              smtp-codes triage --by domain --top 20 mail.log
              zcat bounces.mbox.gz | smtp-codes triage --format mail
              smtp-codes triage --ndjson mail.log | jq -r 'select(.hard) | .recipient'
            """
    )

    @OptionGroup var options: GlobalOptions
    @Option(help: ArgumentHelp(FormatChoice.help, valueName: "format")) var format: FormatChoice = .auto
    @Option(help: ArgumentHelp("Groups shown, largest first (0: all).", valueName: "n")) var top = 10
    @Option(name: .customLong("by"), help: ArgumentHelp("Group by reason (then provider, code), code, provider or domain.", valueName: "key"))
    var grouping: TriageGrouping = .reason
    @Flag(help: "Print the report as one JSON document.") var json = false
    @Flag(help: "Print one JSON object per reply, one per line, as they are read (no report).") var ndjson = false
    @Argument(help: ArgumentHelp("Files to read; none or \"-\" reads standard input.", valueName: "file"), completion: .file())
    var files: [String] = []

    func validate() throws {
        if json && ndjson { throw ValidationError("--json and --ndjson cannot be combined") }
        if top < 0 { throw ValidationError("--top must be 0 (all) or more") }
    }

    func run() throws {
        let context = try CommandContext(options, knowledge: .classifier)
        let sources = files.isEmpty ? [InputSource.standardInput] : files.map(InputSource.init(argument:))
        if sources.contains(.standardInput), isatty(STDIN_FILENO) == 1 {
            Output.error("paste or pipe a mail log, e.g.  smtp-codes triage /var/log/mail.log  or  zcat mail.log.1.gz | smtp-codes triage")
            throw ExitStatus.usage
        }
        let progress = ProgressLine()
        let output = BufferedOutput(lineByLine: context.output.isTerminal)
        var input = EventInput(classifier: context.classifier, format: format.format)
        input.progress = { source, state in progress.update(source, state) }
        // As explain's streaming outputs: a pipe that pauses gets the replies held so far.
        input.settlesWhenInputWaits = ndjson
        // The report counts a delivered reply's outcome and time only; NDJSON describes every reply.
        input.delivered = ndjson ? .full : .outcomeOnly
        var report = TriageReport(grouping: grouping)
        var unreadable = false
        let classifier = context.classifier
        // Read from the flag once: its wrapper costs a metadata lookup on every read, per reply.
        let ndjson = ndjson
        for source in sources {
            // Classifying and counting run beside reading; the report is read only once the read returns.
            let result = try input.readConcurrently(source, emit: { event in
                if ndjson {
                    let classification = classifier.classify(event.reply)
                    report.add(event, classification)
                    try output.writeLine(ReplyEventJSON(event, classification, file: source.argument).write(into:))
                } else {
                    report.add(event, classifiedBy: classifier)
                }
            }, flush: {
                // After each chunk read, so `tail -f … | triage --ndjson` keeps moving.
                if ndjson { try output.flush() }
            })
            progress.clear()
            report.addInput(result.triageInput())
            if let failure = result.failure {
                Output.error(failure.description)
                if failure.isUnreadable { unreadable = true }
            }
            if result.unparsableLines > 0 {
                let format = result.format.map { " as \($0.rawValue)" } ?? ""
                Output.error("\(source.name): \(result.unparsableLines) of \(result.summary.lines) lines could not be read\(format) (counted, skipped)")
            }
        }
        try output.flush()
        if json {
            try context.output.json(TriageJSON(report, top: top))
        } else if !ndjson {
            let lines = TriageDocument.lines(for: report, labels: context.labels, width: context.output.width, top: top)
            try context.output.write(lines.map(context.output.styled).joined(separator: "\n"))
        }
        if unreadable { throw ExitStatus.ioError }
        if report.replies == 0 {
            Output.error(context.labels["explain.none"])
            throw ExitStatus.notFound
        }
    }
}
