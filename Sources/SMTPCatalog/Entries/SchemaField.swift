/// The catalog schema: every member an entry object may have, in the order their
/// slots are kept. This one table drives the loader's member reader and required
/// checks, the JSON keys of every command (`CodeJSON` encodes by it, with a switch
/// the compiler checks for completeness), and a test holds docs/catalog.md to it.
public enum SchemaField: Int, CaseIterable, Sendable, CodingKey {
    case code, kind, classDigit, className, title, summary, description, when, fix
    case commands, seenAfter, rfcs, related, keywords, standing, caveat

    /// The member name in the JSON (docs/catalog.md).
    public var name: String {
        switch self {
        case .code: "code"
        case .kind: "kind"
        case .classDigit: "class"
        case .className: "class_name"
        case .title: "title"
        case .summary: "summary"
        case .description: "description"
        case .when: "when"
        case .fix: "fix"
        case .commands: "commands"
        case .seenAfter: "seen_after"
        case .rfcs: "rfcs"
        case .related: "related"
        case .keywords: "keywords"
        case .standing: "standing"
        case .caveat: "caveat"
        }
    }

    public var isRequired: Bool { self != .caveat && self != .seenAfter }

    /// Members holding a list of strings; the others hold one string, but `class`.
    public var isList: Bool {
        switch self {
        case .commands, .seenAfter, .rfcs, .related, .keywords: true
        default: false
        }
    }

    /// Member names as UTF-8, indexed by raw value, for matching keys without making Strings.
    package static let nameBytes: [[UInt8]] = allCases.map { Array($0.name.utf8) }
    /// Kept once: `allCases` builds a new array on every use.
    public static let all = allCases
    package static let requiredNamesSorted = all.filter(\.isRequired).map(\.name).sorted()

    // MARK: CodingKey, so JSON is written under the schema's names

    public var stringValue: String { name }
    public var intValue: Int? { nil }

    public init?(stringValue: String) {
        guard let field = Self.all.first(where: { $0.name == stringValue }) else { return nil }
        self = field
    }

    public init?(intValue: Int) { nil }
}
