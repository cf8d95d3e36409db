import SMTPCatalog

/// The explorer's command context (the codes and labels), read while the first thread starts
/// curses (docs/decisions.md, "The catalog is read while curses starts"): the catalog on a
/// second thread from the start, the labels by whoever asks for the context, meanwhile.
/// A failure is kept, not printed, so that the explorer can give the terminal back before it
/// is reported (`CommandContext.reported`).
struct PendingContext: Sendable {
    private let setup: Result<ContextSetup, any Error>
    private let catalog: BackgroundValue<Result<Catalog, any Error>>

    init(_ makeSetup: () throws -> ContextSetup) {
        let setup = Result { try makeSetup() }
        self.setup = setup
        catalog = BackgroundValue { Result { try setup.get().readCatalog() } }
    }

    /// The context, waiting for the catalog if it is still being read; throws what finding
    /// the resources or reading threw, a catalog's problems before the labels', as reading
    /// them one after the other did.
    func context() throws -> CommandContext {
        let setup = try self.setup.get()
        let labels = Result { try setup.readLabels() }
        let catalog = try self.catalog.value.get()
        return CommandContext(setup: setup, catalog: catalog, labels: try labels.get())
    }
}
