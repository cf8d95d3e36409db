import Glibc

/// Where a user keeps catalogs of their own, laid over the bundled one
/// (docs/catalog.md, "Your own codes"): `$XDG_CONFIG_HOME/smtp-codes/catalog`, a
/// `.json` file or a folder of them; `~/.config/smtp-codes/catalog` when
/// `XDG_CONFIG_HOME` is unset, empty or relative (the XDG Base Directory rules).
public enum UserCatalog {
    /// The path, whether or not anything is there; nil without a home to put it in.
    public static func path(environment: [String: String]) -> String? {
        let configured = environment["XDG_CONFIG_HOME"] ?? ""
        let config: String
        if configured.hasPrefix("/") {
            config = configured
        } else if let home = environment["HOME"], home.hasPrefix("/") {
            config = PathNames.join(home, ".config")
        } else {
            return nil
        }
        return PathNames.join(config, "smtp-codes/catalog")
    }

    /// The user's catalog when there is one to read: nothing there, or a folder without
    /// `.json` files, is no catalog. Anything else (a file, a folder of catalogs, a path
    /// that cannot be looked at) is returned, so that loading reports what is wrong with it.
    public static func overlay(environment: [String: String]) -> String? {
        guard let path = path(environment: environment) else { return nil }
        var status = stat()
        guard stat(path, &status) == 0 else {
            return errno == ENOENT || errno == ENOTDIR ? nil : path
        }
        guard status.st_mode & S_IFMT == S_IFDIR else { return path }
        guard case .success(let names) = FolderNames.at(path) else { return path }
        return names.contains { $0.hasSuffix(".json") } ? path : nil
    }
}
