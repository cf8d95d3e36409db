/// Pasted text made fit for the one-line search query. Line breaks and other
/// control characters become spaces (a run of them one space), so a pasted
/// multi-line reply reads as the words it contains and never as Enter.
enum PastedQuery {
    static func text(from pasted: String) -> String {
        var result = ""
        var inBreak = false
        for character in pasted {
            let isBreak = character.isNewline
                || character.unicodeScalars.contains { $0.properties.generalCategory == .control }
            if isBreak {
                if !inBreak { result.append(" ") }
            } else {
                result.append(character)
            }
            inBreak = isBreak
        }
        return result
    }
}
