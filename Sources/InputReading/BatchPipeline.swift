import Dispatch
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Two stages of a stream on two threads: the calling thread makes batches, a second
/// thread uses them, in the order they were made. Reading and scanning a log is one
/// stage and classifying and counting its replies the other, so a two-core machine
/// works on both at once (docs/performance.md).
///
/// At most `depth` batches wait between the stages, so memory stays bounded whatever the
/// input's length. An error thrown by `consume` stops the stream: the producer's next
/// `send` throws, and `run` throws the consumer's error.
public enum BatchPipeline {
    /// Calls `produce` on this thread with a `send` function; every batch sent is passed
    /// to `consume` on a second thread. Returns what `produce` returns once every batch
    /// sent has been consumed. `consume` may capture state of the caller's: it runs only
    /// while `run` does, and `run` returns (or throws) after its last call.
    public static func run<Batch, Result>(
        depth: Int = 4,
        consume: @escaping (Batch) throws -> Void,
        produce: (_ send: (Batch) throws -> Void) throws -> Result
    ) throws -> Result {
        let queue = BoundedQueue<Batch>(depth: depth)
        let consumer = UncheckedBox(consume)
        DispatchQueue.global(qos: .userInitiated).async {
            while let batch = queue.take() {
                do {
                    try consumer.value(batch)
                } catch {
                    queue.stop(error)
                }
            }
            queue.consumerFinished()
        }
        let result: Result
        do {
            result = try produce { batch in try queue.put(batch) }
        } catch {
            queue.closeAndWait()
            throw queue.failure ?? error
        }
        queue.closeAndWait()
        if let failure = queue.failure { throw failure }
        return result
    }

    /// What `send` throws once the consumer has failed; `run` throws the consumer's error instead.
    struct Stopped: Error {}
}

/// Hands the consumer's closure to its thread. Safe because `run` waits for that thread
/// to finish before it returns, so the closure and what it captures are never used by two
/// threads at once.
private struct UncheckedBox<Value>: @unchecked Sendable {
    let value: Value
    init(_ value: Value) { self.value = value }
}

/// A first-in first-out queue of at most `depth` items between one producer and one
/// consumer, under a mutex with two conditions (a thread sanitizer sees every hand-over).
private final class BoundedQueue<Item>: @unchecked Sendable {
    /// A ring of `depth` places: `waiting` items from `head` on.
    private var ring: [Item?]
    private var head = 0
    private var waiting = 0
    private var closed = false
    private var finished = false
    private var stoppedBy: (any Error)?
    private let depth: Int
    // Allocated, not stored properties: pthread objects must not move, and `&property`
    // promises no stable address.
    private let mutex = UnsafeMutablePointer<pthread_mutex_t>.allocate(capacity: 1)
    /// Signalled when an item arrives or the queue closes (the consumer waits on it), and
    /// when room frees, the consumer fails or finishes (the producer waits on `producerWakes`).
    private let consumerWakes = UnsafeMutablePointer<pthread_cond_t>.allocate(capacity: 1)
    private let producerWakes = UnsafeMutablePointer<pthread_cond_t>.allocate(capacity: 1)

    init(depth: Int) {
        precondition(depth > 0)
        self.depth = depth
        ring = Array(repeating: nil, count: depth)
        pthread_mutex_init(mutex, nil)
        pthread_cond_init(consumerWakes, nil)
        pthread_cond_init(producerWakes, nil)
    }

    deinit {
        pthread_cond_destroy(producerWakes)
        pthread_cond_destroy(consumerWakes)
        pthread_mutex_destroy(mutex)
        producerWakes.deallocate()
        consumerWakes.deallocate()
        mutex.deallocate()
    }

    /// The consumer's error, once it has failed.
    var failure: (any Error)? {
        pthread_mutex_lock(mutex)
        defer { pthread_mutex_unlock(mutex) }
        return stoppedBy
    }

    /// Waits for room, then adds `item`; throws once the consumer has failed.
    func put(_ item: Item) throws {
        pthread_mutex_lock(mutex)
        defer { pthread_mutex_unlock(mutex) }
        while waiting == depth, stoppedBy == nil { pthread_cond_wait(producerWakes, mutex) }
        if stoppedBy != nil { throw BatchPipeline.Stopped() }
        ring[(head + waiting) % depth] = item
        waiting += 1
        pthread_cond_signal(consumerWakes)
    }

    /// The next item, waiting for one; nil once the producer has closed the queue and it is
    /// empty. After a failure the items still queued are dropped.
    func take() -> Item? {
        pthread_mutex_lock(mutex)
        defer { pthread_mutex_unlock(mutex) }
        while waiting == 0, !closed { pthread_cond_wait(consumerWakes, mutex) }
        guard waiting > 0, stoppedBy == nil else { return nil }
        let item = ring[head]
        ring[head] = nil
        head = (head + 1) % depth
        waiting -= 1
        pthread_cond_signal(producerWakes)
        return item
    }

    /// No more items will come: waits until the consumer has finished with those queued.
    func closeAndWait() {
        pthread_mutex_lock(mutex)
        defer { pthread_mutex_unlock(mutex) }
        closed = true
        pthread_cond_signal(consumerWakes)
        while !finished { pthread_cond_wait(producerWakes, mutex) }
    }

    /// Called by the consumer's thread after its last item.
    func consumerFinished() {
        pthread_mutex_lock(mutex)
        finished = true
        pthread_cond_signal(producerWakes)
        pthread_mutex_unlock(mutex)
    }

    /// The consumer failed: the producer stops at its next `put`.
    func stop(_ error: any Error) {
        pthread_mutex_lock(mutex)
        if stoppedBy == nil { stoppedBy = error }
        pthread_cond_signal(producerWakes)
        pthread_mutex_unlock(mutex)
    }
}
