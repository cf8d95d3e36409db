/// Result slots written by concurrent workers, one slot each, read after they finish.
/// `DispatchQueue.concurrentPerform` returns only when every iteration has, which is
/// what makes reading the slots afterwards safe.
package final class ParallelSlots<Value>: @unchecked Sendable {
    private var slots: [Value?]
    /// Guards `slots`.
    private let lock = ThreadLock()

    package init(count: Int) {
        slots = Array(repeating: nil, count: count)
    }

    package func set(_ index: Int, _ value: Value) {
        lock.withLock { slots[index] = value }
    }

    package func take(_ index: Int) -> Value {
        lock.withLock {
            let value = slots[index]!
            slots[index] = nil
            return value
        }
    }
}
