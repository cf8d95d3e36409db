import FoundationEssentials
import SMTPCatalog

/// Cuts text into folded word tokens on bytes: plain lowercase ASCII words are
/// handed over in place, capitals are lowered in a scratch buffer, and a token
/// with other characters goes through `SearchText`, so every path splits and
/// folds exactly as queries are split and folded.
struct ByteTokenizer {
    private var scratch: [UInt8] = []

    mutating func forEachToken(in text: String, _ body: (UnsafeBufferPointer<UInt8>) -> Void) {
        var text = text
        text.withUTF8 { forEachToken(inUTF8: $0, body) }
    }

    mutating func forEachToken(inUTF8 utf8: UnsafeBufferPointer<UInt8>, _ body: (UnsafeBufferPointer<UInt8>) -> Void) {
        var start = -1
        var needsLowering = false, hasNonASCII = false
        for index in 0...utf8.count {
            let byte: UInt8 = index < utf8.count ? utf8[index] : 0x20
            let isWord = byte >= 0x80 || SearchText.isASCIIWordByte(byte)
            if isWord {
                if start < 0 { start = index; needsLowering = false; hasNonASCII = false }
                if byte >= 0x41 && byte <= 0x5A { needsLowering = true }
                if byte >= 0x80 { hasNonASCII = true }
                continue
            }
            guard start >= 0 else { continue }
            let token = UnsafeBufferPointer(rebasing: utf8[start..<index])
            start = -1
            if hasNonASCII {
                for (word, _) in SearchText.tokens(SearchText.fold(String(decoding: token, as: UTF8.self))) {
                    Array(word.utf8).withUnsafeBufferPointer(body)
                }
            } else if needsLowering {
                scratch.removeAll(keepingCapacity: true)
                for byte in token { scratch.append(byte >= 0x41 && byte <= 0x5A ? byte + 32 : byte) }
                scratch.withUnsafeBufferPointer(body)
            } else {
                body(token)
            }
        }
    }
}
