#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Chooses the locale curses works in. ncursesw reads and writes characters
/// through the C library's LC_CTYPE: under the C/POSIX locale (LANG unset, as in
/// many containers) it cannot draw box lines and reads `é` as two Latin-1 bytes.
package enum TerminalLocale {
    /// UTF-8 locales to switch LC_CTYPE to, in order of preference; `C.UTF-8`
    /// changes nothing but the character set. The others cover systems without it.
    static let fallbacks = ["C.UTF-8", "C.utf8", "en_US.UTF-8"]

    /// Takes the locale from the environment; when its character set is not UTF-8,
    /// switches LC_CTYPE alone to a UTF-8 locale if one exists (else keeps it).
    package static func adopt() {
        setlocale(LC_ALL, "")
        guard !isUTF8(codeset: currentCodeset) else { return }
        for name in fallbacks where setlocale(LC_CTYPE, name) != nil { return }
    }

    /// The character set of the current LC_CTYPE, e.g. "UTF-8" or "ANSI_X3.4-1968".
    package static var currentCodeset: String {
        guard let name = nl_langinfo(nl_item(CODESET)) else { return "" }
        return String(cString: name)
    }

    /// Whether a codeset name denotes UTF-8; systems spell it "UTF-8", "utf8" or "UTF8".
    package static func isUTF8(codeset: String) -> Bool {
        codeset.lowercased().filter { $0 != "-" && $0 != "_" } == "utf8"
    }
}
