import Testing
@testable import ReplyExplainer

/// `KeyCounter`'s own hash table against a dictionary doing the same counting.
@Suite struct KeyCounterTests {
    @Test(arguments: [1, 7, 50, 300])
    func countsAsADictionaryWould(limit: Int) {
        var counter = KeyCounter()
        var expected: [String: Int] = [:]
        var other = 0
        var state: UInt64 = 99
        for _ in 0..<5_000 {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            // Skewed: a few keys often, many rarely; some differ only in case or length.
            let number = Int(state >> 33) % 1_000
            let key = number % 3 == 0 ? "k\(number % 17)" : number % 3 == 1 ? "K\(number)" : "k\(number).example.org"
            counter.add(ReportKey(key), limit: limit)
            if expected[key] != nil {
                expected[key]! += 1
            } else if expected.count < limit {
                expected[key] = 1
            } else {
                other += 1
            }
        }
        let (keys, rest) = counter.top(nil)
        #expect(Dictionary(uniqueKeysWithValues: keys.map { ($0.key, $0.count) }) == expected)
        #expect(rest == other && counter.other == other)
        #expect(keys.map(\.key) == expected.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }.map(\.key))
    }

    @Test func keysWithTheSameTextAreOneKey() {
        var counter = KeyCounter()
        for text in ["a", "b", "a", "ab", "a"] { counter.add(ReportKey(text), limit: 10) }
        #expect(counter.top(nil).keys == [KeyCount(key: "a", count: 3), KeyCount(key: "ab", count: 1), KeyCount(key: "b", count: 1)])
        #expect(ReportKey("ab") == ReportKey(String("xab".dropFirst())))
        #expect(ReportKey("ab") != ReportKey("ba"))
    }
}
