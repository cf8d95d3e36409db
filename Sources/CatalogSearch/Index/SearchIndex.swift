import SMTPCatalog
/// The one search engine behind the explorer and `smtp-codes search`.
///
/// Ranking, best first: exact code; code prefix or pattern; title; keywords;
/// summary; the longer texts. Within a field an exact word beats a synonym, a
/// prefix (while typing) and a typo (one edit from 4 letters, two from 8),
/// tried in that order on the vocabulary rather than on every entry. Ties go
/// to standard codes, then catalog order.
public struct SearchIndex: Sendable {
    public let catalog: Catalog
    public let synonyms: SynonymTable
    /// The words and the parsed codes, built on first use or ahead of it by `prepare()`:
    /// the explorer's first screen lists the catalog without searching, so it need not
    /// wait for them.
    private let built: OnceValue<(vocabulary: Vocabulary, codes: [StatusCode?])>
    var vocabulary: Vocabulary { built.value.vocabulary }
    private var codes: [StatusCode?] { built.value.codes }
    /// Each entry's `Standing.rank`, for ordering ties without touching the entries.
    private let standingRanks: [UInt8]

    /// Scores: codes dwarf text so that a code query always ranks its code first.
    static let exactCodeScore = 20_000
    static let codePatternScore = 10_000
    static let subjectFallbackScore = 5_000

    public init(catalog: Catalog, synonyms: SynonymTable = .empty) {
        self.catalog = catalog
        self.synonyms = synonyms
        let entries = catalog.entries
        built = OnceValue { (Vocabulary(entries: entries), entries.map { StatusCode(parsing: $0.code) }) }
        standingRanks = catalog.entries.map { UInt8($0.standing.rank) }
    }

    /// Builds the word index now, if it is not built yet. The explorer calls this on a
    /// background thread once its first screen is up; a search started before it is
    /// done waits for it.
    public func prepare() {
        _ = built.value
        _ = synonyms.groups
    }

    /// Ranked results; an empty query lists everything in catalog order.
    public func search(_ text: String) -> [SearchResult] {
        search(SearchQuery(text, synonyms: synonyms))
    }

    public func search(_ query: SearchQuery) -> [SearchResult] {
        let count = catalog.entries.count
        guard !query.isEmpty else { return (0..<count).map { SearchResult(entryIndex: $0, score: 0) } }
        var total: [Int32]? = nil
        var excluded: [Bool]? = nil
        for group in query.groups {
            if group.count == 1, group[0].negated {
                let hits = scores(for: group[0])
                var mask = excluded ?? [Bool](repeating: false, count: count)
                for index in 0..<count where hits[index] > 0 { mask[index] = true }
                excluded = mask
                continue
            }
            // Alternatives (`a | b`) keep each entry's best; a lone term's scores are used as they are.
            let terms = group.filter { !$0.negated }
            var groupScores = terms.count == 1 ? scores(for: terms[0]) : [Int32](repeating: 0, count: count)
            for term in terms where terms.count > 1 {
                let termScores = scores(for: term)
                for index in 0..<count where termScores[index] > groupScores[index] { groupScores[index] = termScores[index] }
            }
            if var running = total {
                for index in 0..<count { running[index] = groupScores[index] > 0 && running[index] > 0 ? running[index] + groupScores[index] : 0 }
                total = running
            } else {
                total = groupScores
            }
        }
        // A query of exclusions only keeps everything else.
        let finalScores = total ?? [Int32](repeating: 1, count: count)
        var results: [SearchResult] = []
        // Sized once: growing an array of a million results copied it twenty times.
        results.reserveCapacity(finalScores.reduce(0) { $0 + ($1 > 0 ? 1 : 0) })
        if let excluded {
            for index in 0..<count where finalScores[index] > 0 && !excluded[index] {
                results.append(SearchResult(entryIndex: index, score: Int(finalScores[index])))
            }
        } else {
            for index in 0..<count where finalScores[index] > 0 {
                results.append(SearchResult(entryIndex: index, score: Int(finalScores[index])))
            }
        }
        return ResultOrder.bestFirst(results, standingRanks: standingRanks)
    }

    // MARK: - One term

