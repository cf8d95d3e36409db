import Testing
@testable import ReplyExplainer

/// `ReplyCommand.find` reads bytes where `ReplyParser.command(in:)` matches `ReplyPatterns.commands`;
/// the patterns are the specification, so the two must name the same command for any text.
@Suite struct ReplyCommandTests {
    static func both(_ text: String, _ patterns: ReplyPatterns = ReplyPatterns()) -> (bytes: String?, patterns: String?) {
        let bytes = Array(text.utf8)
        return (ReplyCommand.find(in: bytes.span, 0..<bytes.count), ReplyParser.command(in: text, patterns))
    }

    @Test(arguments: [
        ("550 5.1.1 User unknown (in reply to RCPT TO command)", "RCPT"),
        ("451 4.7.1 Greylisted (IN REPLY TO end of DATA command)", "DATA"),
        ("lost connection with mx[192.0.2.1] while sending MAIL FROM", nil),
        ("host mx said: 421 Too busy (in reply to EHLO command)", "EHLO"),
        ("conversation timed out after pipelined rcpt to", "RCPT"),
        ("refused to talk to me: 554 5.7.1 blocked", "CONNECT"),
        ("NOQUEUE: reject: RCPT from unknown[192.0.2.7]: 554", "RCPT"),
        ("Failed after I sent the message", "DATA"),
        ("Greeting failed; after initial connection", "CONNECT"),
        ("in reply to rcptx", nil),
        ("in reply to rcpt:x", nil),
        ("in reply to end-of-message", "DATA"),
        ("Fa", nil), ("", nil), ("i", nil),
    ] as [(String, String?)])
    func namesTheCommandAsThePatternsDo(text: String, command: String?) {
        let found = Self.both(text)
        #expect(found.bytes == command)
        #expect(found.patterns == command)
    }

    /// Texts made of the phrases' pieces in every order and case, with the bytes around them
    /// that decide a word boundary.
    @Test func agreesWithThePatternsOnMadeUpTexts() {
        let pieces = ["in reply to ", "after ", "pipelined ", "RCPT TO", "rcpt", "Mail From", "mail", "end of data", "DATA",
                      "EHLO", "quit", "starttls", "refused to talk to me", "greeting failed", "reject: connect from",
                      "Reject: RCPT from", "reject: mail from", "end-of-message", "failed on data command",
                      "failed after I sent the message", "after initial connection", " ", ":", ".", "'", "x", "_", "é", "(", ")",
                      "In", "Af", "re", "gr", "en", "fa", "550 5.1.1 ", "\u{00A0}"]
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        func next(_ bound: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(bound))
        }
        var named = 0
        let patterns = ReplyPatterns()
        for _ in 0..<3_000 {
            var text = ""
            for _ in 0..<(1 + next(7)) {
                var piece = pieces[next(pieces.count)]
                if next(3) == 0 { piece = piece.uppercased() }
                text += piece
            }
            let found = Self.both(text, patterns)
            #expect(found.bytes == found.patterns, "\(text)")
            if found.bytes != nil { named += 1 }
        }
        #expect(named > 300, "the texts name a command often enough to test the ranks")
    }
}
