/// What happened to a message, in the terms a person acts on: one of the ids of
/// `Resources/reasons/reasons.json` (docs/reasons.md), with whose move it is,
/// whether retrying helps, and the closest classes of the peers that classify
/// bounces for machines (Sisimai, AWS SES, KumoMTA).
public struct Reason: Sendable, Hashable {
    public let id: String
    public let title: String
    /// One paragraph: what happened.
    public let meaning: String
    public let whoActs: WhoActs
    public let retry: RetryAdvice
    /// A hard bounce when the reply is permanent (a `4xx` reply is never hard).
    public let hard: Bool
    /// What to do by default, when no rule says more.
    public let action: String
    public let sisimai: String
    public let ses: String
    public let kumomta: String

    public init(
        id: String, title: String, meaning: String, whoActs: WhoActs, retry: RetryAdvice, hard: Bool,
        action: String, sisimai: String, ses: String, kumomta: String
    ) {
        self.id = id
        self.title = title
        self.meaning = meaning
        self.whoActs = whoActs
        self.retry = retry
        self.hard = hard
        self.action = action
        self.sisimai = sisimai
        self.ses = ses
        self.kumomta = kumomta
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
