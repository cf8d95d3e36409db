import ReplyExplainer
import SMTPCatalog

/// What an explained reply shows, in order: each field's label (in the interface
/// language) and text. `explain` prints these; the explorer will show the same.
public enum ExplanationSections {
    public struct Field: Sendable, Equatable {
        public let label: String
        public let text: String
    }

    public static func fields(of explanation: ReplyExplanation, labels: LabelTable) -> [Field] {
        let reply = explanation.reply
        var fields: [Field] = []
        func add(_ key: String, _ text: String) { fields.append(Field(label: labels[key], text: text)) }
        if let basic = explanation.basic {
            add("explain.basic", "\(basic.code) \(basic.entry.title) (\(basic.classLabel) \(basic.className(in: labels))). \(basic.entry.summary)")
        }
        if let enhanced = explanation.enhanced {
            add("explain.enhanced", "\(enhanced.code) \(enhanced.entry.title) (\(enhanced.className(in: labels))). \(enhanced.entry.summary)")
        }
        if let subject = explanation.subject { add("explain.subject", "\(subject.code) \(subject.entry.title)") }
        if let command = reply.command { add("explain.command", command) }
        if !reply.text.isEmpty { add("explain.server_said", reply.text) }
        if let fault = explanation.fault { add("explain.fault", fault) }
        for note in explanation.notes { add("explain.notes", note) }
        return fields
    }

    /// What to do: the fix of the most specific entry the reply names.
    public static func fix(of explanation: ReplyExplanation, labels: LabelTable) -> DocumentSection? {
        (explanation.enhanced ?? explanation.basic).flatMap { EntrySections.section(.fix, of: $0.entry, labels: labels) }
    }
}
