import Foundation

/// Groups of words and phrases that mean the same to someone searching
/// ("over quota", "mailbox full"), read from `Resources/search/synonyms.json`
/// so the vocabulary can grow without code changes.
public struct SynonymTable: Sendable {
    /// Folding and indexing the phrases waits for the first search: the explorer's
    /// first screen does not search, and `show` or `explain` never do.
    private let folded: OnceValue<Folded>
    private typealias Folded = (groups: [[[String]]], byFirstWord: [String: [(group: Int, phrase: [String])]])

    /// Each group's phrases, as folded word sequences.
    var groups: [[[String]]] { folded.value.groups }
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

    /// Reads `{"schema": 1, "groups": [["a", "b"], …]}`; the shape is checked now.
    public static func load(from url: URL) throws -> SynonymTable {
        let name = url.lastPathComponent
        guard let data = FileManager.default.contents(atPath: url.path) else {
            throw CatalogValidationError(issues: [CatalogIssue(file: name, message: "cannot be read")])
        }
        let shapeError = CatalogValidationError(issues: [CatalogIssue(file: name, message: "must be {\"schema\": 1, \"groups\": [[strings]]}")])
        guard case .object(let top)? = try? JSONParser.withParser(data, { try $0.parseDocument() }),
              case .array(let groupValues)? = top["groups"], top["schema"] != nil
        else { throw shapeError }
        guard top["schema"] == .number(1) else {
            throw CatalogValidationError(issues: [CatalogIssue(file: name, field: "schema", message: "must be 1")])
        }
        var groups: [[String]] = []
        for value in groupValues {
            guard case .array(let phrases) = value else { throw shapeError }
            groups.append(try phrases.map { phrase in
                guard case .string(let text) = phrase else { throw shapeError }
                return text
            })
        }
        return SynonymTable(groups: groups)
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
