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
        var lines = [output.classColored(output.bold(codes), digit: reply.effectiveClass) + "  " + output.bold(explanation.verdict)]
        func field(_ key: String, _ value: String) {
            let label = TextWrapper.pad(labels[key] + ":", width: Self.labelWidth)
            let wrapped = TextWrapper.wrap(SafeText.visible(value), width: max(20, formatter.textWidth - Self.labelWidth))
            lines.append(output.bold(label) + wrapped.joined(separator: "\n" + String(repeating: " ", count: Self.labelWidth)))
        }
        if let basic = explanation.basic {
            field("explain.basic", "\(basic.code) \(basic.entry.title) (\(basic.classLabel) \(basic.className)). \(basic.entry.summary)")
        }
        if let enhanced = explanation.enhanced {
            field("explain.enhanced", "\(enhanced.code) \(enhanced.entry.title) (\(enhanced.className)). \(enhanced.entry.summary)")
        }
        if let subject = explanation.subject {
            field("explain.subject", "\(subject.code) \(subject.entry.title)")
        }
        if let command = reply.command { field("explain.command", command) }
        if !reply.text.isEmpty { field("explain.server_said", reply.text) }
        if let fault = explanation.fault { field("explain.fault", fault) }
        for note in explanation.notes { field("explain.notes", note) }
        if let fix = (explanation.enhanced ?? explanation.basic)?.entry.fix {
            lines.append(formatter.section(labels["section.fix"], fix))
        }
        return lines.joined(separator: "\n")
    }
}
