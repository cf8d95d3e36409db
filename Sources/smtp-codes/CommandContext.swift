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
    /// The codes, then the provider replies and reasons as entries (`KnowledgeEntries`).
    let catalog: Catalog
    let classifier: ReasonClassifier
    let labels: LabelTable
    let synonyms: SynonymTable
    let output: Output
    let resources: URL

    /// `knowledge: false` for commands that only classify replies (`explain`, `triage`): the
    /// provider replies and reasons as entries serve lists, search and `show`, not them.
    init(_ options: GlobalOptions, knowledge: Bool = true) throws {
        try self.init(catalogPaths: options.catalog, noBundled: options.noBundled, language: options.lang, color: options.color,
                      knowledge: knowledge)
    }

    /// `catalogPaths` and `noBundled` as the options give them (`CatalogSources`).
    init(catalogPaths: [String], noBundled: Bool, language: Language?, color: ColorChoice, knowledge: Bool = true) throws {
        let environment = ProcessInfo.processInfo.environment
        guard let resources = ResourceLocator().resourcesFolder() else {
            Output.error("resources missing: cannot find the catalog bundle (\(ResourceLocator.bundleName)) beside the binary or in PREFIX/share/smtp-codes; reinstall, or set \(ResourceLocator.environmentKey)")
            throw ExitStatus.resourcesMissing
        }
        self.resources = resources
        guard let sources = CatalogSources(paths: catalogPaths, noBundled: noBundled,
                                           bundled: resources.appendingPathComponent("catalog"), environment: environment)
        else { throw ValidationError("--no-bundled needs at least one --catalog PATH to read instead") }
        let language = language ?? Language.fromEnvironment(environment)
        // The bundled catalog's titles and summaries in the interface language, when it has them.
        let translation = resources.appendingPathComponent("locales/catalog-\(language.rawValue).json")
        let translates = !noBundled && FileManager.default.fileExists(atPath: translation.path)
        do {
            let codes = try CatalogLoader.load(from: sources.base, translation: translates ? translation : nil,
                                               overlays: sources.overlays, home: environment["HOME"],
                                               whenLarge: LargeAllocations.returnToSystemWhenFreed)
            labels = try LabelTable.load(language, resources: resources)
            let book = try ReasonBookLoader.load(resources: resources)
                .withTitles(try ReasonBookLoader.titles(for: language, resources: resources))
            catalog = knowledge ? KnowledgeEntries.catalog(codes, adding: book, labels: labels) : codes
            classifier = ReasonClassifier(book: book)
            synonyms = try SynonymTable.load(from: resources.appendingPathComponent("search/synonyms.json"))
        } catch let error as CatalogValidationError {
            Output.error(error.description)
            throw ExitStatus.invalidCatalog
        }
        output = Output(color: color, environment: environment)
    }

    /// Resolves a code argument or exits 1 with suggestions (64 when it is not a code at all).
    /// Besides codes it takes a provider reply's or reason's id (`yahoo.tss04`, `greylisted`)
    /// and a provider's own code (`TSS04`, `S3150`, `5.7.606`), which may name several replies.
    func resolveAll(_ argument: String) throws -> [ResolvedCode] {
        let shown = SafeText.visible(argument)
        let code = StatusCode(parsing: argument)
        if let code, let resolved = catalog.resolve(code) { return [resolved] }
        if code == nil, let knowledge = catalog.resolve(argument) { return [knowledge] }
        let providerReplies = classifier.book.rules(withProviderCode: argument.trimmingCharacters(in: .whitespaces))
            .compactMap { catalog.resolve($0.id) }
        if !providerReplies.isEmpty { return providerReplies }
        // An unregistered detail (`5.7.54`) reads by its class and subject, as explain does.
        if case .enhanced(let digit?, let subject?, let detail?)? = code,
           let subjectEntry = catalog.resolve(.enhanced(classDigit: digit, subject: subject, detail: nil)) {
            Output.error(labels.format("explain.note.unregistered", shown, String(digit), ReplyClass.enhancedName(digit) ?? "",
                                       String(subject), subjectEntry.entry.title, String(detail)))
            return [subjectEntry]
        }
        guard code != nil else {
            Output.error(labels.format("error.not_a_code", shown))
            throw ExitStatus.usage
        }
        let near = catalog.suggestions(for: argument).joined(separator: ", ")
        Output.error(labels.format("error.unknown_code", shown) + " " + labels.format("error.suggest", near))
        throw ExitStatus.notFound
    }

    /// One entry for an argument: the first of `resolveAll`.
    func resolve(_ argument: String) throws -> ResolvedCode {
        try resolveAll(argument)[0]
    }
}
