/// File paths as plain strings, joined and split as the system reads them. The catalog's
/// files are found and read before the explorer's first screen, where a first `URL`
/// costs more than all of this work (docs/performance.md, "Fourth pass").
enum PathNames {
    /// `name` inside `folder`, with one slash between them.
    static func join(_ folder: String, _ name: String) -> String {
        folder.hasSuffix("/") ? folder + name : folder + "/" + name
    }

    /// The last component (`codes.json` of `/usr/share/smtp-codes/catalog/codes.json`),
    /// trailing slashes ignored; the root stays `/`.
    static func lastComponent(_ path: String) -> String {
        var trimmed = Substring(path)
        while trimmed.count > 1, trimmed.hasSuffix("/") { trimmed.removeLast() }
        guard trimmed.count > 1, let slash = trimmed.lastIndex(of: "/") else { return String(trimmed) }
        return String(trimmed[trimmed.index(after: slash)...])
    }
}
