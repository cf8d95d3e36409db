import SMTPCatalog

/// What a pile of replies comes to, as `smtp-codes triage` shows it: totals by outcome,
/// the problems grouped (by reason → provider → code, or another grouping) with counts,
/// hard and soft, first and last seen, top recipient domains and relays, an example and
/// what to do, and a per-hour timeline.
///
/// Pure and incremental: replies are added one at a time as they are read, and memory is
/// bounded by `TriageLimits` (distinct groups, domains, relays and hours kept), never by
/// the number of replies. What does not fit is counted under "other".
///
/// Delivered replies (and 2xx/3xx replies whose outcome is unknown) count in the totals
/// and the timeline but form no group: the groups are the problems, and a group's share
/// is its part of them.
public struct TriageReport: Sendable {
    public let grouping: TriageGrouping
    public let limits: TriageLimits
    /// Every reply added.
    public private(set) var replies = 0
    /// Replies that went into groups (see above).
    public private(set) var problems = 0
    public private(set) var inputs: [TriageInput] = []
    /// Replies without a time stamp (they are on no timeline).
    public private(set) var undated = 0
    /// Dated replies in hours beyond the timeline's limit.
    public private(set) var beyondTimeline = 0
    /// Per outcome, in `Outcome.allCases` order (an array: every reply counts here).
    private var outcomes = [Int](repeating: 0, count: Outcome.allCases.count)
    private var hours: [Int64: TriageHour] = [:]
    /// The group tree, flat: index 0 is the root (all problems), children point by index.
    private var nodes: [Node]

    public init(grouping: TriageGrouping = .reason, limits: TriageLimits = TriageLimits()) {
        self.grouping = grouping
        self.limits = limits
        nodes = [Node(level: grouping.levels[0], key: nil, title: nil, isOther: false)]
    }

    // MARK: - Adding

    /// Adds one reply with what the classifier decided for it.
    public mutating func add(_ event: ReplyEvent, _ classification: Classification) {
        add(event) { _ in classification }
    }

    /// Adds one reply, asking `classifier` for its reason only if the reply is one of the
    /// problems: the rest count in the totals and the timeline, where no reason is shown.
    public mutating func add(_ event: ReplyEvent, classifiedBy classifier: ReasonClassifier) {
        add(event) { classifier.classify($0.reply) }
    }

    private mutating func add(_ event: ReplyEvent, classification classify: (ReplyEvent) -> Classification) {
        replies += 1
        outcomes[event.outcome.position] += 1
        addToTimeline(event)
        guard Self.isProblem(event) else { return }
        problems += 1
        let classification = classify(event)
        let facts = Facts(event, classification, limits: limits)
        nodes[0].add(facts, event, limits: limits)
        var index = 0
        for (depth, level) in grouping.levels.enumerated() {
            guard let child = child(of: index, facts.key(level), level: level, depth: depth, classification) else { break }
            index = child
            nodes[index].add(facts, event, limits: limits)
        }
    }

    /// The node under `parent` that a reply with `key` at `level` counts in, made if there is
    /// room (else the parent's "other"); nil under an "other" group, which has no children.
    private mutating func child(
        of parent: Int, _ key: ReportKey?, level: TriageLevel, depth: Int, _ classification: Classification
    ) -> Int? {
        // Read through the buffer: reading a field of `nodes[parent]` copied the whole node.
        let (found, isOther, room, other) = nodes.withUnsafeBufferPointer { nodes in
            let node = nodes.baseAddress! + parent
            return (node.pointee.children[key], node.pointee.isOther,
                    node.pointee.children.count < (depth == 0 ? limits.groups : limits.subgroups), node.pointee.otherChild)
        }
        if isOther { return nil }
        if let found { return found }
        if let other, !(room && nodes.count < limits.nodes) { return other }
        let made = nodes.count
        if room, made < limits.nodes {
            let title = level == .reason ? classification.reason.title : key?.text
            nodes.append(Node(level: level, key: key?.text, title: title, isOther: false))
            nodes[parent].children[key] = made
        } else {
            // At most one per group that is not itself "other": bounded by the node limit too.
            nodes.append(Node(level: level, key: nil, title: nil, isOther: true))
            nodes[parent].otherChild = made
        }
        return made
    }

