import SMTPCatalog

/// Whether text typed or pasted into a search box is a reply to explain rather than
/// words to search for: a code with words after it (`550 5.7.26 Unauthenticated…`),
/// a continuation line (`550-…`), both codes of a reply (`550 5.7.26`), or several
/// lines. A bare code (`553`, `5.7.26`) or words with a code in them stay a search.
public enum PastedReply {
    public static func replies(in text: String) -> [ParsedReply] {
        // The explorer asks on every search: words alone (most queries) cannot be a reply,
        // so they skip the parser and its patterns.
        guard text.unicodeScalars.contains(where: { ("2"..."5").contains($0) }),
              text.contains(where: { $0 == " " || $0 == "-" || $0.isNewline }) else { return [] }
        let replies = ReplyParser.parse(text)
        guard let first = replies.first else { return [] }
        let trimmed = text.drop { $0 == " " || $0 == "\t" }
        let isContinuation = trimmed.count > 3 && trimmed.dropFirst(3).first == "-" && first.replyCode != nil
        let words = first.text.split(whereSeparator: \.isWhitespace).count
        let hasBothCodes = first.replyCode != nil && first.enhancedCode != nil
        guard text.contains(where: \.isNewline) || isContinuation || hasBothCodes || words >= 2 else { return [] }
        return replies
    }
}
