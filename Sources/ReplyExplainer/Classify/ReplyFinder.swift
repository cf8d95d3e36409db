/// The replies in pasted text, as `explain` reads them: every reply the parser finds;
/// and when the text holds no reply code at all but reads as a diagnostic a rule
/// knows (Postfix's "connect to …: Connection timed out", qmail's "I'm not going to
/// try again"), that text as one reply without codes, so it is explained too.
public enum ReplyFinder {
    public static func replies(in text: String, classifier: ReasonClassifier) -> [ParsedReply] {
        let replies = ReplyParser.parse(text)
        guard replies.isEmpty else { return replies }
        // A diagnostic is a few lines; the first of them are read, as a reply line is.
        let lines = ReplyParser.lines(of: text).prefix(16).map { ReplyParser.withoutStrayClosers($0) }.filter { !$0.isEmpty }
        guard !lines.isEmpty else { return [] }
        let candidate = ParsedReply(replyCode: nil, enhancedCode: nil, command: nil, text: lines.joined(separator: "\n"))
        return classifier.classify(candidate).rule == nil ? [] : [candidate]
    }
}
