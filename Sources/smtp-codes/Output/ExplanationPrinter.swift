import ArgumentParser
import FoundationEssentials
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

    /// One line (`explain --brief`): the codes, the reason (hard or soft), who answered and
    /// what to do, separated by " · "; the provider is left out when no one is named.
    func brief(_ explanation: ReplyExplanation) -> String {
        let reply = explanation.reply
        let classification = explanation.classification
        let codes = [reply.replyCode.map(String.init), reply.enhancedCode].compactMap { $0 }.joined(separator: " ")
        var reason = classification.reason.title
        if reply.effectiveClass == 4 || reply.effectiveClass == 5 {
            reason += " (" + labels[explanation.isHard ? "explain.hard" : "explain.soft"] + ")"
        }
        var parts = [output.classColored(codes.isEmpty ? labels["triage.none.code"] : codes, digit: reply.effectiveClass), reason]
        if let provider = classification.provider {
            parts.append(provider + (classification.providerCode.map { " " + $0 } ?? ""))
        }
        if !explanation.action.isEmpty { parts.append(explanation.action) }
        // One line whatever the texts hold: line breaks and control characters become visible or spaces.
        return parts.map { SafeText.visible($0.replacing("\n", with: " ")) }.joined(separator: " · ")
    }
}
