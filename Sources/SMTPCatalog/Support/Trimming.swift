/// Trimming without `CharacterSet`, which Foundation keeps in the part of it that
/// links ICU (docs/decisions.md, "FoundationEssentials only").
extension StringProtocol {
    /// The text without the characters at either end for which `isTrimmed` holds.
    package func trimmed(where isTrimmed: (Character) -> Bool) -> String {
        guard let first = firstIndex(where: { !isTrimmed($0) }), let last = lastIndex(where: { !isTrimmed($0) }) else {
            return ""
        }
        return String(self[first...last])
    }

    /// Spaces and tabs (white space that does not break the line) off both ends, as
    /// Foundation's `trimmingCharacters(in: .whitespaces)` did.
    package func trimmingSpaces() -> String {
        trimmed { $0.isWhitespace && !$0.isNewline }
    }
}
