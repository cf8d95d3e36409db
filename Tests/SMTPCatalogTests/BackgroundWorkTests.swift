import Dispatch
import Foundation
import SMTPCatalog
import Testing

/// The pieces the explorer's start-up hands work across threads with: a lock that can be
/// waited for awake, a value made once, and a value made on a thread of its own.
@Suite struct BackgroundWorkTests {
    /// A lock held by another thread for `holdMilliseconds`, which writes 42 into `box`
    /// just before letting go; returns what this thread then reads under the lock.
    private func readAfterRelease(holdMilliseconds: Int, spinningUpTo nanoseconds: Int) -> Int {
        let lock = ThreadLock()
        let box = Box()
        let held = DispatchSemaphore(value: 0)
        DispatchQueue.global().async {
            lock.withLock {
                held.signal()
                usleep(useconds_t(holdMilliseconds * 1000))
                box.value = 42
            }
        }
        held.wait()
        return lock.withLock(spinningUpTo: nanoseconds) { box.value }
    }

    @Test func aWaitShorterThanTheSpinGetsTheLockAndWhatWasWrittenUnderIt() {
        #expect(readAfterRelease(holdMilliseconds: 5, spinningUpTo: 500_000_000) == 42)
    }

    @Test func aWaitLongerThanTheSpinFallsBackToSleepingOnTheLock() {
        #expect(readAfterRelease(holdMilliseconds: 30, spinningUpTo: 1_000_000) == 42)
    }

    @Test func aFreeLockIsTakenAtOnce() {
        let lock = ThreadLock()
        #expect(lock.withLock(spinningUpTo: 0) { 7 } == 7)
        // And it was let go afterwards.
        #expect(lock.withLock { 8 } == 8)
    }

    @Test func aBackgroundValueIsMadeOnceHoweverManyThreadsAsk() {
        let made = Counter()
        let value = BackgroundValue<Int> {
            made.increment()
            usleep(2000)
            return 99
        }
        let answers = Answers()
        DispatchQueue.concurrentPerform(iterations: 8) { _ in answers.record(value.value) }
        #expect(answers.all == Array(repeating: 99, count: 8))
        #expect(made.count == 1)
    }

    @Test func aOnceValueAskedAwakeIsMadeByTheAskerWhenNobodyElseHasBegun() {
        let made = Counter()
        let once = OnceValue<String> {
            made.increment()
            return "made"
        }
        #expect(once.value(spinningUpTo: 1_000_000) == "made")
        #expect(once.value == "made")
        #expect(made.count == 1)
    }
}

private final class Box: @unchecked Sendable {
    var value = 0
}

private final class Counter: @unchecked Sendable {
    private let lock = ThreadLock()
    private var value = 0
    func increment() { lock.withLock { value += 1 } }
    var count: Int { lock.withLock { value } }
}

private final class Answers: @unchecked Sendable {
    private let lock = ThreadLock()
    private var values: [Int] = []
    func record(_ value: Int) { lock.withLock { values.append(value) } }
    var all: [Int] { lock.withLock { values } }
}
