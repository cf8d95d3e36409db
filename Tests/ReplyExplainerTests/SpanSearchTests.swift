import Testing
@testable import ReplyExplainer

/// The readers' searches (`ByteScan.swift`, through memchr and memrchr) must find what a
/// plain loop over the same range finds, for any range and any place of the match.
@Suite struct SpanSearchTests {
    /// Deterministic lines from a small alphabet, so that partial matches are common.
    static let lines: [[UInt8]] = {
        var state: UInt64 = 0x2545_F491_4F6C_DD1D
        func next(_ bound: Int) -> Int {
            state ^= state << 13
            state ^= state >> 7
            state ^= state << 17
            return Int(state % UInt64(bound))
        }
        let alphabet = Array("(iInN rR)ab".utf8)
        return (0..<400).map { _ in (0..<next(24)).map { _ in alphabet[next(alphabet.count)] } }
    }()

    static let literals = ["(in", "in", "(", "r)", "nn ", "(in r"].map { Array($0.utf8) }

    static func ranges(_ count: Int) -> [Range<Int>] {
        (0...count).flatMap { low in (low...count).map { low..<$0 } }
    }

    static func matches(_ line: [UInt8], _ literal: [UInt8], at index: Int, ignoringCase: Bool) -> Bool {
        guard index + literal.count <= line.count else { return false }
        return (0..<literal.count).allSatisfy { offset in
            let byte = line[index + offset]
            return (ignoringCase ? ASCII.lowered(byte) : byte) == literal[offset]
        }
    }

    @Test func bytesAreFoundFirstAndLast() {
        for line in Self.lines {
            for range in Self.ranges(line.count) {
                for byte in [UInt8(ascii: "("), UInt8(ascii: "i"), UInt8(ascii: ")")] {
                    #expect(line.span.firstIndex(of: byte, in: range) == range.first { line[$0] == byte })
                    #expect(line.span.lastIndex(of: byte, in: range) == range.last { line[$0] == byte })
                }
            }
        }
    }

    @Test func literalsAreFoundFirstAndLastWithOrWithoutCase() {
        for line in Self.lines {
            for range in Self.ranges(line.count) {
                for literal in Self.literals {
                    let fits = range.lowerBound..<max(range.lowerBound, range.upperBound - literal.count + 1)
                    let starts = fits.filter { Self.matches(line, literal, at: $0, ignoringCase: false) }
                    let startsIgnoringCase = fits.filter { Self.matches(line, literal, at: $0, ignoringCase: true) }
                    #expect(line.span.firstIndex(of: literal, in: range) == starts.first)
                    #expect(line.span.lastIndex(of: literal, in: range) == starts.last)
                    #expect(line.span.firstIndexIgnoringCase(of: literal, in: range) == startsIgnoringCase.first)
                }
            }
        }
    }
}
