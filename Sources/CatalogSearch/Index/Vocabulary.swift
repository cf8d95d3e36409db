import Dispatch
import FoundationEssentials
import SMTPCatalog

/// Every distinct word of the catalog, sorted, with the entries each occurs in.
/// Prefix and typo lookups run on these words, not on every entry, which is
/// what keeps search fast when the catalog is large.
struct Vocabulary: Sendable {
    let words: [String]
    /// The same words as UTF-8 bytes, for typo lookups without conversions.
    private let wordBytes: [[UInt8]]
    /// Every word's postings, one list after another: packed `entry << 8 | fields`,
    /// fields a bit mask of `SearchField`, in entry order. One array rather than an
    /// array per word: building those cost a uniqueness check per occurrence.
    private let postingPool: [UInt32]
    /// Where each word's postings lie in `postingPool`.
    private let postingRanges: [Range<Int>]
    /// For each first byte of a title word: the entries whose title has a word starting
    /// with it. A one-letter query uses these instead of expanding to thousands of words.
    let titleInitials: [UInt8: [UInt32]]
    /// Word ids by length in bytes (index 0 unused), for typo lookups that only
    /// compare similar lengths; as long as the longest word, however long that is.
    private let idsByLength: [[Int32]]

    /// Catalogs at least this large are tokenised in two halves at once.
    static let parallelThreshold = 20_000

    /// `parts` is how many runs of entries are tokenised at once; by default two for a
    /// large catalog (tokenising is most of the work and each entry stands alone, so
    /// halves are read on separate cores and their word lists merged), else one.
    init(entries: [CatalogEntry], parts: Int? = nil) {
        let parts = max(1, parts ?? (entries.count >= Self.parallelThreshold ? 2 : 1))
        let bounds = (0...parts).map { entries.count * $0 / parts }
        let results = ParallelSlots<EntryWords>(count: parts)
        DispatchQueue.concurrentPerform(iterations: parts) { part in
            results.set(part, EntryWords(entries[bounds[part]..<bounds[part + 1]], firstEntry: bounds[part]))
        }
        var merged = results.take(0)
        for part in 1..<parts { merged.append(results.take(part)) }

        let table = merged.table
        let words = (0..<table.count).map(table.word)
        let order = words.indices.sorted { words[$0] < words[$1] }
        self.words = order.map { words[$0] }
        let (pool, ranges) = merged.postingLists()
        postingPool = pool
        postingRanges = order.map { ranges[$0] }
        titleInitials = merged.titleInitials
        wordBytes = self.words.map { Array($0.utf8) }
        var byLength: [[Int32]] = []
        for (id, bytes) in wordBytes.enumerated() {
            while byLength.count <= bytes.count { byLength.append([]) }
            byLength[bytes.count].append(Int32(id))
        }
        idsByLength = byLength
    }

    /// The postings of one word.
    func postings(of id: Int) -> ArraySlice<UInt32> {
        postingPool[postingRanges[id]]
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
        // Only lengths some word has; a word longer than every catalog word has no neighbours.
        let shortest = max(1, target.count - maxEdits)
        let longest = min(idsByLength.count - 1, target.count + maxEdits)
        guard shortest <= longest else { return [] }
        for length in shortest...longest {
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
        guard !target.isEmpty else { return [] }
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
