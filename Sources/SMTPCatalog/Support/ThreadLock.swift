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

    /// `withLock`, but a lock held elsewhere is tried again and again for up to
    /// `nanoseconds` before this thread goes to sleep on it. For a wait known to be short
    /// while another core finishes: a thread put to sleep takes tens of microseconds to
    /// wake on a virtual machine (docs/performance.md, "Fifth pass"). Each try yields the
    /// processor, so on a single core the thread holding the lock gets to run.
    package func withLock<Result>(spinningUpTo nanoseconds: Int, _ body: () throws -> Result) rethrows -> Result {
        if pthread_mutex_trylock(mutex) != 0 {
            let deadline = Self.now() + nanoseconds
            var locked = false
            while !locked, Self.now() < deadline {
                sched_yield()
                locked = pthread_mutex_trylock(mutex) == 0
            }
            if !locked { pthread_mutex_lock(mutex) }
        }
        defer { pthread_mutex_unlock(mutex) }
        return try body()
    }

    private static func now() -> Int {
        var time = timespec()
        clock_gettime(CLOCK_MONOTONIC, &time)
        return Int(time.tv_sec) * 1_000_000_000 + Int(time.tv_nsec)
    }
}
