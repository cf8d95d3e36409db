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
    // Replies come from lines; joined continuation lines are separated by spaces.
    fuzzCheck(!reply.text.contains(where: \.isNewline), "line break inside a reply's text: \(shown)")
}

/// The process's main (see runFuzzer for why the target defines it).
@_cdecl("fuzz_reply_main")
public func fuzzReplyMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    runFuzzer(argc: argc, argv: argv, fuzzReply)
}
