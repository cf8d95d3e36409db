import SMTPCatalog

/// The explorer's command context (the codes and labels), read while the first thread starts
/// curses (docs/decisions.md, "The catalog is read while curses starts"). A second thread
/// finds the resources and reads the catalog (its snapshot, when there is one); whoever asks
/// for the context reads the labels meanwhile, once the resources are found. A failure is
/// kept, not printed, so that the explorer can give the terminal back before it is reported
/// (`CommandContext.reported`).
struct PendingContext: Sendable {
    private let reading: ContextReading

    init(_ makeSetup: @escaping @Sendable () throws -> ContextSetup) {
        let reading = ContextReading(makeSetup)
        self.reading = reading
        // If no thread starts, `context()` reads the catalog itself.
        DetachedThread.start { _ = reading.catalog(spinning: false) }
    }

    /// The context, waiting for the catalog if it is still being read; throws what finding
    /// the resources or reading threw, a catalog's problems before the labels'.
    func context() throws -> CommandContext {
        let setup = try reading.setup().get()
        let labels = Result { try setup.readLabels() }
        let catalog = try reading.catalog(spinning: true).get()
        return CommandContext(setup: setup, catalog: catalog, labels: try labels.get())
    }
}

/// What the two threads share: the setup and the catalog, each worked out once by whichever
/// thread asks first (the catalog's thread, which takes the catalog's lock before anything
/// else, so that the asking thread waits for it rather than read the catalog twice).
/// Not `OnceValue` and `BackgroundValue`: those are generic classes, and the first generic
/// class the process makes costs the runtime about 0.1 ms of setting up, which the main
/// thread paid before the catalog's thread could start. This class's layout is known when
/// it is compiled, so making it costs an allocation (docs/performance.md, "Seventh pass").
private final class ContextReading: @unchecked Sendable {
    private let setupLock = ThreadLock()
    private let catalogLock = ThreadLock()
    /// Guarded by `setupLock`; `makeSetup` is let go once the setup is made.
    private var makeSetup: (@Sendable () throws -> ContextSetup)?
    private var madeSetup: Result<ContextSetup, any Error>?
    /// Guarded by `catalogLock`.
    private var madeCatalog: Result<Catalog, any Error>?

    init(_ makeSetup: @escaping @Sendable () throws -> ContextSetup) {
        self.makeSetup = makeSetup
    }

    func setup() -> Result<ContextSetup, any Error> {
        setupLock.withLock {
            if let madeSetup { return madeSetup }
            let made = Result { try makeSetup!() }
            madeSetup = made
            makeSetup = nil
            return made
        }
    }

    /// The asking thread spins (`ThreadLock.withLock(spinningUpTo:_:)`): the catalog is
    /// usually nearly read when it is asked for, once curses has started.
    func catalog(spinning: Bool) -> Result<Catalog, any Error> {
        catalogLock.withLock(spinningUpTo: spinning ? 2_000_000 : 0) {
            if let madeCatalog { return madeCatalog }
            let made = Result { try setup().get().readCatalog() }
            madeCatalog = made
            return made
        }
    }
}
