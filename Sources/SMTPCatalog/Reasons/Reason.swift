/// What happened to a message, in the terms a person acts on: one of the ids of
/// `Resources/reasons/reasons.json` (docs/reasons.md), with whose move it is,
/// whether retrying helps, and the closest classes of the peers that classify
/// bounces for machines (Sisimai, AWS SES, KumoMTA).
public struct Reason: Sendable, Hashable {
    /// The fields, behind one reference: a reason is copied with every classification, and
    /// one reference costs less to copy than ten strings.
    private let fields: SharedValue<Fields>

    private struct Fields: Sendable, Hashable {
        let id: String, title: String, meaning: String
        let whoActs: WhoActs, retry: RetryAdvice, hard: Bool
        let action: String
        /// The closest class of each peer that classifies bounces for machines.
        let sisimai: String, ses: String, kumomta: String
    }

    public var id: String { fields.value.id }
    public var title: String { fields.value.title }
    /// One paragraph: what happened.
    public var meaning: String { fields.value.meaning }
    public var whoActs: WhoActs { fields.value.whoActs }
    public var retry: RetryAdvice { fields.value.retry }
    /// A hard bounce when the reply is permanent (a `4xx` reply is never hard).
    public var hard: Bool { fields.value.hard }
    /// What to do by default, when no rule says more.
    public var action: String { fields.value.action }
    public var sisimai: String { fields.value.sisimai }
    public var ses: String { fields.value.ses }
    public var kumomta: String { fields.value.kumomta }

    public init(
        id: String, title: String, meaning: String, whoActs: WhoActs, retry: RetryAdvice, hard: Bool,
        action: String, sisimai: String, ses: String, kumomta: String
    ) {
        fields = SharedValue(Fields(id: id, title: title, meaning: meaning, whoActs: whoActs, retry: retry, hard: hard,
                                    action: action, sisimai: sisimai, ses: ses, kumomta: kumomta))
    }

    /// The reason every reply falls back to when nothing classifies it.
    public static let unclassifiedID = "unclassified"
}

/// Whose move it is after a reply.
public enum WhoActs: String, Sendable, Hashable, CaseIterable {
    /// The person who wrote the message: fix the address, shrink the message.
    case sender
    /// Whoever runs the sending server or domain: DNS, reputation, authentication, TLS.
    case sendingAdmin = "sending_admin"
    /// The addressee: free space, reactivate the account.
    case recipient
    /// The receiving server's administrator.
    case receivingAdmin = "receiving_admin"
    /// Nobody yet: the sending queue retries by itself, or the mail was delivered.
    case nobody
}

/// Whether sending again helps.
public enum RetryAdvice: String, Sendable, Hashable, CaseIterable {
    /// The sending server retries by itself; nothing to do yet.
    case automatic
    /// Sending again helps only once the cause is fixed.
    case afterFix = "after_fix"
    /// Do not resend as is.
    case no
}
