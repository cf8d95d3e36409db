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

    /// `book` says who acts on each side (the reasons the codes stand for); without it that line is left out.
    public init(left: ResolvedCode, right: ResolvedCode, catalog: Catalog, labels: LabelTable, book: ReasonBook = .empty) {
        self.left = left
        self.right = right
        let describe = { (code: ResolvedCode) in (code.code, code.classLabel, code.className(in: labels)) }
        let (a, aLabel, aName) = describe(left)
        let (b, bLabel, bName) = describe(right)
        if let (reply, detail) = Self.sentTogether(left, right) {
            verdict = labels.format("compare.verdict.pair", reply.code, detail.code)
        } else if left.classLabel == right.classLabel && left.className == right.className {
            verdict = labels.format("compare.verdict.same", a, b, aLabel, aName)
        } else {
            verdict = labels.format("compare.verdict", a, aLabel, aName, b, bLabel, bName)
        }
        differences = ComparisonDifferences(left: left, right: right, catalog: catalog, labels: labels, book: book).lines
        // Written for the decision: the situation in one sentence, whose move it is, and the first step.
        whenToUse = [left, right].map { code in
            var line = labels.format("use.line", code.code, FirstSentence.of(code.entry.when))
            if let reason = book.reason(for: code) {
                line += " " + labels.format("use.who", labels["acts.\(reason.whoActs.rawValue)"])
            }
            return line + " " + labels.format("use.first_step", FirstSentence.of(code.entry.fix))
        }
        var seen = Set<RFCReference>()
        references = (left.entry.rfcs + right.entry.rfcs).filter { seen.insert($0).inserted }
    }

    /// A basic code and an enhanced code of the same class (or of any class) are the two
    /// halves of one reply (`550 5.1.1`), not alternatives: (reply, detail) when they are.
    static func sentTogether(_ left: ResolvedCode, _ right: ResolvedCode) -> (ResolvedCode, ResolvedCode)? {
        let pair = left.entry.kind == .basic ? (left, right) : (right, left)
        guard pair.0.entry.kind == .basic, pair.1.entry.kind == .enhanced,
              pair.1.classDigit == nil || pair.1.classDigit == pair.0.classDigit else { return nil }
        return pair
    }
}