    /// Records what was read from one input.
    public mutating func addInput(_ input: TriageInput) {
        inputs.append(input)
    }

    /// Whether a reply is one of the problems the groups show: not delivered, and not a
    /// 2xx or 3xx reply whose outcome the input does not say.
    public static func isProblem(_ event: ReplyEvent) -> Bool {
        switch event.outcome {
        case .delivered: false
        case .deferred, .bounced, .rejected: true
        case .unknown: event.reply.effectiveClass.map { $0 >= 4 } ?? true
        }
    }

    private mutating func addToTimeline(_ event: ReplyEvent) {
        guard let timestamp = event.timestamp else {
            undated += 1
            return
        }
        // Rounded down, before 1970 too.
        let (quotient, remainder) = timestamp.quotientAndRemainder(dividingBy: 3600)
        let start = (remainder < 0 ? quotient - 1 : quotient) * 3600
        // One lookup for the hour already there, as nearly every reply's is.
        if let index = hours.index(forKey: start) {
            hours.values[index].add(event.outcome)
        } else if hours.count < limits.hours {
            var hour = TriageHour(start: start)
            hour.add(event.outcome)
            hours[start] = hour
        } else {
            beyondTimeline += 1
        }
    }

    // MARK: - Reading out

    /// How many replies ended with `outcome`.
    public func count(_ outcome: Outcome) -> Int { outcomes[outcome.position] }

    /// A group's share of the problems, 0…1.
    public func share(_ group: TriageGroup) -> Double {
        problems > 0 ? Double(group.count) / Double(problems) : 0
    }

    /// The top-level groups, largest first ("other" last), each with its subgroups (the
    /// children of `overall`: each call builds the tree anew, so a reader needing both asks once).
    public var groups: [TriageGroup] { group(at: 0, listing: nil).children }

    /// All problems as one group: overall hard and soft, first and last seen, top domains and relays.
    public var overall: TriageGroup { group(at: 0, listing: nil) }

    /// `overall` with at most `listing` domains and relays named per group, the rest counted
    /// in `otherDomains` and `otherRelays`: for a reader that shows only the first few,
    /// which then need not all be put in order.
    public func overall(listing: Int) -> TriageGroup { group(at: 0, listing: max(0, listing)) }

    /// Every hour that had a dated reply, in order.
    public var timeline: [TriageHour] { hours.values.sorted { $0.start < $1.start } }

    /// Keys held, all told (groups, domains, relays, hours): what the memory bound is about.
    package var storedKeys: Int {
        nodes.reduce(hours.count) { $0 + 1 + $1.domains.keys.count + $1.relays.keys.count }
    }

    private func group(at index: Int, listing: Int?) -> TriageGroup {
        let node = nodes[index]
        var children = node.children.values.map { group(at: $0, listing: listing) }.sorted { left, right in
            left.count != right.count ? left.count > right.count : (left.title ?? "") < (right.title ?? "")
        }
        if let other = node.otherChild { children.append(group(at: other, listing: listing)) }
        let domains = node.domains.top(listing), relays = node.relays.top(listing)
        return TriageGroup(
            level: node.level, key: node.key, title: node.title, isOther: node.isOther, count: node.count,
            hard: node.hard, soft: node.count - node.hard, permanent: node.permanent, transient: node.transient,
            firstSeen: node.firstSeen, lastSeen: node.lastSeen,
            domains: domains.keys, otherDomains: domains.rest, relays: relays.keys, otherRelays: relays.rest,
            example: node.example, action: node.action, children: children)
    }
}

// MARK: - Inside

/// What one reply contributes, worked out once for every level it is counted at.
private struct Facts {
    let reason: ReportKey
    let provider: ReportKey?
    let code: ReportKey?
    let domain: ReportKey?
    let relay: ReportKey?
    let hard: Bool
    let classDigit: Int?
    let timestamp: Int64?
    /// The two texts the action comes from (not the classification: copying it copies a
    /// rule's and a reason's every field).
    let ruleAction: String?
    let reasonAction: String

