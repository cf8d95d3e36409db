import SMTPCatalog
import TerminalScreen

/// Lays a `Comparison` out as rows: the two codes' sections aligned side by
/// side, then the differences, when to use which, and references across the width.
/// The explorer scrolls these rows; `smtp-codes compare` prints them.
public enum CompareDocument {
    public static let separator = " │ "

    public static func columnWidth(total width: Int) -> Int {
        max(10, (width - 2 - separator.count) / 2)
    }

    public static func lines(for comparison: Comparison, labels: LabelTable, width total: Int) -> [CompareLine] {
        let width = max(20, total - 2)
        let column = columnWidth(total: total)
        let left = comparison.left, right = comparison.right
        var lines: [CompareLine] = []
        func full(_ text: String, _ role: DocumentLine.Role, indent: String = "", hanging: String = "") {
            let wrapped = TextWrapper.wrap(SafeText.visible(text, keepingLineBreaks: true), width: width - indent.count)
            for (index, line) in wrapped.enumerated() {
                lines.append(CompareLine(left: DocumentLine((index == 0 ? indent : hanging) + line, role), right: nil))
            }
        }
        func blank() { lines.append(CompareLine(left: DocumentLine("", .blank), right: nil)) }
        func columns(_ a: String, _ b: String, _ role: DocumentLine.Role, digits: (Int?, Int?) = (nil, nil)) {
            let aLines = TextWrapper.wrap(SafeText.visible(a, keepingLineBreaks: true), width: column)
            let bLines = TextWrapper.wrap(SafeText.visible(b, keepingLineBreaks: true), width: column)
            for row in 0..<max(aLines.count, bLines.count) {
                lines.append(CompareLine(
                    left: DocumentLine(row < aLines.count ? aLines[row] : "", role, classDigit: digits.0),
                    right: DocumentLine(row < bLines.count ? bLines[row] : "", role, classDigit: digits.1)))
            }
        }
        func section(_ a: DocumentSection, _ b: DocumentSection) {
            lines.append(CompareLine(left: DocumentLine("", .blank), right: DocumentLine("", .blank)))
            columns(a.heading, b.heading, .heading)
            columns(a.text, b.text, .body)
        }

        full(comparison.verdict, .heading)
        blank()
        columns("\(left.code) \(left.entry.title)", "\(right.code) \(right.entry.title)", .title,
                digits: (left.classDigit, right.classDigit))
        columns("\(left.classLabel) \(left.className(in: labels))", "\(right.classLabel) \(right.className(in: labels))", .classLine,
                digits: (left.classDigit, right.classDigit))
        let leftSections = EntrySections.sections(of: left.entry, labels: labels)
        let rightSections = EntrySections.sections(of: right.entry, labels: labels)
        for kind in EntrySections.compared {
            let a = leftSections.first { $0.kind == kind }, b = rightSections.first { $0.kind == kind }
            // A part only one side has (what practice adds) faces "(none)" under the same heading.
            guard let present = a ?? b else { continue }
            let none = DocumentSection(kind: kind, heading: present.heading, text: labels["compare.none"],
                                       role: present.role, links: [])
            section(a ?? none, b ?? none)
        }
        blank()
        full(labels["compare.differences"], .heading)
        for (number, difference) in comparison.differences.enumerated() {
            let marker = "\(number + 1). "
            full(difference, .body, indent: marker, hanging: String(repeating: " ", count: marker.count))
        }
        blank()
        full(labels["compare.when_to_use"], .heading)
        for line in comparison.whenToUse { full(line, .body, indent: "• ", hanging: "  ") }
        blank()
        full(labels["compare.learn_more"], .heading)
        for reference in comparison.references { full("\(reference)  \(reference.url)", .body, indent: "• ", hanging: "  ") }
        return lines
    }
}
