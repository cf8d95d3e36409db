import ArgumentParser
import FoundationEssentials
import CatalogDocuments
import CatalogLoading
import CatalogSearch
import ReplyExplainer
import SMTPCatalog

/// What every subcommand needs, loaded once before any output: the catalog,
/// the labels and the output settings. Failures print to stderr and exit with
/// the documented code, before anything is drawn.
struct CommandContext {
    /// How much of the reason and rule files (`Resources/reasons`, `Resources/rules`) a run
    /// reads up front.
    enum Knowledge {
        /// The classifier, and the provider replies and reasons as entries of the catalog
        /// (`KnowledgeEntries`): lists, search and `show` serve them.
        case entries
        /// The classifier only: commands that classify replies (`explain`, `triage`).
        case classifier
        /// Neither yet: the codes alone, for the explorer's first screen; `addingKnowledge()`
        /// reads the rest (docs/decisions.md, "The first screen draws the codes alone").
        case later
    }

    /// The codes, then (unless the knowledge comes later) the provider replies and reasons as entries.
    let catalog: Catalog
    /// Classifies with the reason book; with the knowledge still to come, an empty book.
    let classifier: ReasonClassifier
    let labels: LabelTable
    /// Loaded with the knowledge (only search needs them), so empty until it is.
    let synonyms: SynonymTable
    let output: Output
    /// The resources folder's path: a `URL` is made only when the reasons are read, after
    /// the explorer's first screen (`ContextSetup`).
    let resources: String
    let language: Language

    init(_ options: GlobalOptions, knowledge: Knowledge = .entries) throws {
        try self.init(catalogPaths: options.catalog, noBundled: options.noBundled, language: options.lang, color: options.color,
                      knowledge: knowledge)
    }

    /// `catalogPaths` and `noBundled` as the options give them (`CatalogSources`).
    init(catalogPaths: [String], noBundled: Bool, language: Language?, color: ColorChoice, knowledge: Knowledge = .entries) throws {
        let codes = try Self.reporting {
            let setup = try ContextSetup(catalogPaths: catalogPaths, noBundled: noBundled, language: language, color: color,
                                         environment: ProcessEnvironment.current())
            return Self(setup: setup, catalog: try setup.readCatalog(), labels: try setup.readLabels())
        }
        switch knowledge {
        case .entries: self = try Self.reporting { try codes.addingKnowledge() }
        case .classifier: self = try Self.reporting { try codes.addingKnowledge(asEntries: false) }
        case .later: self = codes
        }
    }

    /// The codes and labels, read (the knowledge comes later).
    init(setup: ContextSetup, catalog: Catalog, labels: LabelTable) {
        self.init(catalog: catalog, classifier: ReasonClassifier(book: .empty), labels: labels, synonyms: .empty,
                  output: setup.output, resources: setup.resources, language: setup.language)
    }

    /// No resources folder was found: the install is incomplete.
    struct MissingResources: Error {}

    private init(catalog: Catalog, classifier: ReasonClassifier, labels: LabelTable, synonyms: SynonymTable, output: Output,
                 resources: String, language: Language) {
        self.catalog = catalog
        self.classifier = classifier
        self.labels = labels
        self.synonyms = synonyms
        self.output = output
        self.resources = resources
        self.language = language
    }

    /// This context with the reason book read and validated: the classifier, and (with
    /// `asEntries`) the synonyms and the provider replies and reasons after the codes; a
    /// command that only classifies (`explain`, `triage`) searches nothing.
    /// Throws `CatalogValidationError` without printing it, so that the explorer can
    /// first give the terminal back; `reported(_:)` prints it.
    func addingKnowledge(asEntries: Bool = true) throws -> CommandContext {
        let folder = URL(fileURLWithPath: resources, isDirectory: true)
        let book = try ReasonBookLoader.load(resources: folder)
            .withTitles(try ReasonBookLoader.titles(for: language, resources: folder))
        let synonyms = asEntries ? try SynonymTable.load(from: folder.appendingPathComponent("search/synonyms.json")) : .empty
        return CommandContext(catalog: asEntries ? KnowledgeEntries.catalog(catalog, adding: book, labels: labels) : catalog,
                              classifier: ReasonClassifier(book: book), labels: labels, synonyms: synonyms, output: output,
                              resources: resources, language: language)
    }

    /// What to throw for a loading failure: an invalid catalog, reason or rule file is
    /// printed (every issue) and becomes exit status 65, missing resources 66; anything
    /// else passes as it is.
    static func reported(_ error: any Error) -> any Error {
        if error is MissingResources {
            Output.error("resources missing: cannot find the catalog bundle (\(ResourceLocator.bundleName)) beside the binary or in PREFIX/share/smtp-codes; reinstall, or set \(ResourceLocator.environmentKey)")
            return ExitStatus.resourcesMissing
        }
        guard let invalid = error as? CatalogValidationError else { return error }
        Output.error(invalid.description)
        return ExitStatus.invalidCatalog
    }

    /// Runs `load`, turning its failure into what `reported(_:)` makes of it.
    static func reporting<T>(_ load: () throws -> T) throws -> T {
        do { return try load() } catch { throw reported(error) }
    }

    /// Resolves a code argument or exits 1 with suggestions (64 when it is not a code at all).
    /// Besides codes it takes a provider reply's or reason's id (`yahoo.tss04`, `greylisted`)
    /// and a provider's own code (`TSS04`, `S3150`, `5.7.606`), which may name several replies.
    func resolveAll(_ argument: String) throws -> [ResolvedCode] {
        let shown = SafeText.visible(argument)
        let code = StatusCode(parsing: argument)
        if let code, let resolved = catalog.resolve(code) { return [resolved] }
        if code == nil, let knowledge = catalog.resolve(argument) { return [knowledge] }
        let providerReplies = classifier.book.rules(withProviderCode: argument.trimmingSpaces())
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
