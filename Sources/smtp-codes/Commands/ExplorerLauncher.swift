import ArgumentParser
import CursesTerminal
import ExplorerUI
import Dispatch
import FoundationEssentials
import Glibc
import CatalogDocuments
import CatalogLoading
import CatalogSearch
import InputReading
import ReplyExplainer
import SMTPCatalog

/// Opens the interactive explorer; called by the root command with no subcommand.
struct ExplorerLauncher {
    /// The codes and labels only (`CommandContext.Knowledge.later`), being read on another
    /// thread: the reason and rule files are read when something needs them, after the
    /// first screen if nothing sooner.
    let pending: PendingContext
    /// The process environment (`ProcessEnvironment`), as the main thread read it.
    let environment: [String: String]
    let color: ColorChoice
    let useMouse: Bool
    /// Mail logs, bounces or transcripts whose replies fill the Seen tab (`--log`).
    var logs: [String] = []

    func run() throws {
        // `pbpaste | smtp-codes` on a terminal: explain what was piped in rather than open the explorer.
        // (With standard output not a terminal either, stdin may be a pipe nobody writes to: list instead.)
        if isatty(STDIN_FILENO) == 0, isatty(STDOUT_FILENO) == 1 {
            let input = try ExplainCommand.readStandardInput()
            if !input.allSatisfy(\.isWhitespace) {
                let complete = try CommandContext.reporting { try pending.context().addingKnowledge() }
                return try ExplainCommand.explain(.arguments(input), context: complete, style: .full)
            }
        }
        // Pipes, dumb terminals and unknown TERM values get the plain list, never curses.
        guard CursesTerminal.isCandidate(environment: environment) else { return try printList(color: color) }
        // The logs are read, and fail, before the terminal is taken over; they need the classifier.
        let complete = logs.isEmpty ? nil : try CommandContext.reporting { try pending.context().addingKnowledge() }
        let seen = try complete.map(seenCatalog)
        let wantsColor = color.allowsColor(onTerminal: true, environment: environment)
        guard var terminal = CursesTerminal(options: .init(useColor: wantsColor, useMouse: useMouse)) else {
            // No terminal description for this TERM, so nothing says it understands colour escapes.
            return try printList(color: color == .always ? .always : .never)
        }
        // Curses started while the catalog was read; a catalog that failed is reported
        // once the terminal is given back, as a rule file that fails after the first screen is.
        let context = try afterRestoring(terminal) { try pending.context() }
        let theme = Theme(usesColor: wantsColor)
        var state: AppState
        if let complete, let seen {
            state = AppState(index: SearchIndex(catalog: seen, synonyms: complete.synonyms), labels: complete.labels,
                             size: terminal.size, mouseEnabled: useMouse, classifier: complete.classifier, tab: .seen)
        } else {
            // The first screen lists the codes, before the reason and rule files are read
            // (most of the start-up time); their entries join the list right after it.
            let codesOnly = AppState(catalog: context.catalog, labels: context.labels, size: terminal.size, mouseEnabled: useMouse)
            state = ExplorerLoop.drawFirstFrame(&terminal, state: codesOnly, theme: theme)
            let knowledge = try afterRestoring(terminal) { try context.addingKnowledge() }
            state = state.addingKnowledge(SearchIndex(catalog: knowledge.catalog, synonyms: knowledge.synonyms),
                                          classifier: knowledge.classifier)
        }
        // The search index is not needed to draw; build it meanwhile on the other core.
        let index = state.index
        DispatchQueue.global(qos: .userInitiated).async { index.prepare() }
        ExplorerLoop.run(&terminal, state: state, theme: theme)
        terminal.restore()
        if terminal.stopSignal != 0 { throw ExitCode(128 + terminal.stopSignal) }
    }

    /// Runs `load` with curses on; if it fails, gives the terminal back first, then reports
    /// the failure (`CommandContext.reported`), so the report stays on the normal screen.
    private func afterRestoring<T>(_ terminal: CursesTerminal, _ load: () throws -> T) throws -> T {
        do {
            return try load()
        } catch {
            terminal.restore()
            throw CommandContext.reported(error)
        }
    }

    /// The catalog with the logs' groups after it, read before the terminal is taken over
    /// (so a file that cannot be read is reported on a plain screen, exit 74).
    private func seenCatalog(_ context: CommandContext) throws -> Catalog {
        var report = TriageReport()
        var input = EventInput(classifier: context.classifier, format: nil)
        input.delivered = .outcomeOnly
        let progress = ProgressLine()
        input.progress = { source, state in progress.update(source, state) }
        context.classifier.prepare()
        for path in logs {
            let source = InputSource(argument: path)
            let result = try input.read(source) { event in report.add(event, classifiedBy: context.classifier) }
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
        let context = try CommandContext.reporting { try pending.context() }
        try CodeListPrinter(context: context, output: Output(color: color)).print(context.catalog.codeEntries, json: false)
    }
}
