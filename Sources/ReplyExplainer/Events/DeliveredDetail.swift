/// How much the scanner reads of a reply that the input says was delivered.
public enum DeliveredDetail: Sendable {
    /// Everything: recipient, relay, codes, command and the server's words (`explain`, `--ndjson`).
    case full
    /// The outcome, time and line only, which is all a report counts of a delivered reply
    /// (its groups are the problems): the text, codes, recipient and relay are left unread.
    /// The Postfix reader honours it, as a Postfix log is mostly `status=sent` lines; the
    /// other readers read delivered replies in full, which a report treats the same way.
    case outcomeOnly
}
