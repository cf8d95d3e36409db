/// Every fingerprint of every rule compiled into one Aho–Corasick automaton, so
/// that a reply is read once, byte by byte, whatever the number of rules, and no
/// regular expression runs per line (docs/reasons.md, "How a fingerprint matches").
///
/// Bytes are first mapped to classes (each byte that occurs in a fingerprint gets
/// one, ASCII capitals share their small letter's, all others share class 0), which
/// keeps the transition table a few dozen columns wide instead of 256.
final class FingerprintAutomaton: Sendable {
    private let byteClass: [UInt8]
    private let classCount: Int
    /// `next[state * classCount + class]`: the full transition function.
    private let next: [Int32]
    /// Per state, the first state of its output chain: itself when a pattern ends there,
    /// else the nearest state down the failure chain that ends one, or -1. One look per
    /// byte tells whether anything was found.
    private let firstOutput: [Int32]
    /// Per state, the next state down the failure chain that ends a pattern, or -1.
    private let outputLink: [Int32]
    /// The patterns ending in state `s`, without following failure links, are
    /// `endingIDs[endingStart[s] ..< endingStart[s + 1]]` (flat, so reading them allocates nothing).
    private let endingStart: [Int32]
    private let endingIDs: [Int32]
    /// Per pattern, its length in bytes, and whether it starts (bit 0) or ends (bit 1) with a digit.
    let lengths: [Int32]
    private let digitEdges: [UInt8]

    var patternCount: Int { lengths.count }

    /// `patterns` are lower case already.
    init(patterns: [[UInt8]]) {
        var byteClass = [UInt8](repeating: 0, count: 256)
        var classes = 1
        for pattern in patterns {
            for byte in pattern where byteClass[Int(byte)] == 0 {
                let lower = Self.lowered(byte)
                if byteClass[Int(lower)] == 0 {
                    byteClass[Int(lower)] = UInt8(classes)
                    classes += 1
                }
                byteClass[Int(byte)] = byteClass[Int(lower)]
            }
        }
        // Capitals read as small letters, whether or not a fingerprint holds them.
        for upper in UInt8(ascii: "A")...UInt8(ascii: "Z") { byteClass[Int(upper)] = byteClass[Int(upper | 0x20)] }
        precondition(classes <= 256, "at most 255 byte classes")

        // The trie.
        var goto: [[Int32]] = [[Int32](repeating: -1, count: classes)]
        var ending: [[Int32]] = [[]]
        for (id, pattern) in patterns.enumerated() {
            var state = 0
            for byte in pattern {
                let column = Int(byteClass[Int(byte)])
                if goto[state][column] < 0 {
                    goto[state][column] = Int32(goto.count)
                    goto.append([Int32](repeating: -1, count: classes))
                    ending.append([])
                }
                state = Int(goto[state][column])
            }
            ending[state].append(Int32(id))
        }

        // Failure links breadth first, turning the trie into a full transition table.
        let stateCount = goto.count
        var failure = [Int32](repeating: 0, count: stateCount)
        var output = [Int32](repeating: -1, count: stateCount)
        var table = [Int32](repeating: 0, count: stateCount * classes)
        var queue: [Int] = []
        queue.reserveCapacity(stateCount)
        for column in 0..<classes {
            let child = goto[0][column]
            if child > 0 {
                table[column] = child
                queue.append(Int(child))
            }
        }
        var head = 0
        while head < queue.count {
            let state = queue[head]
            head += 1
            let fail = Int(failure[state])
            output[state] = ending[fail].isEmpty ? output[fail] : Int32(fail)
            for column in 0..<classes {
                let child = goto[state][column]
                if child >= 0 {
                    failure[Int(child)] = table[fail * classes + column]
                    table[state * classes + column] = child
                    queue.append(Int(child))
                } else {
                    table[state * classes + column] = table[fail * classes + column]
                }
            }
        }
        self.byteClass = byteClass
        self.classCount = classes
        self.next = table
        self.outputLink = output
        firstOutput = (0..<stateCount).map { ending[$0].isEmpty ? output[$0] : Int32($0) }
        var starts: [Int32] = [0]
        starts.reserveCapacity(stateCount + 1)
        for ids in ending { starts.append(starts[starts.count - 1] + Int32(ids.count)) }
        endingStart = starts
        endingIDs = ending.flatMap { $0 }
        lengths = patterns.map { Int32($0.count) }
        digitEdges = patterns.map { pattern in
            (pattern.first.map(Self.isDigit) == true ? 1 : 0) | (pattern.last.map(Self.isDigit) == true ? 2 : 0)
        }
    }

    private static func lowered(_ byte: UInt8) -> UInt8 {
        byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") ? byte | 0x20 : byte
    }

    private static func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }

    /// Calls `found` with the id of each fingerprint occurring in `text` (possibly
    /// more than once). Numbers are matched whole: a fingerprint that starts or ends
    /// with a digit does not match beside another digit.
    func forEachMatch(in text: Span<UInt8>, _ found: (Int) -> Void) {
        // Runs once per byte of every reply classified: through unsafe buffers, without
        // bounds checks, every index below comes from the tables built above.
        next.withUnsafeBufferPointer { next in
        byteClass.withUnsafeBufferPointer { byteClass in
        firstOutput.withUnsafeBufferPointer { firstOutput in
            var state = 0
            for index in 0..<text.count {
                state = Int(next[state &* classCount &+ Int(byteClass[Int(text[unchecked: index])])])
                let candidate = firstOutput[state]
                if candidate > 0 { report(endingAt: index, from: Int(candidate), in: text, found) }
            }
        }
        }
        }
    }

    /// The patterns ending at `index`: those of `state` and of the states down its output chain.
    private func report(endingAt index: Int, from state: Int, in text: Span<UInt8>, _ found: (Int) -> Void) {
        var candidate = state
        while candidate > 0 {
            for slot in Int(endingStart[candidate])..<Int(endingStart[candidate + 1]) {
                let id = Int(endingIDs[slot])
                let edges = digitEdges[id]
                if edges != 0 {
                    let start = index + 1 - Int(lengths[id])
                    if edges & 1 != 0, start > 0, Self.isDigit(text[start - 1]) { continue }
                    if edges & 2 != 0, index + 1 < text.count, Self.isDigit(text[index + 1]) { continue }
                }
                found(id)
            }
            candidate = Int(outputLink[candidate])
        }
    }
}
