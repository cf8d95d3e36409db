import FoundationEssentials
import Glibc

/// Where a user keeps catalogs of their own, laid over the bundled one
/// (docs/catalog.md, "Your own codes"): `$XDG_CONFIG_HOME/smtp-codes/catalog`, a
/// `.json` file or a folder of them; `~/.config/smtp-codes/catalog` when
/// `XDG_CONFIG_HOME` is unset, empty or relative (the XDG Base Directory rules).
public enum UserCatalog {
    /// The path, whether or not anything is there; nil without a home to put it in.
    public static func path(environment: [String: String]) -> URL? {
        let configured = environment["XDG_CONFIG_HOME"] ?? ""
        let config: URL
        if configured.hasPrefix("/") {
            config = URL(fileURLWithPath: configured, isDirectory: true)
        } else if let home = environment["HOME"], home.hasPrefix("/") {
            config = URL(fileURLWithPath: home, isDirectory: true).appendingPathComponent(".config", isDirectory: true)
        } else {
            return nil
        }
        return config.appendingPathComponent("smtp-codes", isDirectory: true).appendingPathComponent("catalog")
    }

    /// The user's catalog when there is one to read: nothing there, or a folder without
    /// `.json` files, is no catalog. Anything else (a file, a folder of catalogs, a path
    /// that cannot be looked at) is returned, so that loading reports what is wrong with it.
    public static func overlay(environment: [String: String]) -> URL? {
        guard let url = path(environment: environment) else { return nil }
        var status = stat()
        guard stat(url.path, &status) == 0 else {
            return errno == ENOENT || errno == ENOTDIR ? nil : url
        }
        guard status.st_mode & S_IFMT == S_IFDIR else { return url }
        guard case .success(let names) = FolderNames.at(url.path) else { return url }
        return names.contains { $0.hasSuffix(".json") } ? url : nil
    }
}
