import SMTPCatalog
import TerminalScreen

/// The detail pane's content for one code, wrapped to a width. Update uses
/// its line count to bound scrolling; the view draws it.
public enum DetailDocument {
    public static func lines(for resolved: ResolvedCode, labels: LabelTable, width: Int, knowledge: [String] = []) -> [DocumentLine] {
        let entry = resolved.entry
        var lines: [DocumentLine] = []
        func paragraph(_ text: String, _ role: DocumentLine.Role = .body) {
            lines += TextWrapper.wrap(SafeText.visible(text, keepingLineBreaks: true), width: width).map { DocumentLine($0, role) }
        }
        func section(_ section: DocumentSection) {
            lines.append(DocumentLine("", .blank))
            lines.append(DocumentLine(section.heading, .heading))
            paragraph(section.text, section.role)
        }
        lines += TextWrapper.wrap("\(resolved.code) \(SafeText.visible(entry.title))", width: width)
            .map { DocumentLine($0, .title, classDigit: resolved.classDigit) }
        let classLine = [resolved.classLabel, resolved.className(in: labels)].filter { !$0.isEmpty }.joined(by: " ")
        // A provider reply or reason has no standing of its own: its class line names its provider.
        let standing = entry.kind.isCode ? " · \(entry.standing.rawValue)" : ""
        lines += TextWrapper.wrap(SafeText.visible(classLine + standing), width: width)
            .map { DocumentLine($0, .classLine, classDigit: resolved.classDigit) }
        for source in EntrySections.sourceLines(of: entry, labels: labels) {
            lines += TextWrapper.wrap(SafeText.visible(source), width: width).map { DocumentLine($0, .source) }
        }
        paragraph(entry.summary)
        // Keywords are there for search; the pane shows what the code means.
        for part in EntrySections.sections(of: entry, labels: labels, knowledge: knowledge) where part.kind != .keywords { section(part) }
        return lines
    }
}
