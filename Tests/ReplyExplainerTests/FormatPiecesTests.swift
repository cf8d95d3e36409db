import Foundation
import Testing
@testable import ReplyExplainer

/// The small pieces the format readers share: decoding, Content-Type, relay names, addresses, codes.
@Suite struct FormatPiecesTests {
    private func decode(_ lines: [String], _ encoding: BodyDecoder.Encoding) -> (lines: [String], broken: Int) {
        var decoder = BodyDecoder(encoding)
        var out: [String] = []
        for line in lines {
            let bytes = Array(line.utf8)
            decoder.feed(bytes.span) { out.append(String(decoding: $0.bytes(0..<$0.count), as: UTF8.self)) }
        }
        decoder.finish { out.append(String(decoding: $0.bytes(0..<$0.count), as: UTF8.self)) }
        return (out, decoder.brokenLines)
    }

    @Test func base64AcrossLinesOfAnyLength() {
        let text = "Final-Recipient: rfc822; u@example.com\r\nAction: failed\nStatus: 5.1.1"
        let encoded = Data(text.utf8).base64EncodedString()
        // Lines of 5 characters: quanta split across lines.
        let lines = stride(from: 0, to: encoded.count, by: 5).map { start -> String in
            let from = encoded.index(encoded.startIndex, offsetBy: start)
            return String(encoded[from..<(encoded.index(from, offsetBy: 5, limitedBy: encoded.endIndex) ?? encoded.endIndex)])
        }
        let result = decode(lines, .base64)
        #expect(result.lines == ["Final-Recipient: rfc822; u@example.com", "Action: failed", "Status: 5.1.1"])
        #expect(result.broken == 0)
    }

    @Test func base64GarbageLinesAreCountedAndSkipped() {
        let result = decode(["QUJD", "!!not base64!!", "REVG", "\u{1}\u{2}"], .base64)
        #expect(result.lines == ["ABCDEF"] && result.broken == 2)
    }

    @Test func quotedPrintableSoftBreaksAndEscapes() {
        let result = decode(["caf=C3=A9 is =", "open=20", "a =ZZ stays, = too", "x=3D1"], .quotedPrintable)
        #expect(result.lines == ["café is open ", "a =ZZ stays, = too", "x=1"])
    }

    private func contentType(_ text: String) -> ContentType? {
        let bytes = Array(text.utf8)
        return ContentType(bytes.span)
    }

    private func relay(_ text: String) -> String? {
        let bytes = Array(text.utf8)
        return RelayName.read(bytes.span, 0..<bytes.count)
    }

    private func isAlone(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        return MailAddress.isAlone(bytes.span, 0..<bytes.count)
    }

    @Test func contentTypes() throws {
        let type = try #require(contentType("multipart/report; report-type=delivery-status;\tboundary=\"a;b=c\\\"d\"; charset=x"))
        #expect(type.mediaType == "multipart/report" && type.isMultipart)
        #expect(type.boundary.map { String(decoding: $0, as: UTF8.self) } == "a;b=c\\\"d")
        #expect(contentType("Text/Plain; charset=us-ascii")?.isPlainText == true)
        #expect(contentType("multipart/mixed; BOUNDARY=simple ")?.boundary.map { String(decoding: $0, as: UTF8.self) } == "simple")
        #expect(contentType("nonsense") == nil)
    }

    @Test(arguments: [
        ("mx1.example.com[192.0.2.26]:25", "mx1.example.com [192.0.2.26]"),
        ("mx.example.com [192.0.2.10]:587", "mx.example.com [192.0.2.10]"),
        ("mx.example.com. [192.0.2.10]", "mx.example.com [192.0.2.10]"),
        ("(helo.example.net) [203.0.113.9]", "[203.0.113.9]"),
        ("client.example.com (helo) [203.0.113.10]:40312", "client.example.com [203.0.113.10]"),
        ("[203.0.113.77]:51234", "[203.0.113.77]"),
        ("mx.example.com:25", "mx.example.com"),
        ("mx.example.com", "mx.example.com"),
        ("none", nil),
        ("", nil),
    ])
    func relayNames(written: String, read: String?) {
        #expect(relay(written) == read)
    }

    @Test func addressesAlone() {
        for (text, alone) in [("u@example.com", true), ("<u@example.com>", true), ("  u@example.com  ", true), ("u@", false),
                              ("@example.com", false), ("u@example.com said", false), ("a@b@c", false), ("<u@example.com", false)] {
            #expect(isAlone(text) == alone, "\(text)")
        }
    }

    @Test func codesAtTheStartOfAReply() {
        func codes(_ text: String) -> String {
            let bytes = Array(text.utf8)
            let read = ReplyText.codes(bytes.span, 0..<bytes.count)
            return "\(read.basic.map(String.init) ?? "-") \(read.enhanced ?? "-") \(read.continues)"
        }
        #expect(codes("550 5.1.1 User unknown") == "550 5.1.1 false")
        #expect(codes("550-5.7.26 This mail") == "550 5.7.26 true")
        #expect(codes("#550 5.1.1 RESOLVER") == "550 5.1.1 false")
        #expect(codes("421") == "421 - false")
        #expect(codes("5.7.1 Spam") == "- 5.7.1 false")
        #expect(codes("5.12.1 x") == "- - false")
        #expect(codes("550 5.1.1234 x") == "550 - false")
        #expect(codes("5500 x") == "- - false")
        #expect(codes("650 x") == "- - false")
    }
}
