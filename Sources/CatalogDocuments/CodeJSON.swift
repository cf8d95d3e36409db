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
    /// What practice adds to `commands`; empty when nothing is known beyond the RFCs.
    public let seenAfter: [String]
    public let rfcs: [String]
    public let related: [String]
    public let keywords: [String]
    public let standing: String
    public let caveat: String?

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
        seenAfter = entry.seenAfter
        rfcs = entry.rfcs.map(\.description)
        related = entry.related
        keywords = entry.keywords
        standing = entry.standing.rawValue
        caveat = entry.caveat
    }

    /// Keys come from the schema table; every field is written (`caveat` as null and
    /// `seen_after` as an empty array when absent) so every object has the same keys,
    /// and the switch fails to compile when the schema gains a field this shape does not carry.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: SchemaField.self)
        for field in SchemaField.all {
            switch field {
            case .code: try container.encode(code, forKey: field)
            case .kind: try container.encode(kind, forKey: field)
            case .classDigit: try container.encode(`class`, forKey: field)
            case .className: try container.encode(className, forKey: field)
            case .title: try container.encode(title, forKey: field)
            case .summary: try container.encode(summary, forKey: field)
            case .description: try container.encode(description, forKey: field)
            case .when: try container.encode(when, forKey: field)
            case .fix: try container.encode(fix, forKey: field)
            case .commands: try container.encode(commands, forKey: field)
            case .seenAfter: try container.encode(seenAfter, forKey: field)
            case .rfcs: try container.encode(rfcs, forKey: field)
            case .related: try container.encode(related, forKey: field)
            case .keywords: try container.encode(keywords, forKey: field)
            case .standing: try container.encode(standing, forKey: field)
            case .caveat: try container.encode(caveat, forKey: field)
            }
        }
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: SchemaField.self)
        code = try container.decode(String.self, forKey: .code)
        kind = try container.decode(String.self, forKey: .kind)
        `class` = try container.decodeIfPresent(Int.self, forKey: .classDigit)
        className = try container.decode(String.self, forKey: .className)
        title = try container.decode(String.self, forKey: .title)
        summary = try container.decode(String.self, forKey: .summary)
        description = try container.decode(String.self, forKey: .description)
        when = try container.decode(String.self, forKey: .when)
        fix = try container.decode(String.self, forKey: .fix)
        commands = try container.decode([String].self, forKey: .commands)
        seenAfter = try container.decodeIfPresent([String].self, forKey: .seenAfter) ?? []
        rfcs = try container.decode([String].self, forKey: .rfcs)
        related = try container.decode([String].self, forKey: .related)
        keywords = try container.decode([String].self, forKey: .keywords)
        standing = try container.decode(String.self, forKey: .standing)
        caveat = try container.decodeIfPresent(String.self, forKey: .caveat)
    }
}
