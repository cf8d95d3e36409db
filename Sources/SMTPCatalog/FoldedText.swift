import Foundation

/// Text folded for matching (lowercase, accents removed) one character at a
/// time, so a match's offsets are also offsets into the original text.
struct FoldedText: Sendable {
    let characters: [Character]

    init(_ text: String) {
        characters = text.map(FoldedText.fold)
    }

    static func fold(_ character: Character) -> Character {
        if character.isASCII { return Character(character.lowercased()) }
        let folded = String(character).folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
        return folded.first ?? character
    }

    /// Every occurrence of `needle`, optionally only where a word starts.
    func occurrences(of needle: [Character], wordStartOnly: Bool = false) -> [Range<Int>] {
        guard !needle.isEmpty, needle.count <= characters.count else { return [] }
        var found: [Range<Int>] = []
        var start = 0
        while start + needle.count <= characters.count {
            if characters[start] == needle[0], !wordStartOnly || isWordStart(start),
               characters[start..<start + needle.count].elementsEqual(needle) {
                found.append(start..<start + needle.count)
                start += needle.count
            } else {
                start += 1
            }
        }
        return found
    }

    func isWordStart(_ index: Int) -> Bool {
        index == 0 || !(characters[index - 1].isLetter || characters[index - 1].isNumber)
    }
}
