/// The one search engine behind the explorer and `smtp-codes search`: every
/// word of the query must match some field; a code match ranks first, then
/// title, keywords, summary and the longer texts. Ties go to standard codes,
/// then catalog order.
public struct SearchIndex: Sendable {
    public let catalog: Catalog
    private let folded: [[SearchField: FoldedText]]

    public init(catalog: Catalog) {
        self.catalog = catalog
        folded = catalog.entries.map { entry in
            Dictionary(uniqueKeysWithValues: SearchField.allCases.map { ($0, FoldedText($0.text(of: entry))) })
        }
    }

    /// Ranked results; an empty query matches everything in catalog order.
    public func search(_ query: String) -> [SearchResult] {
        let words = query.split(whereSeparator: \.isWhitespace).map(String.init)
        guard !words.isEmpty else {
            return catalog.entries.indices.map { SearchResult(entryIndex: $0, score: 0, matches: []) }
        }
        var results: [SearchResult] = []
        for index in catalog.entries.indices {
            if let result = match(words, entryAt: index) { results.append(result) }
        }
        return results.sorted { a, b in
            if a.score != b.score { return a.score > b.score }
            let left = catalog.entries[a.entryIndex].standing.rank, right = catalog.entries[b.entryIndex].standing.rank
            if left != right { return left < right }
            return a.entryIndex < b.entryIndex
        }
    }

    private func match(_ words: [String], entryAt index: Int) -> SearchResult? {
        let entry = catalog.entries[index]
        var score = 0
        var ranges: [SearchField: [Range<Int>]] = [:]
        for word in words {
            var best = 0
            if let code = StatusCode(parsing: word), code.catalogKey == entry.code {
                best = SearchField.code.weight * 2
                ranges[.code, default: []].append(0..<entry.code.count)
            }
            let needle = FoldedText(word).characters
            for field in SearchField.allCases {
                guard let text = folded[index][field] else { continue }
                let found = field == .code ? codePrefix(needle, text) : text.occurrences(of: needle)
                guard !found.isEmpty else { continue }
                ranges[field, default: []] += found
                let wordStart = found.contains { text.isWordStart($0.lowerBound) }
                best = max(best, field.weight + (wordStart ? field.weight / 2 : 0))
            }
            guard best > 0 else { return nil }
            score += best
        }
        let matches = SearchField.allCases.compactMap { field in
            ranges[field].map { FieldMatch(field: field, ranges: merged($0)) }
        }
        return SearchResult(entryIndex: index, score: score, matches: matches)
    }

    /// A code matches a query that is its prefix (`55` → 550…559); `x` in either stands for any class.
    private func codePrefix(_ needle: [Character], _ code: FoldedText) -> [Range<Int>] {
        guard needle.count <= code.characters.count else { return [] }
        for (wanted, actual) in zip(needle, code.characters) where wanted != actual {
            if code.characters.first == "x", wanted.isNumber, actual == "x" { continue }
            return []
        }
        return [0..<needle.count]
    }

    private func merged(_ ranges: [Range<Int>]) -> [Range<Int>] {
        var result: [Range<Int>] = []
        for range in ranges.sorted(by: { $0.lowerBound < $1.lowerBound }) {
            if let last = result.last, range.lowerBound <= last.upperBound {
                result[result.count - 1] = last.lowerBound..<max(last.upperBound, range.upperBound)
            } else {
                result.append(range)
            }
        }
        return result
    }
}
