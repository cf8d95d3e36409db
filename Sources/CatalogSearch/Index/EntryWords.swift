import FoundationEssentials
import SMTPCatalog

/// The words of a run of entries: each distinct word interned once, and for each
/// entry the words it holds with the fields they occur in. `Vocabulary` turns
/// this into sorted words and posting lists.
struct EntryWords {
    private(set) var table = TokenTable()
    /// For each entry in order, its distinct words packed as `word << 6 | fields`,
    /// fields a mask of the six text fields (`SearchField.bit` minus one).
    private var pairs: [UInt32] = []
    /// Where each entry's pairs end in `pairs`.
    private var entryEnds: [Int] = []
    private let firstEntry: Int
    private(set) var titleInitials: [UInt8: [UInt32]] = [:]

    /// Words past this many in one run are not indexed, so that two runs merged still
    /// fit the 26 bits the packing leaves for a word. (32 million distinct words is far
    /// beyond any real catalog.)
    static let maximumWords = 1 << 25

    init(_ entries: ArraySlice<CatalogEntry>, firstEntry: Int) {
        self.firstEntry = firstEntry
        var tokenizer = ByteTokenizer()
        // The entry each word was last seen in and where its pair is, so that a word
        // repeated within an entry only widens the field mask.
        var lastEntry: [Int32] = []
        var lastPair: [Int] = []
        for (offset, entry) in entries.enumerated() {
            let entryIndex = UInt32(firstEntry + offset)
            for field in SearchField.textFields {
                let bit = UInt32(1) << UInt32(field.bit - 1)
                field.forEachText(of: entry) { text in
                    tokenizer.forEachToken(inUTF8: text) { token in
                        if field == .title, let first = token.first, titleInitials[first]?.last != entryIndex {
                            titleInitials[first, default: []].append(entryIndex)
                        }
                        guard table.count < Self.maximumWords || table.id(of: token) != nil else { return }
                        let id = table.intern(token)
                        if id == lastEntry.count {
                            lastEntry.append(-1)
                            lastPair.append(0)
                        }
                        if lastEntry[id] == Int32(offset) {
                            pairs[lastPair[id]] |= bit
                        } else {
                            lastEntry[id] = Int32(offset)
                            lastPair[id] = pairs.count
                            pairs.append(UInt32(id) << 6 | bit)
                        }
                    }
                }
            }
            entryEnds.append(pairs.count)
        }
    }

    /// Adds the words of the entries that follow these, renumbering their word ids.
    package mutating func append(_ later: EntryWords) {
        let renumbered = (0..<later.table.count).map { UInt32(table.intern(later.table.bytes(of: $0))) }
        let offset = pairs.count
        pairs.reserveCapacity(pairs.count + later.pairs.count)
        for pair in later.pairs { pairs.append(renumbered[Int(pair >> 6)] << 6 | pair & 0x3F) }
        entryEnds += later.entryEnds.map { $0 + offset }
        for (byte, entries) in later.titleInitials { titleInitials[byte, default: []] += entries }
    }

    /// Every word's postings (`entry << 8 | SearchField bits`) in one array, in entry
    /// order, and where each word's lie: a counting sort of the pairs by word.
    func postingLists() -> (pool: [UInt32], ranges: [Range<Int>]) {
        var starts = [Int](repeating: 0, count: table.count + 1)
        for pair in pairs { starts[Int(pair >> 6) + 1] += 1 }
        for id in 0..<table.count { starts[id + 1] += starts[id] }
        var next = starts
        var pool = [UInt32](repeating: 0, count: pairs.count)
        var pairStart = 0
        for (offset, end) in entryEnds.enumerated() {
            let entry = UInt32(firstEntry + offset)
            for pair in pairs[pairStart..<end] {
                let id = Int(pair >> 6)
                pool[next[id]] = entry << 8 | (pair & 0x3F) << 1
                next[id] += 1
            }
            pairStart = end
        }
        return (pool, (0..<table.count).map { starts[$0]..<starts[$0 + 1] })
    }
}
