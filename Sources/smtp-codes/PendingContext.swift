import SMTPCatalog

/// The explorer's command context (the codes and labels), read on a second thread while
/// the first starts curses (docs/decisions.md, "The catalog is read while curses starts").
/// A failure is kept, not printed, so that the explorer can give the terminal back before
/// it is reported (`CommandContext.reported`).
struct PendingContext: Sendable {
    private let load: BackgroundValue<Result<CommandContext, any Error>>

    init(_ make: @escaping @Sendable () throws -> CommandContext) {
        load = BackgroundValue { Result { try make() } }
    }

    /// The context, waiting for it if it is still being read; throws what reading it threw.
    func context() throws -> CommandContext {
        try load.value.get()
    }
}
