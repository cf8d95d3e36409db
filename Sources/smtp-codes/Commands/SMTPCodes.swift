import ArgumentParser
import FoundationEssentials
import Glibc
import CatalogDocuments
import CatalogLoading
import CatalogSearch
import ReplyExplainer
import SMTPCatalog

@main
struct SMTPCodes: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "smtp-codes",
        abstract: "Explain SMTP reply codes and enhanced status codes, offline.",
        discussion: """
            With no subcommand in a terminal, opens the interactive explorer. When
            standard output is not a terminal, prints the code list instead; text piped
            in on a terminal (pbpaste | smtp-codes) is explained like `explain`.

            Examples:
              smtp-codes                      open the explorer
              smtp-codes show 553             explain a code
              smtp-codes show x.1.1 --json    machine-readable entry
              smtp-codes compare 334 553      how two codes differ
              smtp-codes search mailbox full  find codes by words, typos, synonyms
              grep said: mail.log | smtp-codes explain
              smtp-codes triage mail.log      summarise a mail log
              smtp-codes --log mail.log       browse what a log held (Seen tab)

            \(ExitStatus.helpText)
            """,
        version: "0.1.0",
        subcommands: [ListCommand.self, ShowCommand.self, CompareCommand.self, ExplainCommand.self, TriageCommand.self, SearchCommand.self]
    )

    @OptionGroup var options: GlobalOptions
    @Flag(name: .long, help: "Do not capture the mouse in the explorer (so the terminal can select text).")
    var noMouse = false
    @Option(name: .customLong("log"), help: ArgumentHelp(
        "Open the explorer on what a mail log, bounce or transcript held (repeatable; gzip read as is): its groups on the Seen tab.",
        valueName: "file"), completion: .file())
    var logs: [String] = []
    /// For scripts/make-manpage.sh: the man page sections written from the key table and
    /// the exit statuses (`ManualSections`). Private: not in --help, completions or the page.
    @Flag(name: .customLong("manual-sections"), help: .private)
    var manualSections = false
    /// For scripts/install-files.sh (`make install`, `make dist`): writes `catalog.snapshot`
    /// beside the bundled catalog folder (`CatalogSnapshot`). Private, like the flag above.
    @Flag(name: .customLong("write-catalog-snapshot"), help: .private)
    var writeCatalogSnapshot = false

    /// A bare `smtp-codes` opens the explorer with the defaults straight away: parsing
    /// an empty command line still costs ArgumentParser's reflection over every option
    /// (about a tenth of the time to the first screen). Anything else is parsed as usual.
    static func main() {
        do {
            // argc, not `arguments`: that array of Strings is made on first use, and here it is not needed.
            if CommandLine.argc == 1 {
                try openExplorer(catalogPaths: [], noBundled: false, language: nil, color: .auto, useMouse: true, logs: [])
            } else {
                var command = try parseAsRoot()
                try command.run()
            }
        } catch {
            exitSafely(for: error)
        }
    }

    /// Like ArgumentParser's `exit(withError:)`, but its messages quote the arguments
    /// as typed, and an argument can hold escape sequences (`list $'\e[2J'` would clear
    /// the screen): every message goes through the same safe-text path as all output.
    private static func exitSafely(for error: any Error) -> Never {
        if let failure = error as? OutputFailure { Self.exit(withError: failure.exitCode) }
        let message = SafeText.visible(fullMessage(for: error), keepingLineBreaks: true)
        let status = exitCode(for: error)
        if !message.isEmpty {
            if status == .success {
                try? Output.write(message + "\n", to: STDOUT_FILENO)
            } else {
                try? Output.write(message + "\n", to: STDERR_FILENO)
            }
        }
        Self.exit(withError: ExitCode(status.rawValue))
    }

    /// The one place the explorer is wired, for the bare command and the parsed one alike.
    private static func openExplorer(
        catalogPaths: [String], noBundled: Bool, language: Language?, color: ColorChoice, useMouse: Bool, logs: [String]
    ) throws {
        // The catalog's thread starts first thing, since the first screen waits for it
        // longest; it reads the environment itself rather than wait for this thread to.
        let pending = PendingContext {
            try ContextSetup(catalogPaths: catalogPaths, noBundled: noBundled, language: language, color: color,
                             environment: ProcessEnvironment.current())
        }
        let environment = ProcessEnvironment.current()
        try ExplorerLauncher(pending: pending, environment: environment, color: color, useMouse: useMouse, logs: logs).run()
    }

    func run() throws {
        if writeCatalogSnapshot {
            let resources = try CommandContext.reporting {
                guard let folder = ResourceLocator().resourcesFolder() else { throw CommandContext.MissingResources() }
                return folder
            }
            _ = try CommandContext.reporting { try CatalogSnapshot.write(for: resources.appendingPathComponent("catalog")) }
            return
        }
        if manualSections {
            guard let resources = ResourceLocator().resourcesFolder() else {
                Output.error("resources missing: cannot find the catalog bundle")
                throw ExitStatus.resourcesMissing
            }
            // English, whatever the locale: the committed page must not depend on who ran the script.
            try Output.write(ManualSections.mdoc(labels: LabelTable.load(.english, resources: resources)), to: STDOUT_FILENO)
            return
        }
        try Self.openExplorer(catalogPaths: options.catalog, noBundled: options.noBundled, language: options.lang,
                              color: options.color, useMouse: !noMouse, logs: logs)
    }
}
