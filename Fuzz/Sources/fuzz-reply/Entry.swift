import Foundation
import FuzzSupport
@testable import ReplyExplainer
import SMTPCatalog

/// One input: pasted text through `ReplyParser.parse` (what `smtp-codes explain` runs),
/// then each reply explained against the bundled catalog. Besides not trapping, every
/// reply must be one the explain output can describe.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzReply(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    let loaded = BundledResources.shared
    for reply in ReplyParser.parse(text) {
        check(reply, in: text)
        _ = ReplyExplanation(reply, catalog: loaded.catalog, classifier: loaded.classifier, labels: loaded.labels)
    }
    return 0
}

/// Commands the parser may name (its patterns' results, upper-cased).
private let knownCommands: Set<String> = [
    "RCPT", "MAIL", "DATA", "CONNECT", "EHLO", "HELO", "AUTH", "STARTTLS", "BDAT", "QUIT", "RSET",
]

private func check(_ reply: ParsedReply, in text: String) {
    let shown = "\(reply) from \(text.debugDescription.prefix(300))"
    fuzzCheck(reply.replyCode != nil || reply.enhancedCode != nil, "a reply with no code: \(shown)")
    if let code = reply.replyCode {
        fuzzCheck((200...599).contains(code), "basic code out of range: \(shown)")
    }
    if let enhanced = reply.enhancedCode {
        fuzzCheck(enhanced.wholeMatch(of: /[245]\.[0-9]{1,3}\.[0-9]{1,3}/) != nil, "malformed enhanced code: \(shown)")
        fuzzCheck(reply.enhanced != nil, "enhanced code that StatusCode cannot parse: \(shown)")
    }
    if let command = reply.command {
        fuzzCheck(knownCommands.contains(command), "unknown command: \(shown)")
    }
    // Replies come from lines split at LF, CR, VT and FF. The only break a text may hold is
    // LF: continuation lines are joined with it, and so are the code prefixes of a multi-line
    // reply pasted as one line (the server's line structure, kept for people to read).
    let splitPoints: Set<Unicode.Scalar> = ["\r", "\u{0B}", "\u{0C}"]
    fuzzCheck(!reply.text.unicodeScalars.contains(where: splitPoints.contains), "a line's split point inside a reply's text: \(shown)")
}

/// The process's main (see runFuzzer for why the target defines it).
@_cdecl("fuzz_reply_main")
public func fuzzReplyMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    runFuzzer(argc: argc, argv: argv, fuzzReply)
}
