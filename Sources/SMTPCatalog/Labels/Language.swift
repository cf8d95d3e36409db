/// The interface languages smtp-codes speaks.
public enum Language: String, Sendable, CaseIterable {
    case english = "en"
    case indonesian = "id"

    /// Picks the language from the environment as gettext does: `LC_ALL`, then
    /// `LC_MESSAGES`, then the `LANGUAGE` priority list, then `LANG`. `C` and
    /// `POSIX` say nothing about language and are skipped; unsupported ones fall back to English.
    public static func fromEnvironment(_ environment: [String: String]) -> Language {
        var candidates: [String] = []
        for key in ["LC_ALL", "LC_MESSAGES"] {
            if let value = environment[key], !value.isEmpty { candidates.append(value) }
        }
        if let list = environment["LANGUAGE"] {
            candidates += list.split(separator: ":").map(String.init)
        }
        if let value = environment["LANG"], !value.isEmpty { candidates.append(value) }
        for candidate in candidates {
            let code = candidate.prefix { $0 != "_" && $0 != "." && $0 != "@" && $0 != "-" }.lowercased()
            if code == "c" || code == "posix" || code.isEmpty { continue }
            // "in" is the ISO 639 code Indonesian had before 1989; old locales still use it.
            if code == "id" || code == "in" { return .indonesian }
            if code == "en" { return .english }
        }
        return .english
    }
}
