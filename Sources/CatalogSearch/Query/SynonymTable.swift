import FoundationEssentials
import SMTPCatalog

/// Groups of words and phrases that mean the same to someone searching
/// ("over quota", "mailbox full"), read from `Resources/search/synonyms.json`
/// so the vocabulary can grow without code changes.
public struct SynonymTable: Sendable {
    /// Folding and indexing the phrases waits for the first search: the explorer's
    /// first screen does not search, and `show` or `explain` never do.
    private let folded: OnceValue<Folded>
    private typealias Folded = (groups: [[[String]]], byFirstWord: [String: [(group: Int, phrase: [String])]])

    /// Each group's phrases, as folded word sequences.
    package var groups: [[[String]]] { folded.value.groups }
    /// First word of a phrase → (group, phrase) pairs starting with it.
    private var byFirstWord: [String: [(group: Int, phrase: [String])]] { folded.value.byFirstWord }

    public static let empty = SynonymTable(groups: [])

    public init(groups: [[String]]) {
        folded = OnceValue { Self.fold(groups) }
    }

    private static func fold(_ raw: [[String]]) -> Folded {
        let groups = raw.map { group in
            group.map { phrase in SearchText.tokens(SearchText.fold(phrase)).map(\.token) }.filter { !$0.isEmpty }
        }
        var index: [String: [(group: Int, phrase: [String])]] = [:]
        for (number, group) in groups.enumerated() {
            for phrase in group { index[phrase[0], default: []].append((number, phrase)) }
        }
        return (groups, index)
    }

    /// The longest phrase of some group that starts `words[start...]`: its length and group.
    func longestPhrase(in words: [String], at start: Int) -> (length: Int, group: Int)? {
        guard let candidates = byFirstWord[words[start]] else { return nil }
        var best: (Int, Int)?
        for (group, phrase) in candidates where phrase.count <= words.count - start {
            if Array(words[start..<start + phrase.count]) == phrase, phrase.count > (best?.0 ?? 0) {
                best = (phrase.count, group)
            }
        }
        return best
    }
}
