import SMTPCatalog

/// The members an entry object may have, in the order their slots are kept.
enum SchemaField: Int, CaseIterable {
    case code, kind, classDigit, className, title, summary, description, when, fix
    case commands, rfcs, related, keywords, standing, caveat

    /// The member name in the JSON (docs/catalog.md).
    var name: String {
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
        case .rfcs: "rfcs"
        case .related: "related"
        case .keywords: "keywords"
        case .standing: "standing"
        case .caveat: "caveat"
        }
    }

    var isRequired: Bool { self != .caveat }

    /// Members holding a list of strings; the others hold one string, but `class`.
    var isList: Bool {
        switch self {
        case .commands, .rfcs, .related, .keywords: true
        default: false
        }
    }

    /// Member names as UTF-8, indexed by raw value, for matching keys without making Strings.
    static let nameBytes: [[UInt8]] = allCases.map { Array($0.name.utf8) }
    /// Kept once: `allCases` builds a new array on every use.
    static let all = allCases
    static let requiredNamesSorted = all.filter(\.isRequired).map(\.name).sorted()
}
