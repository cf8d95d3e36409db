/// File paths as plain strings, joined and split as the system reads them. The catalog's
/// files are found and read before the explorer's first screen, where a first `URL`
/// costs more than all of this work (docs/performance.md, "Fourth pass"). Only concrete
/// `String` operations are used: a generic one (`Substring` appended to a `String`) makes
/// the runtime look its types up by name on first use, which cost as much again.
enum PathNames {
    /// `name` inside `folder`, with one slash between them.
    static func join(_ folder: String, _ name: String) -> String {
        folder.hasSuffix("/") ? folder + name : folder + "/" + name
    }

    /// The path without slashes at its end; the root stays `/`.
    static func trimmingTrailingSlashes(_ path: String) -> String {
        var trimmed = path
        while trimmed.utf8.count > 1, trimmed.utf8.last == UInt8(ascii: "/") { trimmed.removeLast() }
        return trimmed
    }

    /// The folder holding `path` (`/` for a name directly under the root, `.` for a bare name),
    /// trailing slashes ignored.
    static func parent(of path: String) -> String {
        let trimmed = trimmingTrailingSlashes(path)
        let bytes = trimmed.utf8
        guard let slash = bytes.lastIndex(of: UInt8(ascii: "/")) else { return "." }
        return slash == bytes.startIndex ? "/" : String(trimmed[..<slash])
    }

    /// The last component (`codes.json` of `/usr/share/smtp-codes/catalog/codes.json`),
    /// trailing slashes ignored; the root stays `/`.
    static func lastComponent(_ path: String) -> String {
        let trimmed = trimmingTrailingSlashes(path)
        let bytes = trimmed.utf8
        guard bytes.count > 1, let slash = bytes.lastIndex(of: UInt8(ascii: "/")) else { return trimmed }
        return String(trimmed[bytes.index(after: slash)...])
    }
}
