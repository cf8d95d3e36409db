#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A plain lock over a pthread mutex. Not `Synchronization.Mutex`: that one waits on
/// futexes in code the thread sanitizer does not see, so it reported the values handed
/// across it as data races (docs/decisions.md); a pthread mutex it understands.
package final class ThreadLock: @unchecked Sendable {
    // Allocated, not a stored property: a pthread mutex must not move, and `&property`
    // promises no stable address.
    private let mutex = UnsafeMutablePointer<pthread_mutex_t>.allocate(capacity: 1)

    package init() { pthread_mutex_init(mutex, nil) }

    deinit {
        pthread_mutex_destroy(mutex)
        mutex.deallocate()
    }

    package func withLock<Result>(_ body: () throws -> Result) rethrows -> Result {
        pthread_mutex_lock(mutex)
        defer { pthread_mutex_unlock(mutex) }
        return try body()
    }
}
