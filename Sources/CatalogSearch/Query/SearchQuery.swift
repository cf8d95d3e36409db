import SMTPCatalog
/// A search as typed, parsed into terms. Words are ANDed; `a | b` is an OR;
/// fzf's operators work: `'exact`, `^prefix`, `suffix$`, `!exclude`.
/// Smart case: a word with a capital letter matches case-sensitively.
public struct SearchQuery: Sendable, Equatable {
    public enum Mode: Sendable, Equatable { case fuzzy, exact, prefix, suffix }

    public struct Term: Sendable, Equatable {
        /// What the user typed for this term, operators removed.
        public var text: String
        public var mode: Mode
        public var negated: Bool
        public var caseSensitive: Bool
        /// The last word while typing: it also matches as a prefix.
        public var isLast: Bool
        /// Phrases from a synonym group that this term stands for (folded words), including its own.
        var phrases: [[String]]
        var code: CodePattern?
    }

    /// AND of OR-groups.
    public var groups: [[Term]]

    public var isEmpty: Bool { groups.isEmpty }

    /// The class digit of an enhanced code typed with one (`5.7.26`, `4.2.x`, `5.7`), when the
    /// query holds no other code: results are then read in that class, not as "any class".
    public var typedClass: Int? {
        let digits = groups.joined().filter { !$0.negated }.compactMap(\.code).map(\.enhancedClassDigit)
        guard digits.count == 1, let digit = digits[0], [2, 4, 5].contains(digit) else { return nil }
        return digit
    }

    public init(_ text: String, synonyms: SynonymTable = .empty) {
        let words = text.split(whereSeparator: \.isWhitespace).map(String.init)
        var groups: [[Term]] = []
        var joinNext = false
        var index = 0
        while index < words.count {
            let word = words[index]
            if word == "|" {
                joinNext = !groups.isEmpty
                index += 1
                continue
            }
            var (term, used) = Self.term(words, at: index, synonyms: synonyms)
            term.isLast = index + used == words.count
            if joinNext, !groups.isEmpty { groups[groups.count - 1].append(term) } else { groups.append([term]) }
            joinNext = false
            index += used
        }
        self.groups = groups
    }

    /// One term starting at `words[start]`, which may swallow a multi-word synonym phrase.
    private static func term(_ words: [String], at start: Int, synonyms: SynonymTable) -> (Term, Int) {
        var text = words[start]
        var negated = false, mode = Mode.fuzzy
        if text.hasPrefix("!"), text.count > 1 { negated = true; text.removeFirst() }
        if text.hasPrefix("'"), text.count > 1 { mode = .exact; text.removeFirst() }
        else if text.hasPrefix("^"), text.count > 1 { mode = .prefix; text.removeFirst() }
        else if text.hasSuffix("$"), text.count > 1 { mode = .suffix; text.removeLast() }
        let caseSensitive = text.contains(where: \.isUppercase)
        let folded = SearchText.tokens(SearchText.fold(text)).map(\.token)
        var term = Term(text: text, mode: mode, negated: negated, caseSensitive: caseSensitive, isLast: false,
                        phrases: folded.isEmpty ? [] : [folded], code: mode == .fuzzy ? CodePattern(text) : nil)
        guard mode == .fuzzy, !negated, term.code == nil else { return (term, 1) }
        // Plain words may start a synonym phrase ("over quota"): the term then stands for the whole group.
        var plain: [String] = []
        for word in words[start...] {
            guard !word.isEmpty, word != "|", !"!'^".contains(word.first!), !word.hasSuffix("$") else { break }
            plain.append(contentsOf: SearchText.tokens(SearchText.fold(word)).map(\.token))
            if plain.count >= 6 { break }
        }
        guard !plain.isEmpty, let match = synonyms.longestPhrase(in: plain, at: 0) else { return (term, 1) }
        let used = wordsCovering(match.length, of: words, from: start)
        term.text = words[start..<start + used].joined(separator: " ")
        term.caseSensitive = term.text.contains(where: \.isUppercase)
        term.phrases = synonyms.groups[match.group]
        return (term, used)
    }

    /// How many typed words hold the first `tokens` tokens (a word like "e-mail" holds two).
    private static func wordsCovering(_ tokens: Int, of words: [String], from start: Int) -> Int {
        var count = 0, used = 0
        while count < tokens, start + used < words.count {
            count += SearchText.tokens(SearchText.fold(words[start + used])).count
            used += 1
        }
        return max(1, used)
    }
}
