import SMTPCatalog
import TerminalScreen

/// The detail pane's content for one code, wrapped to a width. Update uses
/// its line count to bound scrolling; the view draws it.
public enum DetailDocument {
    public static func lines(for resolved: ResolvedCode, labels: LabelTable, width: Int) -> [DocumentLine] {
        let entry = resolved.entry
        var lines: [DocumentLine] = []
        func paragraph(_ text: String, _ role: DocumentLine.Role = .body) {
            lines += TextWrapper.wrap(SafeText.visible(text), width: width).map { DocumentLine($0, role) }
        }
        func section(_ key: String, _ text: String, _ role: DocumentLine.Role = .body) {
            lines.append(DocumentLine("", .blank))
            lines.append(DocumentLine(labels[key], .heading))
            paragraph(text, role)
        }
        lines += TextWrapper.wrap("\(resolved.code) \(SafeText.visible(entry.title))", width: width)
            .map { DocumentLine($0, .title, classDigit: resolved.classDigit) }
        lines += TextWrapper.wrap("\(resolved.classLabel) \(resolved.className) · \(entry.standing.rawValue)", width: width)
            .map { DocumentLine($0, .classLine, classDigit: resolved.classDigit) }
        paragraph(entry.summary)
        section("section.description", entry.description)
        section("section.when", entry.when)
        section("section.fix", entry.fix)
        if let caveat = entry.caveat { section("section.caveat", caveat, .caveat) }
        section("section.commands", entry.commandList(labels))
        section("section.references", entry.rfcs.map(\.description).joined(separator: ", "))
        if !entry.related.isEmpty { section("section.related", entry.related.joined(separator: ", ")) }
        return lines
    }
}
