import SMTPCatalog

/// The explorer's command context (the codes and labels), read on a second thread from the
/// start while the first starts curses (docs/decisions.md, "The catalog is read while curses
/// starts"): finding the resources, the catalog (its snapshot, when there is one) and the
/// labels, one after the other. A failure is kept, not printed, so that the explorer can
/// give the terminal back before it is reported (`CommandContext.reported`).
struct PendingContext: Sendable {
    private let reading: BackgroundValue<Result<CommandContext, any Error>>

    init(_ makeSetup: @escaping @Sendable () throws -> ContextSetup) {
        reading = BackgroundValue {
            Result {
                let setup = try makeSetup()
                let catalog = try setup.readCatalog()
                return CommandContext(setup: setup, catalog: catalog, labels: try setup.readLabels())
            }
        }
    }

    /// The context, waiting for it if it is still being read; throws what finding the
    /// resources or reading threw, a catalog's problems before the labels'.
    func context() throws -> CommandContext {
        try reading.value.get()
    }
}
