import ReplyExplainer
import SMTPCatalog

/// A `TriageReport` as one JSON document (`triage --json`, documented in the README). Every
/// key is always written, null included. Texts have been through `SafeText` (line breaks kept).
public struct TriageJSON: Encodable, Sendable {
    public struct Input: Encodable, Sendable {
        let name: String
        let format: String?
        let lines: Int
        let unparsableLines: Int
        let cutLines: Int
        let replies: Int
        let problem: String?

        enum CodingKeys: String, CodingKey {
            case name, format, lines, unparsableLines = "unparsable_lines", cutLines = "cut_lines", replies, problem
        }

        public func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(name, forKey: .name)
            try container.encode(format, forKey: .format)
            try container.encode(lines, forKey: .lines)
            try container.encode(unparsableLines, forKey: .unparsableLines)
            try container.encode(cutLines, forKey: .cutLines)
            try container.encode(replies, forKey: .replies)
            try container.encode(problem, forKey: .problem)
        }
    }

    public struct Totals: Encodable, Sendable {
        let replies, delivered, deferred, bounced, rejected, unknown, problems, hard, soft: Int
    }

    public struct Count: Encodable, Sendable {
        let name: String
        let count: Int
    }

    public struct Example: Encodable, Sendable {
        let codes: String
        let text: String
    }

    public struct Group: Encodable, Sendable {
        let level: String
        let key: String?
        let title: String?
        let other: Bool
        let count: Int
        /// Of all problems, 0…1.
        let share: Double
        let hard, soft: Int
        let firstSeen, lastSeen: String?
        let domains: [Count]
        let otherDomains: Int
        let relays: [Count]
        let otherRelays: Int
        let example: Example?
        let action: String?
        let groups: [Group]

        enum CodingKeys: String, CodingKey {
            case level, key, title, other, count, share, hard, soft, firstSeen = "first_seen", lastSeen = "last_seen"
            case domains, otherDomains = "other_domains", relays, otherRelays = "other_relays", example, action, groups
        }

        init(_ group: TriageGroup, in report: TriageReport) {
            level = group.level.rawValue
            key = group.key.map { SafeText.visible($0) }
            title = group.title.map { SafeText.visible($0) }
            other = group.isOther
            count = group.count
            share = (report.share(group) * 10_000).rounded() / 10_000
            hard = group.hard
            soft = group.soft
            firstSeen = group.firstSeen.map(UTCTime.rfc3339)
            lastSeen = group.lastSeen.map(UTCTime.rfc3339)
            domains = group.domains.map { Count(name: SafeText.visible($0.key), count: $0.count) }
            otherDomains = group.otherDomains
            relays = group.relays.map { Count(name: SafeText.visible($0.key), count: $0.count) }
            otherRelays = group.otherRelays
            example = group.example.map { Example(codes: $0.codes, text: SafeText.visible($0.text, keepingLineBreaks: true)) }
            action = group.action.map { SafeText.visible($0) }
            groups = group.children.map { Group($0, in: report) }
        }

        public func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(level, forKey: .level)
            try container.encode(key, forKey: .key)
            try container.encode(title, forKey: .title)
            try container.encode(other, forKey: .other)
            try container.encode(count, forKey: .count)
            try container.encode(share, forKey: .share)
            try container.encode(hard, forKey: .hard)
            try container.encode(soft, forKey: .soft)
            try container.encode(firstSeen, forKey: .firstSeen)
            try container.encode(lastSeen, forKey: .lastSeen)
            try container.encode(domains, forKey: .domains)
            try container.encode(otherDomains, forKey: .otherDomains)
            try container.encode(relays, forKey: .relays)
            try container.encode(otherRelays, forKey: .otherRelays)
            try container.encode(example, forKey: .example)
            try container.encode(action, forKey: .action)
            try container.encode(groups, forKey: .groups)
        }
    }

    public struct Hour: Encodable, Sendable {
        let hour: String
        let delivered, deferred, bounced, rejected, unknown: Int
    }

    let grouping: String
    let inputs: [Input]
    let totals: Totals
    let firstSeen: String?
    let lastSeen: String?
    let groups: [Group]
    /// Groups left out by `--top`, and their replies.
    let moreGroups: Int
    let moreReplies: Int
    let timeline: [Hour]
    let undated: Int
    let beyondTimeline: Int

    enum CodingKeys: String, CodingKey {
        case grouping, inputs, totals, firstSeen = "first_seen", lastSeen = "last_seen", groups
        case moreGroups = "more_groups", moreReplies = "more_replies", timeline, undated, beyondTimeline = "beyond_timeline"
    }

    /// The report with its `top` largest groups (0: all of them).
    public init(_ report: TriageReport, top: Int = 0) {
        grouping = report.grouping.rawValue
        inputs = report.inputs.map {
            Input(name: SafeText.visible($0.name), format: $0.format?.rawValue, lines: $0.lines, unparsableLines: $0.unparsableLines,
                  cutLines: $0.cutLines, replies: $0.replies, problem: $0.problem.map { SafeText.visible($0) })
        }
        let overall = report.overall
        totals = Totals(replies: report.replies, delivered: report.count(.delivered), deferred: report.count(.deferred),
                        bounced: report.count(.bounced), rejected: report.count(.rejected), unknown: report.count(.unknown),
                        problems: report.problems, hard: overall.hard, soft: overall.soft)
        firstSeen = overall.firstSeen.map(UTCTime.rfc3339)
        lastSeen = overall.lastSeen.map(UTCTime.rfc3339)
        let all = overall.children  // `report.groups` would build the tree again
        let shown = top > 0 ? Array(all.prefix(top)) : all
        groups = shown.map { Group($0, in: report) }
        moreGroups = all.count - shown.count
        moreReplies = all.dropFirst(shown.count).reduce(0) { $0 + $1.count }
        timeline = report.timeline.map {
            Hour(hour: UTCTime.rfc3339($0.start), delivered: $0.delivered, deferred: $0.deferred, bounced: $0.bounced,
                 rejected: $0.rejected, unknown: $0.unknown)
        }
        undated = report.undated
        beyondTimeline = report.beyondTimeline
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(grouping, forKey: .grouping)
        try container.encode(inputs, forKey: .inputs)
        try container.encode(totals, forKey: .totals)
        try container.encode(firstSeen, forKey: .firstSeen)
        try container.encode(lastSeen, forKey: .lastSeen)
        try container.encode(groups, forKey: .groups)
        try container.encode(moreGroups, forKey: .moreGroups)
        try container.encode(moreReplies, forKey: .moreReplies)
        try container.encode(timeline, forKey: .timeline)
        try container.encode(undated, forKey: .undated)
        try container.encode(beyondTimeline, forKey: .beyondTimeline)
    }
}
