import Testing
@testable import ReplyExplainer

/// The automaton that matches every rule's fingerprints in one pass (docs/reasons.md).
@Suite struct FingerprintAutomatonTests {
    private func matches(_ patterns: [String], in text: String) -> Set<String> {
        let automaton = FingerprintAutomaton(patterns: patterns.map { Array($0.utf8) })
        var found = Set<String>()
        let bytes = Array(text.utf8)
        automaton.forEachMatch(in: bytes.span) { found.insert(patterns[$0]) }
        return found
    }

    @Test func findsEveryPatternWhateverTheCase() {
        #expect(matches(["user unknown", "unknown", "greylisted"], in: "550 5.1.1 User Unknown in table; GREYLISTED")
            == ["user unknown", "unknown", "greylisted"])
    }

    @Test func overlappingAndNestedPatternsAllMatch() {
        // "he", "she", "his", "hers": the textbook case for failure links.
        #expect(matches(["he", "she", "his", "hers"], in: "ushers") == ["he", "she", "hers"])
    }

    /// Numbers are matched whole: 5.7.60 is not in 5.7.606, TSS04 is not in TSS040.
    @Test func numbersAreMatchedWhole() {
        #expect(matches(["5.7.60", "tss04"], in: "550 5.7.606 [TSS040]").isEmpty)
        #expect(matches(["5.7.60", "tss04"], in: "550 5.7.60 [TSS04]") == ["5.7.60", "tss04"])
        #expect(matches(["rp-001"], in: "RP-0011") .isEmpty)
        #expect(matches(["s3150"], in: "(S3150)") == ["s3150"])
        // Letters are plain substrings: "greylist" is in "greylisted".
        #expect(matches(["greylist"], in: "Greylisted") == ["greylist"])
    }

    @Test func bytesOutsideEveryPatternResetTheMatch() {
        #expect(matches(["abc"], in: "ab\u{0}c ab€c a-bc").isEmpty)
        #expect(matches(["näive"], in: "NÄIVE näive") == ["näive"])
    }
}
