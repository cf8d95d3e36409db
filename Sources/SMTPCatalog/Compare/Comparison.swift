/// Everything the comparison view and `smtp-codes compare` show for two codes,
/// built once here so the explorer and the command line say the same thing.
public struct Comparison: Sendable {
    public let left: ResolvedCode
    public let right: ResolvedCode
    /// "334 is a 3xx Positive Intermediate reply, while 553 is a 5xx …"
    public let verdict: String
    /// The numbered "key differences", most decisive first.
    public let differences: [String]
    /// One line per code: when it applies and what to do about it.
    public let whenToUse: [String]
    /// Both codes' references, without repeats, in order of first mention.
    public let references: [RFCReference]

    public init(left: ResolvedCode, right: ResolvedCode, catalog: Catalog, labels: LabelTable) {
        self.left = left
        self.right = right
        let describe = { (code: ResolvedCode) in (code.code, code.classLabel, code.className) }
        let (a, aLabel, aName) = describe(left)
        let (b, bLabel, bName) = describe(right)
        if left.classLabel == right.classLabel && left.className == right.className {
            verdict = labels.format("compare.verdict.same", a, b, aLabel, aName)
        } else {
            verdict = labels.format("compare.verdict", a, aLabel, aName, b, bLabel, bName)
        }
        differences = ComparisonDifferences(left: left, right: right, catalog: catalog, labels: labels).lines
        whenToUse = [left, right].map { code in
            labels.format("use.line", code.code, code.entry.summary) + " " + code.entry.fix
        }
        var seen = Set<RFCReference>()
        references = (left.entry.rfcs + right.entry.rfcs).filter { seen.insert($0).inserted }
    }
}

/// Works out the differences that matter between two codes, in a fixed order:
/// class, what the client should do, numbering, subject, commands, standing, specs.
struct ComparisonDifferences {
    let left: ResolvedCode
    let right: ResolvedCode
    let catalog: Catalog
    let labels: LabelTable

    var lines: [String] {
        if left.code == right.code { return [labels["diff.same_code"]] }
        var lines: [String] = []
        let a = left.code, b = right.code
        if left.classLabel != right.classLabel {
            lines.append(labels.format("diff.class", a, left.classLabel, left.className, b, right.classLabel, right.className))
        }
        let (aOutcome, bOutcome) = (outcome(left), outcome(right))
        if aOutcome != bOutcome {
            lines.append(labels.format("diff.outcome", a, aOutcome, b, bOutcome))
        }
        if left.entry.kind != right.entry.kind {
            lines.append(labels.format("diff.kind", a, labels["kind.\(left.entry.kind.rawValue)"], b, labels["kind.\(right.entry.kind.rawValue)"]))
        }
        if let aSubject = subject(left), let bSubject = subject(right), aSubject != bSubject {
            lines.append(labels.format("diff.subject", a, aSubject, b, bSubject))
        }
        if Set(left.entry.commands) != Set(right.entry.commands) {
            lines.append(labels.format("diff.commands", a, left.entry.commandList(labels), b, right.entry.commandList(labels)))
        }
        if left.entry.standing != right.entry.standing {
            lines.append(labels.format("diff.standing", a, left.entry.standing.rawValue, b, right.entry.standing.rawValue))
        }
        let aSpecs = specs(left), bSpecs = specs(right)
        if aSpecs != bSpecs {
            lines.append(labels.format("diff.specs", a, aSpecs, b, bSpecs))
        }
        return lines
    }

    private func outcome(_ code: ResolvedCode) -> String {
        switch code.classDigit {
        case 2: labels["outcome.success"]
        case 3: labels["outcome.intermediate"]
        case 4: labels["outcome.transient"]
        case 5: labels["outcome.permanent"]
        default: labels["outcome.any"]
        }
    }

    /// An enhanced code's subject title ("Mailbox Status"), from the X.n.X entry.
    private func subject(_ code: ResolvedCode) -> String? {
        guard code.entry.kind == .enhanced, case .enhanced(_, let subject?, _)? = StatusCode(parsing: code.entry.code)
        else { return nil }
        return catalog.entry(forKey: "X.\(subject).X")?.title
    }

    private func specs(_ code: ResolvedCode) -> String {
        var seen = Set<Int>()
        return code.entry.rfcs.map(\.number).filter { seen.insert($0).inserted }.map { "RFC \($0)" }.joined(separator: ", ")
    }
}
