/// The regular expressions `ReplyParser` matches lines with, compiled once per parse.
/// An instance rather than static properties: `Regex` is not `Sendable`, and a shared
/// static would need an unchecked promise that nothing mutates it.
struct ReplyPatterns {
    /// A basic code where replies stand; `:` must be followed by a space (Exim's `X=…:256` is a cipher),
    /// `#` must start a word (a URL's `#550` is an anchor), `=` only counts before an enhanced code
    /// (Exchange's `[Message=451 4.4.0 …]`, not Postfix's `size=550`).
    let basic = /(?:^|(?<lead>: |;|\(|(?:^|[\s(])#|"|'|\[|<|>|=(?=[2-5][0-9][0-9] [245]\.[0-7]\.)))\s*(?<code>[2-5][0-9][0-9])(?<sep>[ \-]|$)/
    /// An enhanced code (subjects 0–7 as RFC 3463 defines them) after punctuation, never after a
    /// plain word, so version numbers such as "Exim 4.97.1" stay out.
    let enhanced = /(?:^|[(#=:;\["']\s*|^\s*)(?<code>[245]\.[0-7]\.[0-9]{1,3})(?![\d.])/
    let statusField = /(?i)(?:\bdsn=|^\s*status:\s*)(?<code>[245]\.[0-7]\.[0-9]{1,3})(?![\d.])/
    let commands: [(Regex<Substring>, String)] = [
        (/(?i)in reply to (?:rcpt to|rcpt)\b/, "RCPT"), (/(?i)in reply to (?:mail from|mail)\b/, "MAIL"),
        (/(?i)in reply to (?:end of data|data)\b/, "DATA"), (/(?i)in reply to (?:ehlo|helo|auth|starttls|bdat|quit|rset)\b/, ""),
        (/(?i)after (?:pipelined )?rcpt to\b/, "RCPT"), (/(?i)after (?:pipelined )?mail from\b/, "MAIL"),
        (/(?i)after (?:end of data|data)\b/, "DATA"), (/(?i)after (?:ehlo|helo|auth|starttls|bdat|quit|rset)\b/, ""),
        (/(?i)after initial connection|refused to talk to me|greeting failed|reject: connect from/, "CONNECT"),
        (/(?i)reject: rcpt from/, "RCPT"), (/(?i)reject: mail from/, "MAIL"),
        (/(?i)end-of-message|failed on data command|failed after i sent the message/, "DATA"),
    ]
    /// The MTA's "(in reply to … command)" note after a server's words.
    let inReplyToNote = /(?i)\s*\(in reply to [^)]*\)/
}
