import ArgumentParser
import CatalogDocuments
import CatalogLoading
import CatalogSearch
import ReplyExplainer
import SMTPCatalog
import TerminalScreen

/// Plain-text comparison: two aligned columns, or one code after the other.
struct ComparisonPrinter {
    let labels: LabelTable
    let output: Output

    /// The explorer's comparison rows, printed as they are drawn there.
    func columns(_ comparison: Comparison) -> String {
        let width = output.width
        let column = CompareDocument.columnWidth(total: width)
        return CompareDocument.lines(for: comparison, labels: labels, width: width).map { line in
            guard let right = line.right else { return styled(line.left, line.left.text) }
            let left = TextWrapper.pad(line.left.text, width: column)
            return styled(line.left, left) + CompareDocument.separator + styled(right, right.text)
        }.joined(separator: "\n")
    }

    /// For pipes and narrow terminals: verdict, each code in turn, then the shared sections.
    func sequential(_ comparison: Comparison) -> String {
        let formatter = EntryFormatter(labels: labels, output: output)
        var parts = [output.bold(SafeText.visible(comparison.verdict))]
        for code in [comparison.left, comparison.right] {
            let sections = EntrySections.sections(of: code.entry, labels: labels)
            let compared = EntrySections.compared.compactMap { kind in sections.first { $0.kind == kind } }
            parts.append(([formatter.heading(code) + "\n" + formatter.classLine(code)] + compared.map(formatter.section))
                .joined(separator: "\n\n"))
        }
        parts.append(numbered(labels["compare.differences"], comparison.differences, formatter))
        parts.append(list(labels["compare.when_to_use"], comparison.whenToUse, formatter))
        parts.append(list(labels["compare.learn_more"], comparison.references.map { "\($0)  \($0.url)" }, formatter))
        return parts.joined(separator: "\n\n")
    }

    private func numbered(_ title: String, _ items: [String], _ formatter: EntryFormatter) -> String {
        output.bold(title) + "\n" + items.enumerated().map { index, item in
            hanging("\(index + 1). ", item, formatter)
        }.joined(separator: "\n")
    }

    private func list(_ title: String, _ items: [String], _ formatter: EntryFormatter) -> String {
        output.bold(title) + "\n" + items.map { hanging("• ", $0, formatter) }.joined(separator: "\n")
    }

    private func hanging(_ marker: String, _ text: String, _ formatter: EntryFormatter) -> String {
        let lines = TextWrapper.wrap(SafeText.visible(text, keepingLineBreaks: true), width: formatter.textWidth - 2 - marker.count)
        let indent = String(repeating: " ", count: 2 + marker.count)
        return lines.enumerated().map { ($0.offset == 0 ? "  " + marker : indent) + $0.element }.joined(separator: "\n")
    }

    private func styled(_ line: DocumentLine, _ text: String) -> String {
        output.styled(text, line.role, classDigit: line.classDigit)
    }
}
