import CatalogLoading

/// Which catalogs one run reads, in the order they are laid over each other
/// (docs/catalog.md, "Your own codes"; the choice in docs/decisions.md): the bundled
/// catalog, then the user's folder (`UserCatalog`), then each `--catalog` as given.
/// With `--no-bundled` only the `--catalog` paths are read, the first in the bundled
/// catalog's place. Paths, not `URL`s: the explorer works them out before its first
/// screen (`CatalogLoader.load(path:translationPath:overlayPaths:home:whenLarge:)`).
struct CatalogSources: Equatable {
    /// Read as ever: mapped, validated on its own terms, large files in halves.
    let base: String
    /// Laid over `base` in this order.
    let overlays: [String]

    /// nil with `noBundled` and no path (the options refuse that) or, without
    /// `noBundled`, when there is no `bundled` folder to read.
    init?(paths: [String], noBundled: Bool, bundled: String?, environment: [String: String]) {
        let given = paths
        if noBundled {
            guard let first = given.first else { return nil }
            base = first
            overlays = Array(given.dropFirst())
        } else {
            guard let bundled else { return nil }
            base = bundled
            overlays = (UserCatalog.overlay(environment: environment).map { [$0] } ?? []) + given
        }
    }
}
