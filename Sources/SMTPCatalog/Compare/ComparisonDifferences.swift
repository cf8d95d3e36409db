/// Works out the differences that matter between two codes, in a fixed order: what each
/// means and what typically causes it (one sentence each), class, what the client should
/// do, numbering, subject, commands, who acts, standing, specs.
struct ComparisonDifferences {
    let left: ResolvedCode
    let right: ResolvedCode
    let catalog: Catalog
    let labels: LabelTable
    let book: ReasonBook

    var lines: [String] {
        if left.code == right.code { return [labels["diff.same_code"]] }
        var lines: [String] = []
        let a = left.code, b = right.code
        lines.append(labels.format("diff.meaning", a, FirstSentence.of(left.entry.summary), b, FirstSentence.of(right.entry.summary)))
        lines.append(labels.format("diff.cause", a, FirstSentence.of(left.entry.when), b, FirstSentence.of(right.entry.when)))
        if left.classLabel != right.classLabel {
            lines.append(labels.format("diff.class", a, left.classLabel, left.className(in: labels), b, right.classLabel, right.className(in: labels)))
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
        if let aReason = book.reason(for: left), let bReason = book.reason(for: right), aReason.whoActs != bReason.whoActs {
            lines.append(labels.format("diff.who_acts", a, labels["acts.\(aReason.whoActs.rawValue)"],
                                       b, labels["acts.\(bReason.whoActs.rawValue)"]))
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
        var seen = Set<String>()
        return code.entry.rfcs.map(\.document).filter { seen.insert($0).inserted }.joined(separator: ", ")
    }
}
