/// Interns word tokens given as bytes, so building the vocabulary of a large
/// catalog creates one String per distinct word rather than one per occurrence.
/// Open addressing with FNV-1a hashes over a shared byte pool.
struct TokenTable {
    private var slots: [Int32] = Array(repeating: -1, count: 1 << 12)
    private var hashes: [UInt64] = []
    private var starts: [Int] = []
    private var lengths: [Int] = []
    private var pool: [UInt8] = []

    var count: Int { starts.count }

    /// The id of `token`, adding it when new.
    mutating func intern(_ token: [UInt8]) -> Int {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        for byte in token { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01B3 }
        var slot = Int(hash & UInt64(slots.count - 1))
        while true {
            let id = Int(slots[slot])
            if id < 0 { break }
            if hashes[id] == hash, lengths[id] == token.count, pool[starts[id]..<starts[id] + token.count].elementsEqual(token) {
                return id
            }
            slot = (slot + 1) & (slots.count - 1)
        }
        let id = starts.count
        slots[slot] = Int32(id)
        hashes.append(hash)
        starts.append(pool.count)
        lengths.append(token.count)
        pool.append(contentsOf: token)
        if count * 2 > slots.count { grow() }
        return id
    }

    func word(_ id: Int) -> String {
        String(decoding: pool[starts[id]..<starts[id] + lengths[id]], as: UTF8.self)
    }

    private mutating func grow() {
        slots = Array(repeating: -1, count: slots.count * 2)
        for id in 0..<count {
            var slot = Int(hashes[id] & UInt64(slots.count - 1))
            while slots[slot] >= 0 { slot = (slot + 1) & (slots.count - 1) }
            slots[slot] = Int32(id)
        }
    }
}

/// Cuts text into folded word tokens on bytes: ASCII is lowercased in place;
/// a token with other characters goes through `SearchText`, so both paths
/// split and fold exactly as queries are split and folded.
struct ByteTokenizer {
    private var current: [UInt8] = []
    private var hasNonASCII = false

    mutating func forEachToken(in text: String, _ body: (inout [UInt8]) -> Void) {
        current.removeAll(keepingCapacity: true)
        hasNonASCII = false
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"):
                current.append(byte)
            case UInt8(ascii: "A")...UInt8(ascii: "Z"):
                current.append(byte + 32)
            case 0x80...:
                current.append(byte)
                hasNonASCII = true
            default:
                flush(body)
            }
        }
        flush(body)
    }

    private mutating func flush(_ body: (inout [UInt8]) -> Void) {
        guard !current.isEmpty else { return }
        if hasNonASCII {
            let text = String(decoding: current, as: UTF8.self)
            for (token, _) in SearchText.tokens(SearchText.fold(text)) {
                var bytes = Array(token.utf8)
                body(&bytes)
            }
        } else {
            body(&current)
        }
        current.removeAll(keepingCapacity: true)
        hasNonASCII = false
    }
}
