/// Word-at-a-time byte scanning: eight bytes are tested per step with integer
/// arithmetic, falling back to single bytes only around a byte of interest.
/// Loading a large catalog spends most of its time looking for the end of
/// plain text (a quote, a backslash, a control character); this makes that
/// several times faster than a byte loop.
package enum ByteScan {
    private static let ones: UInt64 = 0x0101_0101_0101_0101
    private static let highBits: UInt64 = 0x8080_8080_8080_8080

    /// Whether some byte of `word` is below `limit` (which must be at most 128).
    /// Exact: a borrow can only mark bytes above one that really is below.
    @inline(__always)
    static func hasByte(below limit: UInt8, in word: UInt64) -> Bool {
        (word &- ones &* UInt64(limit)) & ~word & highBits != 0
    }

    @inline(__always)
    static func hasByte(_ value: UInt8, in word: UInt64) -> Bool {
        hasByte(below: 1, in: word ^ (ones &* UInt64(value)))
    }

    /// The first index from `start` holding a quote, a backslash or a byte below 0x20:
    /// where a run of JSON string text ends. `bytes.count` when there is none.
    package static func endOfStringRun(in bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
        var index = start
        if let base = bytes.baseAddress {
            while index + 8 <= bytes.count {
                let word = UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self)
                if hasByte(below: 0x20, in: word) || hasByte(0x22, in: word) || hasByte(0x5C, in: word) { break }
                index += 8
            }
        }
        while index < bytes.count {
            let byte = bytes[index]
            if byte < 0x20 || byte == 0x22 || byte == 0x5C { return index }
            index += 1
        }
        return index
    }

    /// The first index from `start` holding anything but printable ASCII (a control
    /// character, DEL or a byte of a multi-byte character); `bytes.count` when none.
    package static func endOfPrintableASCII(in bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
        var index = start
        if let base = bytes.baseAddress {
            while index + 8 <= bytes.count {
                let word = UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self)
                if word & highBits != 0 || hasByte(below: 0x20, in: word) || hasByte(0x7F, in: word) { break }
                index += 8
            }
        }
        while index < bytes.count {
            let byte = bytes[index]
            if byte < 0x20 || byte >= 0x7F { return index }
            index += 1
        }
        return index
    }
}
