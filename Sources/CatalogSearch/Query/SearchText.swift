import SMTPCatalog

/// How search sees text: folded to lowercase without accents, one character
/// at a time (so offsets still point into the original), cut into word tokens.
enum SearchText {
    /// Lowercase, and an accented Latin letter's base letter (`AccentFolding`), whether it
    /// comes precomposed (`é`) or as a letter and combining marks (`e` + U+0301). A
    /// character that would fold to more or fewer than one character stays lowercased.
    static func fold(_ character: Character) -> Character {
        if character.isASCII { return Character(character.lowercased()) }
        var folded = String.UnicodeScalarView()
        for scalar in character.unicodeScalars {
            if let base = AccentFolding.base(of: scalar) {
                folded.append(base)
            } else {
                folded.append(contentsOf: scalar.properties.lowercaseMapping.unicodeScalars.filter { !AccentFolding.isCombiningMark($0) })
            }
        }
        let result = String(folded)
        if result.count == 1 { return result.first! }
        let lowered = character.lowercased()
        return lowered.count == 1 ? lowered.first! : character
    }

    static func fold(_ text: some StringProtocol) -> String {
        if text.allSatisfy(\.isASCII) { return text.lowercased() }
        return String(text.map(fold))
    }

    static func isWordCharacter(_ character: Character) -> Bool {
        character.isLetter || character.isNumber
    }

    /// `isWordCharacter` for an ASCII byte: a letter or a digit.
    static func isASCIIWordByte(_ byte: UInt8) -> Bool {
        (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A)
    }

    /// Word tokens of already folded text, with their character offsets.
    static func tokens(_ folded: String) -> [(token: String, range: Range<Int>)] {
        // Plain ASCII (nearly all text): bytes are characters, and letters and digits
        // are known without asking Unicode's tables for each character.
        if folded.utf8.allSatisfy({ $0 < 0x80 }) {
            var result: [(String, Range<Int>)] = []
            let bytes = Array(folded.utf8)
            var start = -1
            for index in 0...bytes.count {
                let byte = index < bytes.count ? bytes[index] : 0x20
                let isWord = isASCIIWordByte(byte)
                if isWord, start < 0 { start = index }
                if !isWord, start >= 0 {
                    result.append((String(decoding: bytes[start..<index], as: UTF8.self), start..<index))
                    start = -1
                }
            }
            return result
        }
        var result: [(String, Range<Int>)] = []
        var current = ""
        var start = 0
        for (offset, character) in folded.enumerated() {
            if isWordCharacter(character) {
                if current.isEmpty { start = offset }
                current.append(character)
            } else if !current.isEmpty {
                result.append((current, start..<offset))
                current = ""
            }
        }
        if !current.isEmpty { result.append((current, start..<start + current.count)) }
        return result
    }
}
