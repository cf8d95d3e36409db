import ArgumentParser
import CatalogDocuments
import CatalogLoading
import CatalogSearch
import ReplyExplainer
import SMTPCatalog

extension Language: ExpressibleByArgument {}

/// Options every subcommand accepts.
struct GlobalOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("Read the catalog from this JSON file or folder instead of the bundled one.", valueName: "path"))
    var catalog: String?

    @Option(name: .long, help: ArgumentHelp("Interface language, en or id (default: from LC_ALL, LC_MESSAGES, LANGUAGE, LANG); id translates the interface and class names, the catalog's texts stay English.", valueName: "lang"))
    var lang: Language?

    @Option(name: .long, help: "Colour: auto, always or never (NO_COLOR turns auto off).")
    var color: ColorChoice = .auto
}
