import Foundation
import FuzzSupport
@testable import CatalogSearch
import SMTPCatalog

/// One input: a typed query through `SearchQuery` (with the bundled synonyms) and
/// `SearchIndex.search` over the bundled catalog, then the highlighter on the top
/// results, as the explorer's list and detail pane use them.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzSearch(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    let loaded = BundledResources.shared
    let query = SearchQuery(text, synonyms: loaded.synonyms)
    let results = loaded.index.search(query)
    let shown = text.debugDescription.prefix(300)
    checkResults(results, of: query, count: loaded.catalog.entries.count, shown)

    let highlighter = SearchHighlighter(query: query, index: loaded.index)
    for result in results.prefix(8) {
        let entry = loaded.catalog.entries[result.entryIndex]
        for match in highlighter.matches(in: entry) {
            let length = match.field == .code ? entry.code.count : match.field.text(of: entry).count
            for range in match.ranges {
                fuzzCheck(range.lowerBound >= 0 && range.upperBound <= length && !range.isEmpty,
                          "highlight \(range) outside \(match.field) of \(entry.code) (\(length) characters): \(shown)")
            }
        }
    }
    return 0
}

private func checkResults(_ results: [SearchResult], of query: SearchQuery, count: Int, _ shown: Substring) {
    var seen = Set<Int>()
    for (position, result) in results.enumerated() {
        fuzzCheck((0..<count).contains(result.entryIndex), "result outside the catalog: \(shown)")
        fuzzCheck(seen.insert(result.entryIndex).inserted, "entry \(result.entryIndex) listed twice: \(shown)")
        fuzzCheck(query.isEmpty ? result.score == 0 : result.score > 0, "score \(result.score) kept: \(shown)")
        if position > 0 {
            fuzzCheck(results[position - 1].score >= result.score, "results not ranked by score: \(shown)")
        }
    }
    if query.isEmpty { fuzzCheck(results.count == count, "an empty query lists \(results.count) of \(count): \(shown)") }
}

/// The process's main (see runFuzzer for why the target defines it).
@_cdecl("fuzz_search_main")
public func fuzzSearchMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    runFuzzer(argc: argc, argv: argv, fuzzSearch)
}
