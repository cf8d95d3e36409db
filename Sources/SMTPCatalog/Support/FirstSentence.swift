/// The first sentence of a text: up to the first full stop, question or exclamation
/// mark followed by a space (or the end). Comparisons quote one sentence per side.
enum FirstSentence {
    static func of(_ text: String) -> String {
        var index = text.startIndex
        while index < text.endIndex {
            let character = text[index]
            let next = text.index(after: index)
            if character == "." || character == "!" || character == "?", next == text.endIndex || text[next] == " " || text[next] == "\n" {
                // "e.g. " and "i.e. " do not end a sentence.
                let word = text[..<index].split(separator: " ").last ?? ""
                if !["e.g", "i.e", "etc", "vs"].contains(word.lowercased()) { return String(text[...index]) }
            }
            index = next
        }
        return text
    }
}
