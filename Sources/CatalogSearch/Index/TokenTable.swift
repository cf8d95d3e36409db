import FoundationEssentials
import Glibc
import SMTPCatalog

/// Interns word tokens given as bytes, so building the vocabulary of a large
/// catalog creates one String per distinct word rather than one per occurrence.
/// Open addressing with FNV-1a hashes over a shared byte pool.
struct TokenTable {
    private var slots: [Int32] = Array(repeating: -1, count: 1 << 12)
    private var hashes: [UInt64] = []
    private var starts: [Int] = []
    private var lengths: [Int] = []
    private var pool: [UInt8] = []

    package var count: Int { starts.count }

    /// The id of `token`, adding it when new.
    mutating func intern(_ token: UnsafeBufferPointer<UInt8>) -> Int {
        let hash = Self.hash(token)
        var slot = Int(hash & UInt64(slots.count - 1))
        while true {
            let id = Int(slots[slot])
            if id < 0 { break }
            if hashes[id] == hash, matches(id, token) { return id }
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

    mutating func intern(_ token: [UInt8]) -> Int {
        token.withUnsafeBufferPointer { intern($0) }
    }

    /// The id of `token` if it has one.
    func id(of token: UnsafeBufferPointer<UInt8>) -> Int? {
        let hash = Self.hash(token)
        var slot = Int(hash & UInt64(slots.count - 1))
        while slots[slot] >= 0 {
            let id = Int(slots[slot])
            if hashes[id] == hash, matches(id, token) { return id }
            slot = (slot + 1) & (slots.count - 1)
        }
        return nil
    }

    /// FNV-1a.
    private static func hash(_ token: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        for byte in token { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01B3 }
        return hash
    }

    private func matches(_ id: Int, _ token: UnsafeBufferPointer<UInt8>) -> Bool {
        guard lengths[id] == token.count else { return false }
        guard let tokenBase = token.baseAddress else { return true }
        return pool.withUnsafeBufferPointer { memcmp($0.baseAddress! + starts[id], tokenBase, token.count) == 0 }
    }

    func bytes(of id: Int) -> [UInt8] {
        Array(pool[starts[id]..<starts[id] + lengths[id]])
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
