import ArgumentParser
import CursesTerminal
import ExplorerUI
import Foundation
import CatalogDocuments
import CatalogLoading
import CatalogSearch
import InputReading
import ReplyExplainer
import SMTPCatalog

/// Opens the interactive explorer; called by the root command with no subcommand.
struct ExplorerLauncher {
    let context: CommandContext
    let color: ColorChoice
    let useMouse: Bool
    /// Mail logs, bounces or transcripts whose replies fill the Seen tab (`--log`).
    var logs: [String] = []

    func run() throws {
        let environment = ProcessInfo.processInfo.environment
        // `pbpaste | smtp-codes` on a terminal: explain what was piped in rather than open the explorer.
        // (With standard output not a terminal either, stdin may be a pipe nobody writes to: list instead.)
        if isatty(STDIN_FILENO) == 0, isatty(STDOUT_FILENO) == 1 {
            let input = try ExplainCommand.readStandardInput()
            if !input.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
                return try ExplainCommand.explain(.arguments(input), context: context, style: .full)
            }
        }
        // Pipes, dumb terminals and unknown TERM values get the plain list, never curses.
        guard CursesTerminal.isCandidate(environment: environment) else { return try printList(color: color) }
        let wantsColor = color.allowsColor(onTerminal: true, environment: environment)
        guard var terminal = CursesTerminal(options: .init(useColor: wantsColor, useMouse: useMouse)) else {
            // No terminal description for this TERM, so nothing says it understands colour escapes.
            return try printList(color: color == .always ? .always : .never)
        }
        let catalog = logs.isEmpty ? context.catalog : try seenCatalog()
        let state = AppState(catalog: catalog, labels: context.labels, size: terminal.size,
                             synonyms: context.synonyms, mouseEnabled: useMouse, classifier: context.classifier,
                             tab: logs.isEmpty ? .all : .seen)
        // The first screen needs no search index; build it meanwhile on the other core.
        let index = state.index
        DispatchQueue.global(qos: .userInitiated).async { index.prepare() }
        ExplorerLoop.run(&terminal, state: state, theme: Theme(usesColor: wantsColor))
        terminal.restore()
        if terminal.stopSignal != 0 { throw ExitCode(128 + terminal.stopSignal) }
    }

    /// The catalog with the logs' groups after it, read before the terminal is taken over
    /// (so a file that cannot be read is reported on a plain screen, exit 74).
    private func seenCatalog() throws -> Catalog {
        var report = TriageReport()
        var input = EventInput(classifier: context.classifier, format: nil)
        let progress = ProgressLine()
        input.progress = { source, state in progress.update(source, state) }
        context.classifier.prepare()
        for path in logs {
            let source = InputSource(argument: path)
            let result = try input.read(source) { event in report.add(event, context.classifier.classify(event.reply)) }
            progress.clear()
            report.addInput(result.triageInput())
            if let failure = result.failure {
                Output.error(failure.description)
                if failure.isUnreadable { throw ExitStatus.ioError }
            }
        }
        return SeenEntries.catalog(context.catalog, adding: report, book: context.classifier.book, labels: context.labels)
    }

    private func printList(color: ColorChoice) throws {
        try CodeListPrinter(context: context, output: Output(color: color)).print(context.catalog.codeEntries, json: false)
    }
}
