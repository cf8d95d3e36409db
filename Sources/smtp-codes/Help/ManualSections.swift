import CatalogLoading
import ExplorerUI
import SMTPCatalog
import TerminalScreen

/// The man page sections the generate-manual plugin cannot write, since it knows only
/// the command definitions: KEYS (from the explorer's `KeyTable` and its help labels),
/// ENVIRONMENT, FILES and EXIT STATUS (from `ExitStatus.meanings`), in mdoc.
/// `smtp-codes --manual-sections` prints them, `scripts/make-manpage.sh` puts them in
/// docs/smtp-codes.1, and a test checks that the committed page holds this text, so a
/// key added to the table shows up as a failing test until the page is regenerated.
enum ManualSections {
    static func mdoc(labels: LabelTable) -> String {
        (keys(labels) + environment + files + exitStatus).joined(separator: "\n") + "\n"
    }

    // MARK: KEYS

    /// One item per help label, as on the explorer's `?` screen, but with the aliases the
    /// screen leaves out for width: the man page is where every key can be looked up.
    static func keys(_ labels: LabelTable) -> [String] {
        var order: [String] = []
        var shown: [String: [Key]] = [:]
        var aliases: [String: [Key]] = [:]
        for binding in KeyTable.bindings {
            if shown[binding.help] == nil { order.append(binding.help) }
            shown[binding.help, default: []] += binding.keys
            aliases[binding.help, default: []] += binding.aliases
        }
        var lines = [
            ".Sh KEYS",
            "The explorer (a bare",
            ".Nm",
            "on a terminal) reads these keys; the same list is behind",
            ".Cm \\&? .",
            "Where a key does different things, the view decides: the list, the detail pane,",
            "the search line, the comparison or the help.",
            ".Bl -tag -width 12n",
        ]
        for label in order {
            let keys = ordered(shown[label] ?? [])
            let extra = ordered(aliases[label] ?? []).filter { !keys.contains($0) }
            lines.append(".It Cm " + keys.map(macroArgument).joined(separator: " "))
            lines.append(text(labels[label]))
            if !extra.isEmpty {
                lines.append("(also")
                lines.append(".Cm " + extra.map(macroArgument).joined(separator: " ") + " )")
            }
        }
        lines.append(".It " + macroArgument(labels["ui.help.mouse.key"]))
        lines.append(text(labels["ui.help.mouse"]))
        lines.append(".El")
        return lines
    }

    /// A key as a man page spells it: words rather than arrows and carets, which
    /// read the same on every terminal and in `man -Tascii`.
    static func name(of key: Key) -> String {
        switch key {
        case .up: "Up"
        case .down: "Down"
        case .left: "Left"
        case .right: "Right"
        case .control(let letter): "Ctrl-" + letter.uppercased()
        case .backTab: "Shift-Tab"
        case .backspace: "Backspace"
        case .delete: "Delete"
        default: key.helpName
        }
    }

    /// Keys in the order a reader scans them, as the help screen shows them: named keys
    /// as the table lists them (Up before Down), then characters alphabetically with a
    /// lowercase letter before its capital (g G), then function keys, then chords.
    static func ordered(_ keys: [Key]) -> [Key] {
        var seen = Set<Key>()
        let unique = keys.filter { seen.insert($0).inserted }
        func rank(_ key: Key) -> Int {
            switch key {
            case .character: 1
            case .function: 2
            case .control: 3
            default: 0
            }
        }
        func characterOrder(_ key: Key) -> (String, Bool) {
            guard case .character(let character) = key else { return ("", false) }
            return (character.lowercased(), character.isUppercase)
        }
        // Sorting by (rank, position) keeps the table's order wherever no other rule applies.
        return unique.enumerated().sorted { left, right in
            let (a, b) = (left.element, right.element)
            if rank(a) != rank(b) { return rank(a) < rank(b) }
            if rank(a) == 1 {
                let (x, y) = (characterOrder(a), characterOrder(b))
                if x.0 != y.0 { return x.0 < y.0 }
                if x.1 != y.1 { return !x.1 }
            }
            return left.offset < right.offset
        }.map(\.element)
    }

    // MARK: ENVIRONMENT, FILES, EXIT STATUS

