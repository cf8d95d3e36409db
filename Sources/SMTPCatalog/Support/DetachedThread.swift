#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Starts work on a thread of its own (a pthread). Not Dispatch: its first use opens
/// descriptors (epoll, an eventfd) that take the lowest free numbers, so a process started
/// with standard input or output closed (`smtp-codes list >&-`) would then write to one of
/// them and report "Invalid argument" instead of "Bad file descriptor". This opens none.
package enum DetachedThread {
    /// Returns false when no thread could be started; the work has then not run.
    @discardableResult
    package static func start(_ work: @escaping @Sendable () -> Void) -> Bool {
        let context = Unmanaged.passRetained(Work(work)).toOpaque()
        var thread = pthread_t()
        let started = pthread_create(&thread, nil, { context in
            Unmanaged<Work>.fromOpaque(context!).takeRetainedValue().run()
            return nil
        }, context)
        guard started == 0 else {
            Unmanaged<Work>.fromOpaque(context).release()
            return false
        }
        pthread_detach(thread)
        return true
    }

    private final class Work: Sendable {
        let run: @Sendable () -> Void
        init(_ run: @escaping @Sendable () -> Void) { self.run = run }
    }
}
