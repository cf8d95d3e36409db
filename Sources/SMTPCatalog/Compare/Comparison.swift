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
        differences = ComparisonDifferences(left: left, right: right, catalog: catalog, labels: labels).lines
        whenToUse = [left, right].map { code in
            labels.format("use.line", code.code, code.entry.summary) + " " + code.entry.fix
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