    static let environment = [
        ".Sh ENVIRONMENT",
        ".Bl -tag -width Ds",
        ".It Ev LC_ALL , LC_MESSAGES , LANGUAGE , LANG",
        "The interface language when",
        ".Fl -lang",
        "is not given, looked up in this order",
        ".Po Ev LANGUAGE",
        "may hold a colon-separated list",
        ".Pc :",
        "the first that names English",
        ".Pq Li en",
        "or Indonesian",
        ".Pq Li id",
        "wins;",
        ".Li C",
        "and",
        ".Li POSIX",
        "are skipped, and anything else gives English.",
        "The explorer takes its character set from the locale too",
        ".Pq Ev LC_ALL , LC_CTYPE , LANG ;",
        "when that is not UTF-8 it draws in C.UTF-8 instead.",
        ".It Ev NO_COLOR",
        "When set and not empty,",
        ".Fl -color Cm auto",
        "(the default) gives no colour: commands print plain text and the explorer",
        "is monochrome, with the selection and marks still shown as reverse and bold.",
        ".It Ev TERM",
        "The terminal type, looked up in terminfo.",
        "When it is unset,",
        ".Li dumb",
        "or unknown, a bare",
        ".Nm",
        "prints the code list instead of opening the explorer, and",
        ".Fl -color Cm auto",
        "does not colour.",
        ".It Ev COLUMNS",
        "The width that",
        ".Fl -help",
        "and the commands' plain output are laid out for (the terminal's width otherwise,",
        "80 when standard output is not a terminal);",
        ".Cm compare",
        "prints two columns from 100.",
        "The explorer takes its size from the terminal itself, whatever",
        ".Ev COLUMNS",
        "and",
        ".Ev LINES",
        "say.",
        ".It Ev \(ResourceLocator.environmentKey)",
        "A resources folder to use before the installed one; see",
        ".Sx FILES .",
        ".It Ev XDG_CONFIG_HOME",
        "Where your own catalogs are looked for:",
        ".Pa $XDG_CONFIG_HOME/smtp-codes/catalog ,",
        "or",
        ".Pa ~/.config/smtp-codes/catalog",
        "when it is unset, empty or relative; see",
        ".Sx FILES .",
        "Point it at an empty folder to leave your catalogs out for one run.",
        ".Nm",
        "has no other configuration file: every setting is an option or one of the",
        "variables above, and a shell alias can keep the options you always want.",
        ".El",
    ]

    static let files = [
        ".Sh FILES",
        "The catalog and the interface texts are read at start from the first of these",
        "folders that holds a",
        ".Pa catalog",
        "folder:",
        ".Bl -tag -width Ds",
        ".It Ev \(ResourceLocator.environmentKey)",
        "when set.",
        ".It Pa \(ResourceLocator.bundleName)",
        "beside the binary (symbolic links followed): a build in a checkout.",
        ".It Pa PREFIX/share/smtp-codes",
        "for a binary installed as",
        ".Pa PREFIX/bin/smtp-codes",
        ".Pq Ql make install PREFIX=... .",
        ".El",
        ".Pp",
        "Without one, every command prints one line and exits 66.",
        "The folder holds:",
        ".Bl -tag -width Ds",
        ".It Pa catalog/*.json",
        "The codes, one JSON object per file.",
        ".It Pa catalog.snapshot",
        "The same codes as",
        ".Ql make install",
        "read and checked them, read instead of the JSON while neither those files nor the",
        "binary has changed since; otherwise the JSON is read.",
        ".It Pa locales/en.json , locales/id.json",
        "The interface texts.",
        ".It Pa search/synonyms.json",
        "The words people use for what the catalog calls otherwise",
        "(over quota, blacklisted), used by",
        ".Cm search",
        "and the explorer's search.",
        ".El",
        ".Pp",
        "Catalogs of your own, in the same form, are laid over the bundled one in this order:",
        ".Bl -tag -width Ds",
        ".It Pa ~/.config/smtp-codes/catalog",
        "(under",
        ".Ev XDG_CONFIG_HOME",
        "when set): a",
        ".Pa .json",
        "file, or a folder whose",
        ".Pa .json",
        "files are applied by name;",
        ".It Fl -catalog Ar path",
        "each, in the order given.",
        ".El",
        ".Pp",
        "An entry with a new code is added and must be complete; an entry with a code",
        "already read replaces the fields it gives and keeps the others.",
        "The merged catalog is validated as one, and",
        ".Cm show",
        "and the explorer say which file an entry comes from.",
        ".Fl -no-bundled",
        "reads only the",
        ".Fl -catalog",
        "paths, the first in the bundled catalog's place.",
    ]

    static var exitStatus: [String] {
        [".Sh EXIT STATUS", ".Bl -tag -width Ds"]
            + ExitStatus.meanings.flatMap { [".It " + $0.status, text($0.meaning)] }
            + [".El"]
    }

    // MARK: roff escaping

    /// A text line as roff reads it literally: a backslash is `\e`, a leading dot or
    /// apostrophe (which would start a request) is guarded by `\&`, and anything beyond
    /// ASCII is named by code point (`\[u2191]`), which man's UTF-8 and ASCII devices
    /// both know how to draw.
    static func text(_ line: String) -> String {
        var result = line.first == "." || line.first == "'" ? "\\&" : ""
        for scalar in line.unicodeScalars {
            if scalar == "\\" {
                result += "\\e"
            } else if scalar.isASCII {
                result.unicodeScalars.append(scalar)
            } else {
                let hex = String(scalar.value, radix: 16, uppercase: true)
                result += "\\[u" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex + "]"
            }
        }
        return result
    }

    /// A word on a macro line: `\&` keeps `[`, `?` or `Ta` from being read as a
    /// delimiter or a macro name, and a quote is written `\(dq`.
    static func macroArgument(_ word: String) -> String {
        "\\&" + text(word).replacing("\"", with: "\\(dq").replacing(" ", with: "\\ ")
    }

    static func macroArgument(_ key: Key) -> String {
        macroArgument(name(of: key))
    }
}
