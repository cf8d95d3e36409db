import Foundation
import Testing
import TestSupport
import CatalogLoading
@testable import CatalogSearch
import SMTPCatalog

/// Search folds accents with its own table (`AccentFolding`) since the binary no longer
/// links Foundation's ICU-backed `folding(options:)`; these pin that it folds what that did.
@Suite struct AccentFoldingTests {
    /// Letters the table folds although Foundation keeps them (no canonical
    /// decomposition): the letters with a stroke, documented in `AccentFolding`.
    static let strokeLetters: [Character: Character] = [
        "Ð": "d", "ð": "d", "Đ": "d", "đ": "d", "Ħ": "h", "ħ": "h", "ı": "i", "Ŀ": "l", "ŀ": "l",
        "Ł": "l", "ł": "l", "Ø": "o", "ø": "o", "Ǿ": "o", "ǿ": "o", "Ŧ": "t", "ŧ": "t",
    ]

    /// Every code point of the table's blocks, against Foundation's diacritic- and
    /// case-insensitive folding (which test targets may still use): same base letter
    /// wherever that gives one ASCII letter, and otherwise only the stroke letters differ.
    @Test func everyTabledLetterFoldsAsFoundationDid() throws {
        var checked = 0
        for range in AccentFolding.coveredScalars {
            for value in range {
                let scalar = try #require(Unicode.Scalar(value))
                let character = Character(scalar)
                let ours = SearchText.fold(character)
                let foundation = String(character).folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
                if let stroke = Self.strokeLetters[character] {
                    #expect(ours == stroke, "U+\(String(value, radix: 16, uppercase: true)) \(character)")
                } else if foundation.count == 1, let letter = foundation.first, letter.isASCII, letter.isLetter {
                    #expect(ours == letter, "U+\(String(value, radix: 16, uppercase: true)) \(character): \(ours), Foundation \(letter)")
                    checked += 1
                } else {
                    #expect(!(ours.isASCII && ours.isLetter), "U+\(String(value, radix: 16, uppercase: true)) \(character) folds to \(ours)")
                }
            }
        }
        #expect(checked > 450, "only \(checked) letters compared")
    }

    @Test(arguments: [
        // German, French, Spanish, Portuguese
        ("Müller Straße Größe", "muller straße große"),
        ("Français garçon Noël Hélène œuvre", "francais garcon noel helene œuvre"),
        ("Año pingüino Peñalosa", "ano pinguino penalosa"),
        ("São João ação", "sao joao acao"),
        // Polish, Czech, Slovak, Romanian
        ("Zażółć gęślą jaźń Łódź", "zazolc gesla jazn lodz"),
        ("Příliš žluťoučký kůň úpěl ďábelské ódy", "prilis zlutoucky kun upel dabelske ody"),
        ("Ștefan Țiriac", "stefan tiriac"),
        // Turkish: dotted capital I and dotless small i both fold to i
        ("İstanbul Işık Ağrı Şişli", "istanbul isik agri sisli"),
        // Nordic and Icelandic
        ("Øresund Ålesund Smørrebrød Guðmundsson Þór", "oresund alesund smorrebrod gudmundsson þor"),
        // Indonesian names are mostly unaccented; older spellings and loans carry some
        ("Soekarno Hatta Déwi Sukarnoputri", "soekarno hatta dewi sukarnoputri"),
        // Vietnamese (Latin Extended Additional)
        ("Tiếng Việt Nguyễn", "tieng viet nguyen"),
    ])
    func namesFoldToTheirBaseLetters(text: String, folded: String) {
        #expect(SearchText.fold(text) == folded)
    }

    /// A letter written as a base letter and combining marks folds like the precomposed one,
    /// and stays one character, so offsets into the text still hold.
    @Test func decomposedLettersLoseTheirMarks() {
        let decomposed = "re\u{301}sume\u{301}"
        #expect(decomposed.count == 6)
        #expect(SearchText.fold(decomposed) == "resume")
        #expect(SearchText.fold("O\u{308}\u{304}") == "o")
    }

    /// Characters the table does not know are lowercased, never dropped or split.
    @Test func otherScriptsAreOnlyLowercased() {
        #expect(SearchText.fold("ΣΟΦΙΑ") == "σοφια")
        #expect(SearchText.fold("中文 メール") == "中文 メール")
        #expect(SearchText.fold("ẞ") == "ß")
        #expect(SearchText.fold("\u{301}x") == "\u{301}x")
    }

    @Test func searchFindsAccentedWordsWithoutTheAccentsAndTheReverse() throws {
        let accented = CatalogFixture.entry("551", overrides: ["title": "Résumé of the mailbox", "keywords": ["façade"]])
        let plain = CatalogFixture.entry("552", overrides: ["title": "Resume sending later", "keywords": ["facade"]])
        let catalog = try CatalogLoader.load(data: CatalogFixture.document([accented, plain]), named: "accents.json")
        let index = SearchIndex(catalog: catalog)
        for query in ["resume", "résumé", "re\u{301}sume\u{301}", "façade", "facade"] {
            #expect(Set(index.search(query).map { catalog.entries[$0.entryIndex].code }) == ["551", "552"], "\(query)")
        }
    }
}
