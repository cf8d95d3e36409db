import SMTPCatalog

/// The explorer's command context (the codes and labels), read while the first thread starts
/// curses (docs/decisions.md, "The catalog is read while curses starts"). A second thread
/// finds the resources and reads the catalog (its snapshot, when there is one); whoever asks
/// for the context reads the labels meanwhile, once the resources are found. A failure is
/// kept, not printed, so that the explorer can give the terminal back before it is reported
/// (`CommandContext.reported`).
struct PendingContext: Sendable {
    /// Worked out by the second thread first thing; the asking thread waits for it only if
    /// it asks sooner, and works it out itself if that thread has not begun.
    private let setup: OnceValue<Result<ContextSetup, any Error>>
    private let catalog: BackgroundValue<Result<Catalog, any Error>>

    init(_ makeSetup: @escaping @Sendable () throws -> ContextSetup) {
        let setup = OnceValue { Result { try makeSetup() } }
        self.setup = setup
        catalog = BackgroundValue { Result { try setup.value.get().readCatalog() } }
    }

    /// The context, waiting for the catalog if it is still being read; throws what finding
    /// the resources or reading threw, a catalog's problems before the labels'.
    func context() throws -> CommandContext {
        let setup = try self.setup.value.get()
        let labels = Result { try setup.readLabels() }
        let catalog = try self.catalog.value.get()
        return CommandContext(setup: setup, catalog: catalog, labels: try labels.get())
    }
}
