import ArgumentParser
import CatalogDocuments
import CatalogLoading
import CatalogSearch
import ReplyExplainer
import SMTPCatalog

extension Language: ExpressibleByArgument {}

/// Options every subcommand accepts.
struct GlobalOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp(
        "A catalog of your own (a JSON file or folder) laid over the bundled one: new codes are added, a known code's given fields replace the bundled ones. Repeatable, applied in order, after ~/.config/smtp-codes/catalog.",
        valueName: "path"))
    var catalog: [String] = []

    @Flag(name: .long, help: "Read only the --catalog paths: the first takes the bundled catalog's place, and neither the bundled catalog nor ~/.config/smtp-codes/catalog is read.")
    var noBundled = false

    @Option(name: .long, help: ArgumentHelp("Interface language, en or id (default: from LC_ALL, LC_MESSAGES, LANGUAGE, LANG); id translates the interface, class names, every code's title and summary and the reason titles; longer texts and providers' replies stay English.", valueName: "lang"))
    var lang: Language?

    @Option(name: .long, help: "Colour: auto, always or never (NO_COLOR turns auto off).")
    var color: ColorChoice = .auto

    func validate() throws {
        if noBundled && catalog.isEmpty {
            throw ValidationError("--no-bundled needs at least one --catalog PATH to read instead")
        }
    }
}
