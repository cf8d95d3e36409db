import FoundationEssentials
import CatalogLoading

/// Which catalogs one run reads, in the order they are laid over each other
/// (docs/catalog.md, "Your own codes"; the choice in docs/decisions.md): the bundled
/// catalog, then the user's folder (`UserCatalog`), then each `--catalog` as given.
/// With `--no-bundled` only the `--catalog` paths are read, the first in the bundled
/// catalog's place.
struct CatalogSources: Equatable {
    /// Read as ever: mapped, validated on its own terms, large files in halves.
    let base: URL
    /// Laid over `base` in this order.
    let overlays: [URL]

    /// nil with `noBundled` and no path (the options refuse that) or, without
    /// `noBundled`, when there is no `bundled` folder to read.
    init?(paths: [String], noBundled: Bool, bundled: URL?, environment: [String: String]) {
        let given = paths.map { URL(fileURLWithPath: $0) }
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
