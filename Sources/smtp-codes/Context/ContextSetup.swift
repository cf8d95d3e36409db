import ArgumentParser
import FoundationEssentials
import Glibc
import CatalogLoading
import SMTPCatalog

/// Where a run's catalog and labels come from, found before either is read: so that the
/// explorer can read the catalog on one thread and the labels on another (`PendingContext`).
/// Nothing here prints; failures are thrown for `CommandContext.reported(_:)`.
/// Its paths are strings: this runs before the explorer's first screen, where a first
/// `URL` costs more than the rest of it (docs/performance.md, "Fourth pass").
struct ContextSetup: Sendable {
    /// The resources folder (`ResourceLocator`).
    let resources: String
    let sources: CatalogSources
    let language: Language
    /// The bundled catalog's titles and summaries in the interface language, when it has them.
    let translation: String?
    let home: String?
    let output: Output

    /// `catalogPaths` and `noBundled` as the options give them (`CatalogSources`).
    init(catalogPaths: [String], noBundled: Bool, language: Language?, color: ColorChoice,
         environment: [String: String]) throws {
        guard let resources = ResourceLocator(environment: environment).resourcesPath() else {
            throw CommandContext.MissingResources()
        }
        guard let sources = CatalogSources(paths: catalogPaths, noBundled: noBundled,
                                           bundled: resources + "/catalog", environment: environment)
        else { throw ValidationError("--no-bundled needs at least one --catalog PATH to read instead") }
        let language = language ?? Language.fromEnvironment(environment)
        let translation = resources + "/locales/catalog-\(language.rawValue).json"
        self.resources = resources
        self.sources = sources
        self.language = language
        self.translation = !noBundled && access(translation, F_OK) == 0 ? translation : nil
        home = environment["HOME"]
        output = Output(color: color, environment: environment)
    }

    /// The codes: the bundled catalog (or the first `--catalog`), the translation and the overlays.
    func readCatalog() throws -> Catalog {
        try CatalogLoader.load(path: sources.base, translationPath: translation, overlayPaths: sources.overlays, home: home,
                               whenLarge: LargeAllocations.returnToSystemWhenFreed)
    }

    func readLabels() throws -> LabelTable {
        try LabelTable.load(language, resourcesPath: resources)
    }
}
