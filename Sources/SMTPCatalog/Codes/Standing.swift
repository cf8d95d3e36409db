/// Where a code's definition comes from, so users can tell a standard reply
/// from one that only some servers send.
public enum Standing: String, Sendable, Hashable, CaseIterable {
    case standard
    case `extension`
    case registry
    case experimental
    case nonStandard = "non-standard"
    case deprecated

    /// Sorting weight: among equally good matches, standard codes come first.
    package var rank: Int {
        switch self {
        case .standard: 0
        case .extension: 1
        case .registry: 2
        case .experimental: 3
        case .deprecated: 4
        case .nonStandard: 5
        }
    }
}
