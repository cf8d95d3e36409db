import Testing
import CatalogLoading
@testable import CatalogSearch
import SMTPCatalog

@Suite struct ResultOrderTests {
    /// The radix sort must order exactly as the rule says: score descending, then
    /// standing rank, then catalog order, including large scores that need three passes.
    @Test(arguments: [30, 500, 40_000, 5_000_000])
    func ordersAsTheRuleSays(scoreRange: Int) {
        var state: UInt64 = 7
        func next(_ bound: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int(state >> 33) % bound
        }
        let ranks = (0..<3000).map { _ in UInt8(next(6)) }
        let results = (0..<3000).filter { _ in next(3) > 0 }.map { SearchResult(entryIndex: $0, score: 1 + next(scoreRange)) }
        let expected = results.sorted { a, b in
            if a.score != b.score { return a.score > b.score }
            return ranks[a.entryIndex] != ranks[b.entryIndex] ? ranks[a.entryIndex] < ranks[b.entryIndex] : a.entryIndex < b.entryIndex
        }
        #expect(ResultOrder.bestFirst(results, standingRanks: ranks) == expected)
    }

    @Test func smallInputsAreReturnedAsTheyAre() {
        let ranks = [UInt8](repeating: 0, count: 8)
        #expect(ResultOrder.bestFirst([], standingRanks: ranks) == [])
        let one = [SearchResult(entryIndex: 4, score: 9)]
        #expect(ResultOrder.bestFirst(one, standingRanks: ranks) == one)
        let ties = (0..<5).map { SearchResult(entryIndex: $0, score: 3) }
        #expect(ResultOrder.bestFirst(ties, standingRanks: ranks) == ties)
    }
}
