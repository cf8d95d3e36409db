import Testing
@testable import CatalogLoading

/// The word-at-a-time scans must agree with a plain byte loop wherever the
/// interesting byte falls relative to the 8-byte words.
@Suite struct ByteScanTests {
    /// Deterministic bytes from a fixed seed (SplitMix64), biased towards the bytes that matter.
    private func samples() -> [[UInt8]] {
        var state: UInt64 = 42
        func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        let special: [UInt8] = [0x00, 0x09, 0x1F, 0x20, 0x21, 0x22, 0x5B, 0x5C, 0x5D, 0x7E, 0x7F, 0x80, 0xC2, 0xE2, 0xFF]
        return (0..<2000).map { _ in
            let length = Int(next() % 40)
            return (0..<length).map { _ in
                next() % 4 == 0 ? special[Int(next() % UInt64(special.count))] : UInt8(0x61 + next() % 26)
            }
        }
    }

    @Test func stringRunsEndWhereAByteLoopSays() {
        for bytes in samples() {
            bytes.withUnsafeBufferPointer { buffer in
                for start in 0...bytes.count {
                    let expected = bytes[start...].firstIndex { $0 < 0x20 || $0 == 0x22 || $0 == 0x5C } ?? bytes.count
                    #expect(ByteScan.endOfStringRun(in: buffer, from: start) == expected)
                }
            }
        }
    }

    @Test func printableASCIIEndsWhereAByteLoopSays() {
        for bytes in samples() {
            bytes.withUnsafeBufferPointer { buffer in
                for start in 0...bytes.count {
                    let expected = bytes[start...].firstIndex { $0 < 0x20 || $0 >= 0x7F } ?? bytes.count
                    #expect(ByteScan.endOfPrintableASCII(in: buffer, from: start) == expected)
                }
            }
        }
    }
}
