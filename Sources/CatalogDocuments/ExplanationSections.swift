import ReplyExplainer
import SMTPCatalog

/// What an explained reply shows, in order: what happened, who answered, whose move
/// it is and what to do; then the server's words and the RFC meaning of its codes.
/// `explain` prints these and the explorer shows the same.
public enum ExplanationSections {
    public struct Field: Sendable, Equatable {
        public let label: String
        /// May hold line breaks (a multi-line reply keeps its lines); no other control characters are meant.
        public let text: String
    }

    public static func fields(of explanation: ReplyExplanation, labels: LabelTable) -> [Field] {
        let reply = explanation.reply
        let classification = explanation.classification
        var fields: [Field] = []
        func add(_ key: String, _ text: String) { fields.append(Field(label: labels[key], text: text)) }
        var reason = classification.reason.title
        if let rule = classification.rule { reason += " — " + rule.title }
        if reply.effectiveClass == 4 || reply.effectiveClass == 5 {
            reason += " (" + labels[explanation.isHard ? "explain.hard" : "explain.soft"] + ")"
        }
        add("explain.reason", reason)
        if let provider = classification.provider {
            add("explain.provider", provider + (classification.providerCode.map { ", " + labels["explain.provider_code"] + " " + $0 } ?? ""))
        }
        if !explanation.happened.isEmpty { add("explain.details", explanation.happened) }
        add("explain.who_acts", explanation.whoActs)
        if !explanation.action.isEmpty { add("explain.action", explanation.action) }
        if let docs = classification.rule?.docs { add("explain.docs", docs) }
        if let command = reply.command { add("explain.command", command) }
        if !reply.text.isEmpty { add("explain.server_said", reply.text) }
        if let basic = explanation.basic {
            add("explain.basic", "\(basic.code) \(basic.entry.title) (\(basic.classLabel) \(basic.className(in: labels))). \(basic.entry.summary)")
        }
        if let enhanced = explanation.enhanced {
            add("explain.enhanced", "\(enhanced.code) \(enhanced.entry.title) (\(enhanced.className(in: labels))). \(enhanced.entry.summary)")
        }
        if let subject = explanation.subject { add("explain.subject", "\(subject.code) \(subject.entry.title)") }
        for note in explanation.notes { add("explain.notes", note) }
        return fields
    }
}
