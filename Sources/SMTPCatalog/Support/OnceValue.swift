/// A value worked out on first use, once, by whichever thread asks first; the
/// others wait for it. The search index and the folded synonyms are built this
/// way, so that start-up does not pay for them (the explorer asks for them on
/// another thread once its first screen is up).
package final class OnceValue<Value>: @unchecked Sendable {
    /// Guards `make` and `made`.
    private let lock = ThreadLock()
    private var make: (@Sendable () -> Value)?
    private var made: Value?

    package init(_ make: @escaping @Sendable () -> Value) {
        self.make = make
    }

    package var value: Value {
        lock.withLock(valueLocked)
    }

    /// `value`, trying for up to `nanoseconds` before sleeping while another thread works
    /// it out (`ThreadLock.withLock(spinningUpTo:_:)`).
    package func value(spinningUpTo nanoseconds: Int) -> Value {
        lock.withLock(spinningUpTo: nanoseconds, valueLocked)
    }

    private func valueLocked() -> Value {
        if let made { return made }
        let value = make!()
        made = value
        make = nil  // lets go of what building needed
        return value
    }
}
