import ArgumentParser
import CursesTerminal
import ExplorerUI
import Foundation
import CatalogDocuments
import CatalogLoading
import CatalogSearch
import ReplyExplainer
import SMTPCatalog

/// Opens the interactive explorer; called by the root command with no subcommand.
struct ExplorerLauncher {
    let context: CommandContext
    let color: ColorChoice
    let useMouse: Bool

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
        let state = AppState(catalog: context.catalog, labels: context.labels, size: terminal.size,
                             synonyms: context.synonyms, mouseEnabled: useMouse, classifier: context.classifier)
        // The first screen needs no search index; build it meanwhile on the other core.
        let index = state.index
        DispatchQueue.global(qos: .userInitiated).async { index.prepare() }
        ExplorerLoop.run(&terminal, state: state, theme: Theme(usesColor: wantsColor))
        terminal.restore()
        if terminal.stopSignal != 0 { throw ExitCode(128 + terminal.stopSignal) }
    }

    private func printList(color: ColorChoice) throws {
        try CodeListPrinter(context: context, output: Output(color: color)).print(context.catalog.codeEntries, json: false)
    }
}
