/// A value worked out on another thread (`DetachedThread`) from the moment it is made.
/// Asking for it waits for that thread; if the thread could not start, or has not begun
/// yet, the asking thread works it out itself (`OnceValue`), so asking never deadlocks.
package final class BackgroundValue<Value>: @unchecked Sendable {
    private let once: OnceValue<Value>

    package init(_ make: @escaping @Sendable () -> Value) {
        let once = OnceValue(make)
        self.once = once
        DetachedThread.start { _ = once.value }
    }

    /// The asking thread stays awake for the first two milliseconds of a wait: the value is
    /// usually nearly done when it is asked for (the second half of a catalog folder, read
    /// while this thread read the first), and waking from sleep would cost more than the
    /// rest of the wait.
    package var value: Value { once.value(spinningUpTo: 2_000_000) }
}
