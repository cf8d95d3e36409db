/// A catalog entry read in the class the user asked for: `5.1.1` is the
/// `X.1.1` entry read as a permanent failure, `4.1.1` as a transient one.
public struct ResolvedCode: Sendable, Hashable {
    public let entry: CatalogEntry
    /// The code as it should be shown (`5.1.1`, or the entry's own code).
    public let code: String
    public let classDigit: Int?
    public let className: String

    public init(entry: CatalogEntry, requested: StatusCode? = nil) {
        self.entry = entry
        if entry.kind == .enhanced, entry.classDigit == nil,
           let requested, let digit = requested.classDigit,
           let name = ReplyClass.enhancedName(digit) {
            self.code = String(digit) + entry.code.dropFirst()
            self.classDigit = digit
            self.className = name
        } else {
            self.code = entry.code
            self.classDigit = entry.classDigit
            self.className = entry.className
        }
    }

    /// The one class notation, for every screen, command and message: `5xx` for a
    /// basic code, `5.x.x` for an enhanced code read in a class, `x.x.x` for one that
    /// serves any class (docs/decisions.md).
    public var classLabel: String {
        let digit = classDigit.map(String.init) ?? "x"
        switch entry.kind {
        case .basic: return "\(digit)xx"
        case .enhanced: return "\(digit).x.x"
        // A provider's reply is read in the class of its codes; a reason has none.
        case .provider, .seen: return classDigit.map { "\($0)xx" } ?? ""
        case .reason: return ""
        }
    }

    /// Whether a client should stop retrying as is (5), may retry (4), or neither applies.
    public var isPermanentFailure: Bool { classDigit == 5 }
    public var isTransientFailure: Bool { classDigit == 4 }
}

extension ResolvedCode {
    /// The class name in the interface language: the label `class.basic.5`,
    /// `class.enhanced.5` or `class.any` when the table has one, else the stored
    /// (English) name. Shown text uses this; JSON keeps the stored name.
    public func className(in labels: LabelTable) -> String {
        // A provider entry's class name is its provider; a reason's is the word "Reason".
        guard entry.kind.isCode else { return className }
        let key = entry.kind == .basic ? "class.basic.\(classDigit ?? 0)"
            : classDigit.map { "class.enhanced.\($0)" } ?? "class.any"
        let label = labels[key]
        return label == key ? className : label
    }
}
