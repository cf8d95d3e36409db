import CursesTerminal
import Testing

@Suite struct TerminalLocaleTests {
    @Test(arguments: ["UTF-8", "utf-8", "utf8", "UTF8", "utf_8"])
    func spellingsOfUTF8(codeset: String) {
        #expect(TerminalLocale.isUTF8(codeset: codeset))
    }

    /// The C locale's ASCII and legacy 8-bit sets get the UTF-8 fallback.
    @Test(arguments: ["ANSI_X3.4-1968", "ISO-8859-1", "ISO-8859-15", "KOI8-R", "UTF-16", ""])
    func otherCharacterSets(codeset: String) {
        #expect(!TerminalLocale.isUTF8(codeset: codeset))
    }
}
