/// One code of the catalog, as written in the bundled JSON.
///
/// Enhanced detail codes are stored once with an `X` class digit (`X.1.1`)
/// because the registry defines them for every class; `ResolvedCode` gives
/// them a concrete class when the user asks for `5.1.1` or `4.1.1`.
public struct CatalogEntry: Sendable, Hashable {
    public let code: String
    public let kind: CodeKind
    /// The class digit, or nil for enhanced entries written with `X`.
    public let classDigit: Int?
    public let className: String
    public let title: String
    public let summary: String
    public let description: String
    public let when: String
    public let fix: String
    public let commands: [String]
    public let rfcs: [RFCReference]
    public let related: [String]
    public let keywords: [String]
    public let standing: Standing
    /// A caution: what a non-standard code usually means, or where practice differs from the RFCs.
    public let caveat: String?

    public init(
        code: String, kind: CodeKind, classDigit: Int?, className: String, title: String,
        summary: String, description: String, when: String, fix: String, commands: [String],
        rfcs: [RFCReference], related: [String], keywords: [String], standing: Standing,
        caveat: String? = nil
    ) {
        self.code = code
        self.kind = kind
        self.classDigit = classDigit
        self.className = className
        self.title = title
        self.summary = summary
        self.description = description
        self.when = when
        self.fix = fix
        self.commands = commands
        self.rfcs = rfcs
        self.related = related
        self.keywords = keywords
        self.standing = standing
        self.caveat = caveat
    }
}
