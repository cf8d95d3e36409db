import ArgumentParser
import Foundation
import CatalogDocuments
import CatalogLoading
import CatalogSearch
import ReplyExplainer
import SMTPCatalog
import TerminalScreen

/// Plain-text explanation of one reply.
struct ExplanationPrinter {
    /// Wide enough for the longest label in either language, plus a space.
    static let labelWidth = 22
    let labels: LabelTable
    let output: Output

    func render(_ explanation: ReplyExplanation) -> String {
        let formatter = EntryFormatter(labels: labels, output: output)
        let reply = explanation.reply
        let codes = [reply.replyCode.map(String.init), reply.enhancedCode].compactMap { $0 }.joined(separator: " ")
        var lines = [output.styled(codes, .title, classDigit: reply.effectiveClass) + "  " + output.styled(explanation.verdict, .heading)]
        let indent = "\n" + String(repeating: " ", count: Self.labelWidth)
        for field in ExplanationSections.fields(of: explanation, labels: labels) {
            let label = TextWrapper.pad(field.label + ":", width: Self.labelWidth)
            // Addresses and URLs stay whole, so they can be copied or opened from the terminal.
            let wrapped = TextWrapper.wrap(SafeText.visible(field.text, keepingLineBreaks: true),
                                           width: max(20, formatter.textWidth - Self.labelWidth), breakingLongWords: false)
            lines.append(output.styled(label, .heading) + wrapped.joined(separator: indent))
        }
        return lines.joined(separator: "\n")
    }
}
