/// Every fingerprint of every rule compiled into one Aho–Corasick automaton, so
/// that a reply is read once, byte by byte, whatever the number of rules, and no
/// regular expression runs per line (docs/reasons.md, "How a fingerprint matches").
///
/// Bytes are first mapped to classes (each byte that occurs in a fingerprint gets
/// one, ASCII capitals share their small letter's, all others share class 0), which
/// keeps the transition table a few dozen columns wide instead of 256.
struct FingerprintAutomaton: Sendable {
    private let byteClass: [UInt8]
    private let classCount: Int
    /// `next[state * classCount + class]`: the full transition function.
    private let next: [Int32]
    /// Patterns that end in each state, without following failure links.
    private let endingHere: [[Int32]]
    /// The nearest state down the failure chain that ends a pattern, or -1.
    private let outputLink: [Int32]
    let patterns: [[UInt8]]

    /// `patterns` are lower case already.
    init(patterns: [[UInt8]]) {
        self.patterns = patterns
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
        self.endingHere = ending
        self.outputLink = output
    }

    private static func lowered(_ byte: UInt8) -> UInt8 {
        byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") ? byte | 0x20 : byte
    }

    private static func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }

    /// Calls `found` with the id of each fingerprint occurring in `text` (possibly
    /// more than once). Numbers are matched whole: a fingerprint that starts or ends
    /// with a digit does not match beside another digit.
    func forEachMatch(in text: Span<UInt8>, _ found: (Int) -> Void) {
        var state = 0
        for index in 0..<text.count {
            state = Int(next[state * classCount + Int(byteClass[Int(text[index])])])
            var candidate = endingHere[state].isEmpty ? Int(outputLink[state]) : state
            while candidate > 0 {
                for id in endingHere[candidate] {
                    let pattern = patterns[Int(id)]
                    let start = index + 1 - pattern.count
                    if Self.isDigit(pattern[0]), start > 0, Self.isDigit(text[start - 1]) { continue }
                    if Self.isDigit(pattern[pattern.count - 1]), index + 1 < text.count, Self.isDigit(text[index + 1]) { continue }
                    found(Int(id))
                }
                candidate = Int(outputLink[candidate])
            }
        }
    }
}
