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
        let code = output.classColored(output.bold(resolved.code), digit: resolved.classDigit)
        return "\(code)  \(output.bold(SafeText.visible(entry.title)))"
    }

    func classLine(_ resolved: ResolvedCode) -> String {
        let badge = output.classColored(resolved.classLabel, digit: resolved.classDigit)
        return "\(badge) \(resolved.className) · \(resolved.entry.standing.rawValue)"
    }

    /// A labelled, wrapped paragraph indented by two spaces.
    func section(_ label: String, _ text: String, width: Int? = nil) -> String {
        let body = TextWrapper.wrap(SafeText.visible(text), width: (width ?? textWidth) - 2)
            .map { "  " + $0 }.joined(separator: "\n")
        return output.bold(label) + "\n" + body
    }

    func referencesText(_ entry: CatalogEntry) -> String {
        entry.rfcs.map { "\($0)  \($0.url)" }.joined(separator: "\n")
    }

    func render(_ resolved: ResolvedCode) -> String {
        let entry = resolved.entry
        var parts = [
            heading(resolved) + "\n" + classLine(resolved) + "\n" + SafeText.visible(entry.summary),
            section(labels["section.description"], entry.description),
            section(labels["section.when"], entry.when),
            section(labels["section.fix"], entry.fix),
        ]
        if let caveat = entry.caveat { parts.append(section(labels["section.caveat"], caveat)) }
        parts.append(section(labels["section.commands"], entry.commandList(labels)))
        parts.append(output.bold(labels["section.references"]) + "\n"
            + referencesText(entry).split(separator: "\n").map { "  " + $0 }.joined(separator: "\n"))
        if !entry.related.isEmpty { parts.append(section(labels["section.related"], entry.related.joined(separator: ", "))) }
        parts.append(section(labels["section.keywords"], entry.keywords.joined(separator: ", ")))
        return parts.joined(separator: "\n\n")
    }

    /// One aligned line per code, for `list` and non-interactive runs.
    func listLine(_ resolved: ResolvedCode) -> String {
        let code = TextWrapper.pad(resolved.code, width: 8)
        let badge = TextWrapper.pad(resolved.classLabel, width: 6)
        return output.classColored(code, digit: resolved.classDigit) + badge + SafeText.visible(resolved.entry.title)
    }
}
