import ArgumentParser
import FoundationEssentials
import CatalogLoading
import SMTPCatalog

/// Shell completion of code arguments (`show`, `compare`): the generated bash, zsh and
/// fish scripts run `smtp-codes ---completion SUBCOMMAND -- positional@N …` on Tab,
/// and ArgumentParser calls `candidates` with the word being typed. The catalog is the
/// one the command would read (the bundled one, your own folder and the `--catalog`
/// and `--no-bundled` options on the same line),
/// loaded in a few milliseconds, so the list is never out of date.
enum CodeCompletion {
    static let kind = CompletionKind.custom { words, _, prefix in
        guard let catalog = loadCatalog(words: words) else { return [] }
        return candidates(in: catalog, prefix: prefix)
    }

    /// The codes that start with `prefix`, in catalog order. An enhanced entry stored
    /// for every class (`X.1.1`) is offered in the class being typed (`5.1` → `5.1.1`),
    /// since that is how it is asked for; the typed part is kept as typed (`x.1` →
    /// `x.1.1`), because shells drop candidates that do not start with the word.
    static func candidates(in catalog: Catalog, prefix: String) -> [String] {
        let typed = prefix.uppercased()
        let classDigit = typed.first.flatMap { "245".contains($0) ? $0 : nil }
        var seen = Set<String>()
        var result: [String] = []
        for entry in catalog.entries {
            var code = entry.code.uppercased()
            if entry.kind == .enhanced, entry.classDigit == nil, let classDigit {
                code = String(classDigit) + code.dropFirst()
            }
            guard code.hasPrefix(typed), seen.insert(code).inserted else { continue }
            result.append(prefix + code.dropFirst(prefix.count))
        }
        return result
    }

    /// The `--catalog PATH` and `--catalog=PATH` values among the shell words, in order,
    /// and whether `--no-bundled` is there.
    static func catalogOptions(in words: [String]) -> (paths: [String], noBundled: Bool) {
        var paths: [String] = []
        for (index, word) in words.enumerated() {
            if word == "--catalog", index + 1 < words.count {
                paths.append(words[index + 1])
            } else if word.hasPrefix("--catalog=") {
                paths.append(String(word.dropFirst("--catalog=".count)))
            }
        }
        return (paths.filter { !$0.isEmpty }, words.contains("--no-bundled"))
    }

    /// The catalog, or nil when it cannot be read: a completion prints nothing rather
    /// than an error in the middle of the command line being typed.
    static func loadCatalog(words: [String], environment: [String: String] = ProcessEnvironment.current()) -> Catalog? {
        let (paths, noBundled) = catalogOptions(in: words)
        let bundled = ResourceLocator().resourcesPath().map { $0 + "/catalog" }
        guard let sources = CatalogSources(paths: paths, noBundled: noBundled && !paths.isEmpty, bundled: bundled,
                                           environment: environment)
        else { return nil }
        return try? CatalogLoader.load(path: sources.base, overlayPaths: sources.overlays)
    }
}