    init(_ event: ReplyEvent, _ classification: Classification, limits: TriageLimits) {
        let reply = event.reply
        reason = ReportKey(classification.reason.id)
        provider = classification.provider.map { ReportKey(TextCut.prefix($0, bytes: limits.keyBytes)) }
        switch (reply.replyCode, reply.enhancedCode) {
        case (let basic?, let enhanced?): code = ReportKey(String(basic) + " " + enhanced)
        case (let basic?, nil): code = ReportKey(String(basic))
        case (nil, let enhanced?): code = ReportKey(enhanced)
        case (nil, nil): code = nil
        }
        domain = event.recipientDomain.map { ReportKey(TextCut.prefix($0, bytes: limits.keyBytes)) }
        relay = event.relay.map { ReportKey(TextCut.prefix($0, bytes: limits.keyBytes)) }
        hard = reply.isPermanent && classification.reason.hard
        classDigit = reply.effectiveClass
        timestamp = event.timestamp
        ruleAction = classification.rule?.action
        reasonAction = classification.reason.action
    }

    /// What to do: the rule's action, else the reason's (asked once per group, for its example).
    var action: String {
        if let ruleAction, !ruleAction.isEmpty { return ruleAction }
        return reasonAction
    }

    func key(_ level: TriageLevel) -> ReportKey? {
        switch level {
        case .reason: reason
        case .provider: provider
        case .code: code
        case .domain: domain
        }
    }
}

private struct Node: Sendable {
    let level: TriageLevel
    let key: String?
    let title: String?
    let isOther: Bool
    var children: [ReportKey?: Int] = [:]
    var otherChild: Int?
    var count = 0
    var hard = 0
    var permanent = 0
    var transient = 0
    var firstSeen: Int64?
    var lastSeen: Int64?
    var domains = KeyCounter()
    var relays = KeyCounter()
    var example: TriageExample?
    var action: String?

    init(level: TriageLevel, key: String?, title: String?, isOther: Bool) {
        self.level = level
        self.key = key
        self.title = title
        self.isOther = isOther
    }

    mutating func add(_ facts: Facts, _ event: ReplyEvent, limits: TriageLimits) {
        count += 1
        if facts.hard { hard += 1 }
        if facts.classDigit == 5 { permanent += 1 } else if facts.classDigit == 4 { transient += 1 }
        if let time = facts.timestamp {
            firstSeen = min(firstSeen ?? time, time)
            lastSeen = max(lastSeen ?? time, time)
        }
        if let domain = facts.domain { domains.add(domain, limit: limits.keysPerGroup) }
        if let relay = facts.relay { relays.add(relay, limit: limits.keysPerGroup) }
        if example == nil {
            let reply = event.reply
            let text = TextCut.prefix(SafeText.visible(reply.text, keepingLineBreaks: true), bytes: limits.exampleBytes)
            example = TriageExample(codes: facts.code?.text ?? "", text: text, classDigit: facts.classDigit)
            let action = facts.action
            self.action = action.isEmpty ? nil : action
        }
    }
}

extension TriageHour {
    mutating func add(_ outcome: Outcome) {
        switch outcome {
        case .delivered: delivered += 1
        case .deferred: deferred += 1
        case .bounced: bounced += 1
        case .rejected: rejected += 1
        case .unknown: unknown += 1
        }
    }
}

/// Text cut to a number of UTF-8 bytes at a character boundary.
enum TextCut {
    static func prefix(_ text: String, bytes limit: Int) -> String {
        guard text.utf8.count > limit else { return text }
        var kept = String.UnicodeScalarView()
        var used = 0
        for scalar in text.unicodeScalars {
            let size = scalar.utf8.count
            guard used + size <= limit else { break }
            kept.append(scalar)
            used += size
        }
        return String(kept) + "…"
    }
}
