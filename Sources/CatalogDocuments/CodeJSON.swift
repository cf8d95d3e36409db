import SMTPCatalog
/// The stable JSON shape of one code, shared by `list`, `show`, `compare` and
/// `explain`. Field names are part of the command line's contract (README).
public struct CodeJSON: Codable, Sendable, Equatable {
    public let code: String
    public let kind: String
    public let `class`: Int?
    public let className: String
    public let title: String
    public let summary: String
    public let description: String
    public let when: String
    public let fix: String
    public let commands: [String]
    public let rfcs: [String]
    public let related: [String]
    public let keywords: [String]
    public let standing: String
    public let caveat: String?

    enum CodingKeys: String, CodingKey {
        case code, kind, `class`, className = "class_name", title, summary, description, when, fix
        case commands, rfcs, related, keywords, standing, caveat
    }

    public init(_ resolved: ResolvedCode) {
        let entry = resolved.entry
        code = resolved.code
        kind = entry.kind.rawValue
        `class` = resolved.classDigit
        className = resolved.className
        title = entry.title
        summary = entry.summary
        description = entry.description
        when = entry.when
        fix = entry.fix
        commands = entry.commands
        rfcs = entry.rfcs.map(\.description)
        related = entry.related
        keywords = entry.keywords
        standing = entry.standing.rawValue
        caveat = entry.caveat
    }

    /// Always writes `caveat`, as null when absent, so every object has the same keys.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(code, forKey: .code)
        try container.encode(kind, forKey: .kind)
        try container.encode(`class`, forKey: .class)
        try container.encode(className, forKey: .className)
        try container.encode(title, forKey: .title)
        try container.encode(summary, forKey: .summary)
        try container.encode(description, forKey: .description)
        try container.encode(when, forKey: .when)
        try container.encode(fix, forKey: .fix)
        try container.encode(commands, forKey: .commands)
        try container.encode(rfcs, forKey: .rfcs)
        try container.encode(related, forKey: .related)
        try container.encode(keywords, forKey: .keywords)
        try container.encode(standing, forKey: .standing)
        try container.encode(caveat, forKey: .caveat)
    }
}
