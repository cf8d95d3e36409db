import ReplyExplainer
import SMTPCatalog
import TerminalScreen

/// Explained replies laid out as lines for a pane of a given width: for each reply its
/// codes and verdict, then the fields `explain` prints.
public enum ExplanationDocument {
    public static func lines(for explanations: [ReplyExplanation], labels: LabelTable, width: Int) -> [DocumentLine] {
        var lines: [DocumentLine] = []
        for (number, explanation) in explanations.enumerated() {
            if number > 0 { lines.append(DocumentLine("", .blank)) }
            let reply = explanation.reply
            let codes = [reply.replyCode.map(String.init), reply.enhancedCode].compactMap { $0 }.joined(separator: " ")
            lines += TextWrapper.wrap(SafeText.visible("\(codes)  \(explanation.verdict)"), width: width)
                .map { DocumentLine($0, .title, classDigit: reply.effectiveClass) }
            for field in ExplanationSections.fields(of: explanation, labels: labels) {
                lines.append(DocumentLine(field.label, .heading))
                lines += TextWrapper.wrap(SafeText.visible(field.text, keepingLineBreaks: true), width: width, breakingLongWords: false)
                    .map { DocumentLine($0, .body) }
            }
        }
        return lines
    }
}
