import Testing
@testable import ReplyExplainer
import SMTPCatalog

/// Multi-line replies: continuation lines join the reply of the same code that follows.
@Suite struct ReplyParserTests {
    @Test func continuationLinesJoinTheReplyThatEndsThem() {
        let replies = ReplyParser.parse("250-mx.example.com Hello\n250-SIZE 10240000\n250 HELP")
        #expect(replies.map(\.replyCode) == [250])
        // The server's lines stay lines.
        #expect(replies.first?.text == "mx.example.com Hello\nSIZE 10240000\nHELP")
    }

    /// A continuation line is not joined to a reply with another code: the server
    /// answered twice (or the paste holds two replies) and each stands alone.
    @Test func aContinuationIsNotMergedAcrossDifferentCodes() {
        let replies = ReplyParser.parse("550-5.7.1 Message rejected\n451 4.7.1 Try again later")
        #expect(replies.map(\.replyCode) == [550, 451])
        #expect(replies.map(\.enhancedCode) == ["5.7.1", "4.7.1"])
        #expect(replies.first?.text == "Message rejected")
    }

    @Test func aReplyAfterAFinishedOneStandsAlone() {
        let replies = ReplyParser.parse("550 5.1.1 User unknown\n550 5.1.1 User unknown")
        #expect(replies.count == 2)
    }
}