    /// This term's score for every entry (0: no match).
    private func scores(for term: SearchQuery.Term) -> [Int32] {
        var scores = [Int32](repeating: 0, count: catalog.entries.count)
        switch term.mode {
        case .fuzzy:
            if let pattern = term.code { addCodeScores(pattern, into: &scores) }
            if term.isLast, term.phrases.count == 1, term.phrases[0].count == 1, term.phrases[0][0].utf8.count == 1,
               let first = term.phrases[0][0].utf8.first {
                // One letter typed so far: titles with a word starting with it, not every word of every text.
                let weight = Int32(SearchField.title.weight * 85 / 100)
                for entry in vocabulary.titleInitials[first] ?? [] where weight > scores[Int(entry)] { scores[Int(entry)] = weight }
                if let id = vocabulary.id(of: term.phrases[0][0]) { addPostings(id, quality: 100, into: &scores) }
                break
            }
            var scratch: PhraseScratch?
            for (phrase, quality) in alternatives(term) { addPhrase(phrase, quality: quality, into: &scores, scratch: &scratch) }
        case .exact:
            guard let fragment = term.phrases.first?.joined(separator: " "), !fragment.isEmpty else { break }
            for id in vocabulary.ids(containing: fragment) { addPostings(id, quality: 100, into: &scores) }
        case .prefix, .suffix:
            addEdgeMatches(term, into: &scores)
        }
        if term.caseSensitive { keepCaseSensitive(term, in: &scores) }
        return scores
    }

    /// Word sequences to look for, each with a quality in percent: the typed words,
    /// their synonyms, then (for single words) prefix completions and near spellings.
    private func alternatives(_ term: SearchQuery.Term) -> [([[Int]], Int)] {
        var result: [([[Int]], Int)] = []
        let typed = SearchText.tokens(SearchText.fold(term.text)).map(\.token)
        for phrase in term.phrases {
            let isOwn = phrase == typed
            var words: [[Int]] = []
            for (position, word) in phrase.enumerated() {
                var ids = vocabulary.id(of: word).map { [$0] } ?? []
                let isLastWord = position == phrase.count - 1
                if isOwn, isLastWord, term.isLast || word.count >= 4 { ids += Array(vocabulary.ids(withPrefix: word)) }
                if isOwn, ids.isEmpty, word.count >= 4, !word.allSatisfy(\.isNumber) {
                    ids = vocabulary.ids(near: word, maxEdits: word.count >= 8 ? 2 : 1)
                    if ids.isEmpty, isLastWord, term.isLast {
                        ids = prefixesNear(word)
                    }
                }
                words.append(ids)
            }
            let exactWords = phrase.allSatisfy { vocabulary.id(of: $0) != nil }
            // A phrase counts once per typed word, as separate words would, so a synonym
            // that stands for two typed words weighs as much as those two words.
            let quality = isOwn ? (exactWords ? 100 : 70) : 85
            result.append((words, quality * max(1, typed.count)))
        }
        return result
    }

    /// Words that begin with a near spelling of an unfinished last word ("authent" typed as "athent").
    private func prefixesNear(_ word: String) -> [Int] {
        vocabulary.ids(startingNear: word, maxEdits: 1)
    }

    /// Dense per-entry arrays rather than dictionaries: phrases of common words touch
    /// most of a large catalog, and hashing every posting cost tens of milliseconds.
    /// Made once per term and shared by its phrases (a synonym group has several):
    /// `common` and `weakest` are written for every candidate before being read, and
    /// `here` is cleared where it was set, so nothing needs resetting between phrases.
    private struct PhraseScratch {
        var common: [UInt8]
        var weakest: [Int32]
        var here: [UInt8]

        init(count: Int) {
            common = [UInt8](repeating: 0, count: count)
            weakest = [Int32](repeating: 0, count: count)
            here = [UInt8](repeating: 0, count: count)
        }
    }

