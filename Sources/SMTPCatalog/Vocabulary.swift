/// Every distinct word of the catalog, sorted, with the entries each occurs in.
/// Prefix and typo lookups run on these words, not on every entry, which is
/// what keeps search fast when the catalog is large.
struct Vocabulary: Sendable {
    let words: [String]
    /// The same words as UTF-8 bytes, for typo lookups without conversions.
    private let wordBytes: [[UInt8]]
    /// For each word: packed `entry << 8 | fields`, fields a bit mask of `SearchField`.
    let postings: [[UInt32]]
    /// For each first byte of a title word: the entries whose title has a word starting
    /// with it. A one-letter query uses these instead of expanding to thousands of words.
    let titleInitials: [UInt8: [UInt32]]
    /// Word ids by length, for typo lookups that only compare similar lengths.
    private let idsByLength: [[Int32]]

    init(entries: [CatalogEntry]) {
        var table = TokenTable()
        var postings: [[UInt32]] = []
        // The entry each token was last seen in, so repeated words only widen the field mask.
        var lastEntry: [Int32] = []
        var tokenizer = ByteTokenizer()
        var initials: [UInt8: [UInt32]] = [:]
        for (entryIndex, entry) in entries.enumerated() {
            tokenizer.forEachToken(in: entry.title) { token in
                guard let first = token.first else { return }
                if initials[first]?.last != UInt32(entryIndex) { initials[first, default: []].append(UInt32(entryIndex)) }
            }
            for field in SearchField.textFields {
                let bit = UInt32(1) << UInt32(field.bit)
                tokenizer.forEachToken(in: field.text(of: entry)) { token in
                    let id = table.intern(token)
                    if id == postings.count {
                        postings.append([])
                        lastEntry.append(-1)
                    }
                    if lastEntry[id] == Int32(entryIndex) {
                        postings[id][postings[id].count - 1] |= bit
                    } else {
                        lastEntry[id] = Int32(entryIndex)
                        postings[id].append(UInt32(entryIndex) << 8 | bit)
                    }
                }
            }
        }
        titleInitials = initials
        let words = (0..<table.count).map(table.word)
        let order = words.indices.sorted { words[$0] < words[$1] }
        self.words = order.map { words[$0] }
        self.postings = order.map { postings[$0] }
        wordBytes = self.words.map { Array($0.utf8) }
        var byLength: [[Int32]] = []
        for (id, word) in self.words.enumerated() {
            let length = min(word.count, 64)
            while byLength.count <= length { byLength.append([]) }
            byLength[length].append(Int32(id))
        }
        idsByLength = byLength
    }

    /// The id of exactly this word.
    func id(of word: String) -> Int? {
        let index = lowerBound(word)
        return index < words.count && words[index] == word ? index : nil
    }

    /// Ids of every word that starts with `prefix` (a contiguous run of the sorted list).
    func ids(withPrefix prefix: String) -> Range<Int> {
        let start = lowerBound(prefix)
        var end = start
        while end < words.count, words[end].hasPrefix(prefix) { end += 1 }
        return start..<end
    }

    /// Ids of words within `maxEdits` edits of `word` (insert, delete, substitute, swap).
    func ids(near word: String, maxEdits: Int) -> [Int] {
        let target = Array(word.utf8)
        var result: [Int] = []
        var scratch = EditDistance.Scratch(width: target.count)
        for length in max(1, target.count - maxEdits)...min(64, target.count + maxEdits) where length < idsByLength.count {
            for id in idsByLength[length] where EditDistance.within(wordBytes[Int(id)], target, limit: maxEdits, scratch: &scratch) {
                result.append(Int(id))
            }
        }
        return result
    }

    /// Ids of words whose beginning is within `maxEdits` of `word` (a misspelt word still being typed).
    func ids(startingNear word: String, maxEdits: Int) -> [Int] {
        let target = Array(word.utf8)
        var scratch = EditDistance.Scratch(width: target.count)
        var result: [Int] = []
        for (id, bytes) in wordBytes.enumerated() where bytes.count > target.count {
            for length in max(1, target.count - maxEdits)...min(bytes.count, target.count + maxEdits)
            where EditDistance.within(Array(bytes[..<length]), target, limit: maxEdits, scratch: &scratch) {
                result.append(id)
                break
            }
        }
        return result
    }

    /// Ids of words that contain `fragment` anywhere (for `'exact` terms).
    func ids(containing fragment: String) -> [Int] {
        words.indices.filter { words[$0].contains(fragment) }
    }

    private func lowerBound(_ word: String) -> Int {
        var low = 0, high = words.count
        while low < high {
            let middle = (low + high) / 2
            if words[middle] < word { low = middle + 1 } else { high = middle }
        }
        return low
    }
}
