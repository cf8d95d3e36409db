import CatalogLoading
@testable import CatalogSearch
import SMTPCatalog

/// Hit rates of a query set: how often an accepted code comes first (hits@1) and
/// how often one is among the first five (hits@5), with the misses spelt out.
struct RelevanceScore {
    private(set) var total = 0
    private(set) var hitsAt1 = 0
    private(set) var hitsAt5 = 0
    private(set) var misses: [String] = []

    /// The first five codes `index` gives for `query`.
    static func top5(_ query: String, in index: SearchIndex) -> [String] {
        index.search(query).prefix(5).map { index.catalog.entries[$0.entryIndex].code }
    }

    mutating func record(_ query: String, top: [String], acceptedFirst: Set<String>, acceptedInTop5: Set<String>) {
        total += 1
        let first = top.first.map(acceptedFirst.contains) ?? false
        let five = top.contains(where: acceptedInTop5.contains)
        if first { hitsAt1 += 1 }
        if five { hitsAt5 += 1 }
        if !first { misses.append("\(five ? "@1" : "@5") '\(query)': got \(top), want \(acceptedFirst.sorted())") }
    }

    var rateAt1: Double { total == 0 ? 0 : Double(hitsAt1) / Double(total) }
    var rateAt5: Double { total == 0 ? 0 : Double(hitsAt5) / Double(total) }

    var summary: String {
        "hits@1 \(hitsAt1)/\(total) = \(percent(rateAt1)), hits@5 \(hitsAt5)/\(total) = \(percent(rateAt5))"
    }

    private func percent(_ rate: Double) -> String { "\((rate * 1000).rounded() / 10)%" }
}
