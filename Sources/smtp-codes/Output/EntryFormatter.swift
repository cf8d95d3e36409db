import CatalogDocuments
import CatalogLoading
import CatalogSearch
import ReplyExplainer
import SMTPCatalog
import TerminalScreen

/// Plain-text rendering of one code for `show` (and the pieces `compare` reuses).
struct EntryFormatter {
    let labels: LabelTable
    let output: Output

    /// Text width for wrapped paragraphs: the terminal, capped for readability.
    var textWidth: Int { max(30, min(output.width, 100) - 2) }

    func heading(_ resolved: ResolvedCode) -> String {
        let entry = resolved.entry
        let code = output.styled(resolved.code, .title, classDigit: resolved.classDigit)
        return "\(code)  \(output.styled(SafeText.visible(entry.title), .heading))"
    }

    func classLine(_ resolved: ResolvedCode) -> String {
        let badge = output.styled(resolved.classLabel, .classLine, classDigit: resolved.classDigit)
        let name = SafeText.visible(resolved.className(in: labels))
        let standing = resolved.entry.kind.isCode ? " · \(resolved.entry.standing.rawValue)" : ""
        return (resolved.classLabel.isEmpty ? "" : badge + " ") + name + standing
    }

    /// A labelled, wrapped paragraph indented by two spaces.
    func section(_ label: String, _ text: String, width: Int? = nil) -> String {
        let body = TextWrapper.wrap(SafeText.visible(text, keepingLineBreaks: true), width: (width ?? textWidth) - 2)
            .map { "  " + $0 }.joined(separator: "\n")
        return output.styled(label, .heading) + "\n" + body
    }

    /// A section as printed: its links, one per line, where it has them (a terminal
    /// can open them); otherwise its wrapped text.
    func section(_ part: DocumentSection) -> String {
        guard !part.links.isEmpty else { return section(part.heading, part.text) }
        return output.styled(part.heading, .heading) + "\n" + part.links.map { "  " + SafeText.visible($0) }.joined(separator: "\n")
    }

    func render(_ resolved: ResolvedCode, knowledge: [String] = []) -> String {
        let entry = resolved.entry
        let sources = EntrySections.sourceLines(of: entry, labels: labels).map { output.styled(SafeText.visible($0), .source) + "\n" }
        let header = heading(resolved) + "\n" + classLine(resolved) + "\n" + sources.joined() + SafeText.visible(entry.summary)
        let sections = EntrySections.sections(of: entry, labels: labels, knowledge: knowledge)
        return ([header] + sections.map(section)).joined(separator: "\n\n")
    }

    /// One aligned line per code, for `list` and non-interactive runs.
    func listLine(_ resolved: ResolvedCode) -> String {
        // Provider reply ids are longer than codes; they get the width they need.
        let code = TextWrapper.pad(resolved.code, width: max(8, resolved.code.count + 2))
        let badge = TextWrapper.pad(resolved.classLabel, width: 6)
        return output.classColored(code, digit: resolved.classDigit) + badge + SafeText.visible(resolved.entry.title)
    }
}
