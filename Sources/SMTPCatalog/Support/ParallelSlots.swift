import Synchronization

/// Result slots written by concurrent workers, one slot each, read after they finish.
/// `DispatchQueue.concurrentPerform` returns only when every iteration has, which is
/// what makes reading the slots afterwards safe.
package final class ParallelSlots<Value>: @unchecked Sendable {
    private var slots: [Value?]
    /// A plain lock around `slots` (see `OnceValue` for why a `Mutex` of nothing).
    private let lock = Mutex<Void>(())

    package init(count: Int) {
        slots = Array(repeating: nil, count: count)
    }

    package func set(_ index: Int, _ value: Value) {
        lock.withLock { _ in slots[index] = value }
    }

    package func take(_ index: Int) -> Value {
        lock.withLock { _ in
            let value = slots[index]!
            slots[index] = nil
            return value
        }
    }
}
