import ArgumentParser
import Foundation
import CatalogDocuments
import CatalogLoading
import CatalogSearch
import ReplyExplainer
import SMTPCatalog

/// What every subcommand needs, loaded once before any output: the catalog,
/// the labels and the output settings. Failures print to stderr and exit with
/// the documented code, before anything is drawn.
struct CommandContext {
    let catalog: Catalog
    let labels: LabelTable
    let synonyms: SynonymTable
    let output: Output
    let resources: URL

    init(_ options: GlobalOptions) throws {
        try self.init(catalogPath: options.catalog, language: options.lang, color: options.color)
    }

    init(catalogPath: String?, language: Language?, color: ColorChoice) throws {
        let environment = ProcessInfo.processInfo.environment
        guard let resources = ResourceLocator().resourcesFolder() else {
            Output.error("resources missing: cannot find the catalog bundle (\(ResourceLocator.bundleName)) beside the binary or in PREFIX/share/smtp-codes; reinstall, or set \(ResourceLocator.environmentKey)")
            throw ExitStatus.resourcesMissing
        }
        self.resources = resources
        let catalogURL = catalogPath.map { URL(fileURLWithPath: $0) } ?? resources.appendingPathComponent("catalog")
        do {
            catalog = try CatalogLoader.load(from: catalogURL, whenLarge: LargeAllocations.returnToSystemWhenFreed)
            labels = try LabelTable.load(language ?? Language.fromEnvironment(environment), resources: resources)
            synonyms = try SynonymTable.load(from: resources.appendingPathComponent("search/synonyms.json"))
        } catch let error as CatalogValidationError {
            Output.error(error.description)
            throw ExitStatus.invalidCatalog
        }
        output = Output(color: color, environment: environment)
    }

    /// Resolves a code argument or exits 1 with suggestions (64 when it is not a code at all).
    func resolve(_ argument: String) throws -> ResolvedCode {
        let shown = SafeText.visible(argument)
        guard let code = StatusCode(parsing: argument) else {
            Output.error(labels.format("error.not_a_code", shown))
            throw ExitStatus.usage
        }
        guard let resolved = catalog.resolve(code) else {
            let near = catalog.suggestions(for: argument).joined(separator: ", ")
            Output.error(labels.format("error.unknown_code", shown) + " " + labels.format("error.suggest", near))
            throw ExitStatus.notFound
        }
        return resolved
    }
}
