import Foundation

/// Groups of words and phrases that mean the same to someone searching
/// ("over quota", "mailbox full"), read from `Resources/search/synonyms.json`
/// so the vocabulary can grow without code changes.
public struct SynonymTable: Sendable {
    /// Each group's phrases, as folded word sequences.
    let groups: [[[String]]]
    /// First word of a phrase → (group, phrase) pairs starting with it.
    private let byFirstWord: [String: [(group: Int, phrase: [String])]]

    public static let empty = SynonymTable(groups: [])

    public init(groups: [[String]]) {
        let folded = groups.map { group in
            group.map { phrase in SearchText.tokens(SearchText.fold(phrase)).map(\.token) }.filter { !$0.isEmpty }
        }
        self.groups = folded
        var index: [String: [(Int, [String])]] = [:]
        for (number, group) in folded.enumerated() {
            for phrase in group { index[phrase[0], default: []].append((number, phrase)) }
        }
        byFirstWord = index
    }

    /// Reads `{"schema": 1, "groups": [["a", "b"], …]}`.
    public static func load(from url: URL) throws -> SynonymTable {
        struct File: Decodable {
            let schema: Int
            let groups: [[String]]
        }
        let name = url.lastPathComponent
        guard let data = FileManager.default.contents(atPath: url.path) else {
            throw CatalogValidationError(issues: [CatalogIssue(file: name, message: "cannot be read")])
        }
        do {
            let file = try JSONDecoder().decode(File.self, from: data)
            guard file.schema == 1 else {
                throw CatalogValidationError(issues: [CatalogIssue(file: name, field: "schema", message: "must be 1")])
            }
            return SynonymTable(groups: file.groups)
        } catch let error as CatalogValidationError {
            throw error
        } catch {
            throw CatalogValidationError(issues: [CatalogIssue(file: name, message: "must be {\"schema\": 1, \"groups\": [[strings]]}")])
        }
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
