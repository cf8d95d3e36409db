import SMTPCatalog
/// One problem found in a catalog file, located precisely enough to fix by hand.
public struct CatalogIssue: Sendable, Hashable, CustomStringConvertible {
    public let file: String
    /// The entry's code, or its position when the code itself is unusable.
    public let entry: String?
    public let field: String?
    public let message: String

    public init(file: String, entry: String? = nil, field: String? = nil, message: String) {
        self.file = file
        self.entry = entry
        self.field = field
        self.message = message
    }

    public var description: String {
        var place = file
        if let entry { place += ": entry \(entry)" }
        if let field { place += ": field '\(field)'" }
        return "\(place): \(message)"
    }
}
