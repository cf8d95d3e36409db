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

    /// Takes the character set (LC_CTYPE) from the environment; when it is not UTF-8,
    /// switches to a UTF-8 locale if one exists (else keeps it). LC_CTYPE is the only
    /// category curses or this program reads: the interface language comes from the
    /// environment variables (`Language`), and setting every category loads a file
    /// for each (docs/decisions.md).
    package static func adopt() {
        setlocale(LC_CTYPE, "")
        guard !isUTF8(codeset: currentCodeset) else { return }
        for name in fallbacks where setlocale(LC_CTYPE, name) != nil { return }
    }

    /// The character set of the current LC_CTYPE, e.g. "UTF-8" or "ANSI_X3.4-1968".
    package static var currentCodeset: String {
        guard let name = nl_langinfo(nl_item(CODESET)) else { return "" }
        return String(cString: name)
    }

    /// Whether a codeset name denotes UTF-8; systems spell it "UTF-8", "utf8" or "UTF8".
    /// Compared as ASCII bytes: codeset names are ASCII, and this runs before the explorer's
    /// first screen, where a first `lowercased()` costs more than the comparison.
    package static func isUTF8(codeset: String) -> Bool {
        let letters = codeset.utf8.filter { $0 != UInt8(ascii: "-") && $0 != UInt8(ascii: "_") }
            .map { $0 >= UInt8(ascii: "A") && $0 <= UInt8(ascii: "Z") ? $0 + 0x20 : $0 }
        return letters == Array("utf8".utf8)
    }
}
