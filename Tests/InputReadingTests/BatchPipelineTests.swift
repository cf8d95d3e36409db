import Foundation
import Glibc
import Testing
@testable import InputReading

/// The hand-over between the reading thread and the one that classifies and counts.
struct BatchPipelineTests {
    struct ConsumerFailed: Error, Equatable {}
    struct ProducerFailed: Error, Equatable {}

    @Test func everyBatchArrivesInOrderBeforeRunReturns() throws {
        var seen: [Int] = []
        let sent = try BatchPipeline.run(depth: 2, consume: { (batch: [Int]) in seen += batch }, produce: { send in
            for start in stride(from: 0, to: 10_000, by: 7) { try send(Array(start..<min(start + 7, 10_000))) }
            return 10_000
        })
        #expect(sent == 10_000)
        #expect(seen == Array(0..<10_000))
    }

    @Test func theConsumerRunsOnAnotherThread() throws {
        let producer = pthread_self()
        var consumerThreads: [pthread_t] = []
        try BatchPipeline.run(consume: { (_: Int) in consumerThreads.append(pthread_self()) }, produce: { send in
            for value in 0..<3 { try send(value) }
        })
        #expect(consumerThreads.count == 3)
        #expect(consumerThreads.allSatisfy { pthread_equal($0, producer) == 0 })
    }

    @Test func aConsumerFailureStopsTheProducerAndComesOut() {
        var consumed: [Int] = []
        var sendsThatThrew = 0
        var sent = 0
        #expect(throws: ConsumerFailed.self) {
            try BatchPipeline.run(depth: 1, consume: { (value: Int) in
                if value == 3 { throw ConsumerFailed() }
                consumed.append(value)
            }, produce: { send in
                for value in 0..<1_000 {
                    do {
                        try send(value)
                        sent += 1
                    } catch {
                        sendsThatThrew += 1
                        throw error
                    }
                }
            })
        }
        #expect(consumed == [0, 1, 2])
        // The producer stops within the queue's depth of the failure, not at the end of its input.
        #expect(sendsThatThrew == 1)
        #expect(sent < 10)
    }

    @Test func aProducerFailureComesOutAfterWhatWasSentIsConsumed() {
        var consumed: [Int] = []
        #expect(throws: ProducerFailed.self) {
            try BatchPipeline.run(depth: 4, consume: { (value: Int) in consumed.append(value) }, produce: { send in
                for value in 0..<5 { try send(value) }
                throw ProducerFailed()
            })
        }
        #expect(consumed == [0, 1, 2, 3, 4])
    }

    /// A batch that counts how many of its kind are alive.
    final class CountedBatch: @unchecked Sendable {
        static let lock = NSLock()
        nonisolated(unsafe) static var alive = 0
        nonisolated(unsafe) static var mostAlive = 0
        init() {
            Self.lock.withLock {
                Self.alive += 1
                Self.mostAlive = max(Self.mostAlive, Self.alive)
            }
        }
        deinit { Self.lock.withLock { Self.alive -= 1 } }
    }

    @Test func aSlowConsumerHoldsTheProducerBackWithinTheDepth() throws {
        var consumed = 0
        try BatchPipeline.run(depth: 3, consume: { (_: CountedBatch) in
            consumed += 1
            usleep(200)
        }, produce: { send in
            for _ in 0..<500 { try send(CountedBatch()) }
        })
        #expect(consumed == 500)
        // Three waiting, one being used and one being made: never the whole input.
        #expect(CountedBatch.mostAlive <= 5)
        #expect(CountedBatch.alive == 0)
    }

    @Test func nothingSentIsNothingConsumed() throws {
        var calls = 0
        let value = try BatchPipeline.run(consume: { (_: [UInt8]) in calls += 1 }, produce: { _ in "done" })
        #expect(value == "done")
        #expect(calls == 0)
    }
}