    /// Adds a phrase's score: every word must occur in the entry. A field holding all
    /// of them gives its weight; otherwise the phrase is only as good as its weakest word.
    private func addPhrase(_ words: [[Int]], quality: Int, into scores: inout [Int32], scratch: inout PhraseScratch?) {
        guard !words.isEmpty, words.allSatisfy({ !$0.isEmpty }) else { return }
        if words.count == 1 {
            for id in words[0] { addPostings(id, quality: quality, into: &scores) }
            return
        }
        var arrays = scratch ?? PhraseScratch(count: catalog.entries.count)
        scratch = nil
        defer { scratch = arrays }
        var candidates: [Int32] = []
        var touched: [Int32] = []
        for (position, ids) in words.enumerated() {
            touched.removeAll(keepingCapacity: true)
            for id in ids {
                for posting in vocabulary.postings(of: id) {
                    let entry = Int(posting >> 8)
                    if arrays.here[entry] == 0 { touched.append(Int32(entry)) }
                    arrays.here[entry] |= UInt8(posting & 0xFF)
                }
            }
            if position == 0 {
                candidates = touched
                for entry in touched.lazy.map(Int.init) {
                    arrays.common[entry] = arrays.here[entry]
                    arrays.weakest[entry] = Int32(SearchField.bestWeight(arrays.here[entry]))
                }
            } else {
                // Keep the candidates this word also occurs in, compacting in place.
                var kept = 0
                for index in candidates.indices where arrays.here[Int(candidates[index])] != 0 {
                    let candidate = candidates[index], entry = Int(candidate)
                    arrays.common[entry] &= arrays.here[entry]
                    arrays.weakest[entry] = min(arrays.weakest[entry], Int32(SearchField.bestWeight(arrays.here[entry])))
                    candidates[kept] = candidate
                    kept += 1
                }
                candidates.removeLast(candidates.count - kept)
            }
            for entry in touched { arrays.here[Int(entry)] = 0 }
        }
        for entry in candidates.lazy.map(Int.init) {
            let weight = arrays.common[entry] != 0 ? Int32(SearchField.bestWeight(arrays.common[entry])) : arrays.weakest[entry]
            let score = weight * Int32(quality) / 100
            if score > scores[entry] { scores[entry] = score }
        }
    }

    private func addPostings(_ id: Int, quality: Int, into scores: inout [Int32]) {
        for posting in vocabulary.postings(of: id) {
            let entry = Int(posting >> 8)
            let score = Int32(SearchField.bestWeight(UInt8(posting & 0xFF)) * quality / 100)
            if score > scores[entry] { scores[entry] = score }
        }
    }

    private func addCodeScores(_ pattern: CodePattern, into scores: inout [Int32]) {
        var matched = false
        for (index, code) in codes.enumerated() {
            guard let code else { continue }
            switch pattern.strength(for: code) {
            case 2: scores[index] = Int32(Self.exactCodeScore); matched = true
            case 1: scores[index] = max(scores[index], Int32(Self.codePatternScore)); matched = true
            default: break
            }
        }
        // An enhanced detail the catalog lacks (5.7.54) still finds its subject overview.
        if !matched, let key = pattern.subjectKey, let entry = catalog.entry(forKey: key),
           let index = catalog.entries.firstIndex(of: entry) {
            scores[index] = Int32(Self.subjectFallbackScore)
        }
    }

    /// `^text` and `text$`: the code or the title starts or ends with the text.
    private func addEdgeMatches(_ term: SearchQuery.Term, into scores: inout [Int32]) {
        let wanted = term.caseSensitive ? term.text : SearchText.fold(term.text)
        for (index, entry) in catalog.entries.enumerated() {
            for (field, text) in [(SearchField.code, entry.code), (.title, entry.title)] {
                let candidate = term.caseSensitive ? text : SearchText.fold(text)
                let hit = term.mode == .prefix ? candidate.hasPrefix(wanted) : candidate.hasSuffix(wanted)
                if hit { scores[index] = max(scores[index], Int32(field.weight)) }
            }
        }
    }

    /// Smart case: with a capital letter typed, keep entries whose text has it as typed.
    private func keepCaseSensitive(_ term: SearchQuery.Term, in scores: inout [Int32]) {
        for index in scores.indices where scores[index] > 0 {
            let entry = catalog.entries[index]
            let found = entry.code.contains(term.text)
                || SearchField.textFields.contains { $0.text(of: entry).contains(term.text) }
            if !found { scores[index] = 0 }
        }
    }
}
