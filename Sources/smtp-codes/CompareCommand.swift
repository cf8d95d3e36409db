import ArgumentParser

import CatalogDocuments
import CatalogLoading
import CatalogSearch
import ReplyExplainer
import SMTPCatalog
import TerminalScreen

struct CompareCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "compare",
        abstract: "Compare two codes: classes, meanings, key differences, when to use which.",
        discussion: """
            Prints what the explorer's comparison view shows. Side by side on a terminal
            at least 100 columns wide, one code after the other otherwise.

            Examples:
              smtp-codes compare 334 553
              smtp-codes compare 550 5.1.1 --json
            """
    )

    @OptionGroup var options: GlobalOptions
    @Flag(help: "Print JSON: left, right, verdict, differences, when_to_use, references.") var json = false
    @Argument(help: "The first code.") var first: String
    @Argument(help: "The second code.") var second: String

    /// Below this width the two columns would be too narrow to read.
    static let sideBySideWidth = 100

    func run() throws {
        let context = try CommandContext(options)
        let comparison = Comparison(
            left: try context.resolve(first), right: try context.resolve(second),
            catalog: context.catalog, labels: context.labels)
        if json {
            try context.output.json(ComparisonDocument(comparison))
            return
        }
        let printer = ComparisonPrinter(labels: context.labels, output: context.output)
        let sideBySide = context.output.isTerminal && context.output.width >= Self.sideBySideWidth
        try context.output.write(sideBySide ? printer.columns(comparison) : printer.sequential(comparison))
    }
}

/// The JSON shape of `compare --json` (documented in the README).
struct ComparisonDocument: Encodable {
    struct Reference: Encodable {
        let reference: String
        let url: String
    }

    let left: CodeDocument
    let right: CodeDocument
    let verdict: String
    let differences: [String]
    let whenToUse: [String]
    let references: [Reference]

    enum CodingKeys: String, CodingKey {
        case left, right, verdict, differences, whenToUse = "when_to_use", references
    }

    init(_ comparison: Comparison) {
        left = CodeDocument(comparison.left)
        right = CodeDocument(comparison.right)
        verdict = comparison.verdict
        differences = comparison.differences
        whenToUse = comparison.whenToUse
        references = comparison.references.map { Reference(reference: $0.description, url: $0.url) }
    }
}

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
            parts.append([
                formatter.heading(code) + "\n" + formatter.classLine(code),
                formatter.section(labels["section.description"], code.entry.description),
                formatter.section(labels["section.when"], code.entry.when),
                formatter.section(labels["section.fix"], code.entry.fix),
                formatter.section(labels["section.commands"], code.entry.commandList(labels)),
            ].joined(separator: "\n\n"))
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
        let lines = TextWrapper.wrap(SafeText.visible(text), width: formatter.textWidth - 2 - marker.count)
        let indent = String(repeating: " ", count: 2 + marker.count)
        return lines.enumerated().map { ($0.offset == 0 ? "  " + marker : indent) + $0.element }.joined(separator: "\n")
    }

    private func styled(_ line: DocumentLine, _ text: String) -> String {
        switch line.role {
        case .title: output.classColored(output.bold(text), digit: line.classDigit)
        case .classLine: output.classColored(text, digit: line.classDigit)
        case .heading: output.bold(text)
        default: text
        }
    }
}
