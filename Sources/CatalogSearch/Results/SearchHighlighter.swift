import SMTPCatalog
/// Finds what to highlight for a query: the words each term matched (its
/// synonyms, completions and corrected spellings included) and code patterns.
public struct SearchHighlighter: Sendable {
    private let words: Set<String>
    /// A one-letter last word: the first letter of matching title words is highlighted.
    private let initials: Set<Character>
    private let fragments: [String]
    private let patterns: [CodePattern]

    public init(query: SearchQuery, index: SearchIndex) {
        var words = Set<String>()
        var initials = Set<Character>()
        var fragments: [String] = []
        var patterns: [CodePattern] = []
        for term in query.groups.joined() where !term.negated {
            if let pattern = term.code { patterns.append(pattern) }
            switch term.mode {
            case .exact, .prefix, .suffix:
                fragments.append(SearchText.fold(term.text))
            case .fuzzy:
                if term.isLast, term.phrases.count == 1, term.phrases[0].count == 1, term.phrases[0][0].count == 1 {
                    initials.insert(Character(term.phrases[0][0]))
                    continue
                }
                for phrase in term.phrases {
                    for (position, word) in phrase.enumerated() {
                        words.insert(word)
                        let isOwnLast = phrase == term.phrases.first && position == phrase.count - 1
                        guard isOwnLast, index.vocabulary.id(of: word) == nil || term.isLast else { continue }
                        for id in index.vocabulary.ids(withPrefix: word) { words.insert(index.vocabulary.words[id]) }
                        if word.count >= 4, index.vocabulary.ids(withPrefix: word).isEmpty {
                            for id in index.vocabulary.ids(near: word, maxEdits: word.count >= 8 ? 2 : 1) {
                                words.insert(index.vocabulary.words[id])
                            }
                        }
                    }
                }
            }
        }
        self.words = words
        self.initials = initials
        self.fragments = fragments.filter { !$0.isEmpty }
        self.patterns = patterns
    }

    /// Match ranges per field for one entry; fields without a match are left out.
    public func matches(in entry: CatalogEntry) -> [FieldMatch] {
        var result: [FieldMatch] = []
        if let range = codeRange(in: entry) { result.append(FieldMatch(field: .code, ranges: [range])) }
        for field in SearchField.textFields {
            let ranges = self.ranges(in: field.text(of: entry))
            if !ranges.isEmpty { result.append(FieldMatch(field: field, ranges: ranges)) }
        }
        return result
    }

    /// Ranges in one text (for a single field, such as the title in a list row).
    public func ranges(in text: String) -> [Range<Int>] {
        // Every visible row asks on every frame; with nothing to look for, say so at once.
        guard !words.isEmpty || !initials.isEmpty || !fragments.isEmpty else { return [] }
        let folded = SearchText.fold(text)
        var ranges: [Range<Int>] = []
        for (token, range) in SearchText.tokens(folded) {
            if words.contains(token) {
                ranges.append(range)
            } else if let first = token.first, initials.contains(first) {
                ranges.append(range.lowerBound..<range.lowerBound + 1)
            }
        }
        let characters = fragments.isEmpty ? [] : Array(folded)
        for fragment in fragments {
            let needle = Array(fragment)
            var start = 0
            while start + needle.count <= characters.count {
                if characters[start..<start + needle.count].elementsEqual(needle) {
                    ranges.append(start..<start + needle.count)
                    start += needle.count
                } else {
                    start += 1
                }
            }
        }
        return ranges.sorted { $0.lowerBound < $1.lowerBound }
    }

    public func codeRange(in entry: CatalogEntry) -> Range<Int>? {
        guard let code = StatusCode(parsing: entry.code),
              let pattern = patterns.first(where: { $0.strength(for: code) > 0 }) else { return nil }
        return 0..<pattern.highlightLength(in: entry.code)
    }
}
