import SyntheticCatalog

/// The seeded generator the synthetic catalogs use: the same "random" inputs on every run,
/// so that a failing case can be found again from its seed.
public typealias SplitMix = SplitMix64
