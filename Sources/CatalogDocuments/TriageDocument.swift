import ReplyExplainer
import SMTPCatalog
import TerminalScreen

/// A `TriageReport` laid out as lines for a width, as `smtp-codes triage` prints it: what was
/// read, the totals, the groups (largest first; each with count, share and a bar, hard and soft,
/// first and last seen, top domains and relays, subgroups, an example and what to do), and a
/// sparkline per hour of deferrals and of bounces. Lines are made of segments with roles, so the
/// command line can colour bars and sparklines by class; every text has been through `SafeText`.
public enum TriageDocument {
    public enum Role: Sendable, Equatable {
        /// A section's heading.
        case heading
        /// A group's name on its row.
        case group
        /// Counts, shares, labels and the words of examples and actions.
        case body
        /// Small print: the "e.g." and "do" labels, dates, "… 3 more".
        case label
        /// A bar or sparkline, in the colour of `classDigit` (4 yellow, 5 red).
        case bar
        /// A warning about the input (lines not understood, a damaged file).
        case note
    }

    public struct Segment: Sendable, Equatable {
        public let text: String
        public let role: Role
        public let classDigit: Int?

        public init(_ text: String, _ role: Role, classDigit: Int? = nil) {
            self.text = text
            self.role = role
            self.classDigit = classDigit
        }
    }

    public struct Line: Sendable, Equatable {
        public var segments: [Segment]

        public init(_ segments: [Segment]) { self.segments = segments }

        public var text: String { segments.map(\.text).joined() }
    }

    /// The block characters a bar ends with, by eighths of a cell.
    static let partialBlocks = ["", "▏", "▎", "▍", "▌", "▋", "▊", "▉"]
    /// The sparkline's levels, lowest first.
    static let levels: [Character] = ["▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"]
    /// Subgroups shown under a group, and lines of an example.
    static let subgroupsShown = 3
    static let exampleLines = 6

    /// The report as lines at most `width` columns wide, with the `top` largest groups (0: all).
    public static func lines(for report: TriageReport, labels: LabelTable, width total: Int, top: Int = 10) -> [Line] {
        let width = max(50, total - 1)
        var lines: [Line] = []
        func blank() { lines.append(Line([])) }
        /// `text` wrapped at the width, after `first` (a small label) and indented under it.
        func wrapped(_ text: String, _ role: Role, indent: Int, first: String = "") {
            let firstWidth = DisplayWidth.of(first)
            let rows = TextWrapper.wrap(SafeText.visible(text), width: max(10, width - indent - firstWidth), breakingLongWords: false)
            for (number, row) in rows.enumerated() {
                let lead = number == 0 && !first.isEmpty ? [Segment(first, .label)] : []
                let pad = String(repeating: " ", count: number == 0 ? indent : indent + firstWidth)
                lines.append(Line((pad.isEmpty ? [] : [Segment(pad, .body)]) + lead + [Segment(row, role)]))
            }
        }

        // What was read.
        for input in report.inputs {
            var parts = [labels.format("triage.input.lines", String(input.lines)), labels.format("triage.input.replies", String(input.replies))]
            if let format = input.format { parts.insert(format.rawValue, at: 0) }
            if input.cutLines > 0 { parts.append(labels.format("triage.input.cut", String(input.cutLines))) }
            let unparsable = input.unparsableLines > 0 ? [labels.format("triage.input.unparsable", String(input.unparsableLines))] : []
            let name = input.name == "-" ? labels["triage.stdin"] : input.name
            wrapped((parts + unparsable).joined(separator: ", "), unparsable.isEmpty ? .body : .note, indent: 0,
                    first: TextWrapper.truncate(SafeText.visible(name), width: width / 2) + ": ")
            if let problem = input.problem { wrapped(problem, .note, indent: 2) }
        }
        if !report.inputs.isEmpty { blank() }

        // Totals.
        wrapped(labels.format("triage.totals", String(report.replies), String(report.count(.delivered)),
                              String(report.count(.deferred)), String(report.count(.bounced)),
                              String(report.count(.rejected)), String(report.count(.unknown))), .heading, indent: 0)
        let overall = report.overall(listing: shownKeys)
        guard report.problems > 0 else {
            wrapped(labels[report.replies == 0 ? "explain.none" : "triage.no_problems"], .body, indent: 0)
            return lines
        }
        wrapped(labels.format("triage.problems", String(report.problems), String(overall.hard), String(overall.soft)), .body, indent: 0)
        if let first = overall.firstSeen, let last = overall.lastSeen {
            wrapped(labels.format("triage.seen", UTCTime.minute(first), UTCTime.minute(last)), .label, indent: 0)
        }

        // Groups.
        let groups = overall.children  // `report.groups` would build the tree again
        let shown = top > 0 ? Array(groups.prefix(top)) : groups
        let levels = report.grouping.levels
        blank()
        wrapped(labels.format("triage.groups", labels["triage.level.\(levels[0].rawValue)"], String(shown.count),
                              String(groups.count)), .heading, indent: 0)
        let barWidth = min(24, max(8, width / 6))
        func row(_ group: TriageGroup, depth: Int) {
            let indent = String(repeating: " ", count: depth * 2)
            let count = String(group.count), share = percent(report.share(group))
            let nameWidth = max(10, width - indent.count - 8 - 7 - 2 - barWidth)
            let name = TextWrapper.pad(TextWrapper.truncate(title(of: group, labels), width: nameWidth), width: nameWidth)
            lines.append(Line([
                Segment(indent, .body), Segment(name, depth == 0 ? .group : .body),
                Segment(" " + String(repeating: " ", count: max(0, 7 - count.count)) + count, .body),
                Segment(" " + String(repeating: " ", count: max(0, 6 - share.count)) + share + " ", .label),
                Segment(bar(share: report.share(group), width: barWidth), .bar,
                        classDigit: group.dominantClass),
            ]))
        }
        func details(_ group: TriageGroup, depth: Int) {
            let indent = depth * 2 + 2
            // Hard and soft for a group; a subgroup adds only when it was seen.
            var facts = depth == 0 ? [labels.format("triage.hard_soft", String(group.hard), String(group.soft))] : []
            if let first = group.firstSeen, let last = group.lastSeen {
                facts.append(labels.format("triage.seen", UTCTime.minute(first), UTCTime.minute(last)))
            }
            if !facts.isEmpty { wrapped(facts.joined(separator: " · "), .label, indent: indent) }
            guard depth == 0 else { return }
            if group.level != .domain, !group.domains.isEmpty {
                wrapped(keyList(group.domains, other: group.otherDomains, labels), .body, indent: indent,
                        first: labels["triage.domains"] + " ")
            }
            if !group.relays.isEmpty {
                wrapped(keyList(group.relays, other: group.otherRelays, labels), .body, indent: indent,
                        first: labels["triage.relays"] + " ")
            }
        }
        func more(_ rest: ArraySlice<TriageGroup>, depth: Int) {
            guard !rest.isEmpty else { return }
            let replies = rest.reduce(0) { $0 + $1.count }
            wrapped(labels.format("triage.more", String(rest.count), String(replies)), .label, indent: depth * 2)
        }
        // "e.g." and "do" padded to one width, so the example and the action line up.
        let marks = [labels["triage.example"], labels["triage.action"]]
        let markWidth = marks.map { DisplayWidth.of($0) }.max()! + 1
        func example(_ group: TriageGroup, depth: Int) {
            let indent = depth * 2 + 2
            if let example = group.example {
                let text = example.codes.isEmpty ? example.text : example.codes + " " + example.text
                let label = TextWrapper.pad(marks[0], width: markWidth)
                let hanging = indent + DisplayWidth.of(label)
                // The reply's own lines stay lines; each is wrapped under the first.
                var rows = text.split(separator: "\n").flatMap {
                    TextWrapper.wrap(SafeText.visible(String($0)), width: max(10, width - hanging), breakingLongWords: false)
                }
                if rows.count > exampleLines {
                    rows.removeLast(rows.count - exampleLines)
                    rows[rows.count - 1] += " …"
                }
                for (number, text) in rows.enumerated() {
                    lines.append(Line(number == 0
                        ? [Segment(String(repeating: " ", count: indent), .body), Segment(label, .label), Segment(text, .body)]
                        : [Segment(String(repeating: " ", count: hanging), .body), Segment(text, .body)]))
                }
            }
            if let action = group.action {
                wrapped(action, .body, indent: indent, first: TextWrapper.pad(marks[1], width: markWidth))
            }
        }
        for group in shown {
            blank()
            row(group, depth: 0)
            details(group, depth: 0)
            let children = group.children
            for child in children.prefix(subgroupsShown) {
                row(child, depth: 1)
                details(child, depth: 1)
                if levels.count > 2 {
                    for grandchild in child.children.prefix(subgroupsShown) { row(grandchild, depth: 2) }
                    more(child.children.dropFirst(subgroupsShown), depth: 2)
                }
                example(child, depth: 1)
            }
            more(children.dropFirst(subgroupsShown), depth: 1)
            if children.isEmpty { example(group, depth: 0) }
        }
        if groups.count > shown.count {
            blank()
            more(groups.dropFirst(shown.count), depth: 0)
        }

        // The timeline.
        let timeline = timelineLines(report, labels: labels, width: width)
        if !timeline.isEmpty {
            blank()
            lines += timeline
        }
        return lines
    }

    // MARK: - Parts

    static func title(of group: TriageGroup, _ labels: LabelTable) -> String {
        if group.isOther { return labels["triage.other"] }
        guard let title = group.title ?? group.key else { return labels["triage.none.\(group.level.rawValue)"] }
        return SafeText.visible(title)
    }

    /// `gmail.com 80, outlook.com 40, other 10`: the first five.
    /// Domains and relays named per group; the rest are counted together.
    static let shownKeys = 5

    static func keyList(_ keys: [KeyCount], other: Int, _ labels: LabelTable) -> String {
        let shown = keys.prefix(shownKeys)
        let rest = other + keys.dropFirst(shownKeys).reduce(0) { $0 + $1.count }
        var parts = shown.map { "\(SafeText.visible($0.key)) \($0.count)" }
        if rest > 0 { parts.append("\(labels["triage.other_keys"]) \(rest)") }
        return parts.joined(separator: ", ")
    }

    /// `34.6%` for 0.346.
    static func percent(_ share: Double) -> String {
        let tenths = Int((share * 1000).rounded())
        return "\(tenths / 10).\(tenths % 10)%"
    }

    /// A bar `share` (0…1) of `width` cells long, in eighths of a cell; never empty for a share above 0.
    public static func bar(share: Double, width: Int) -> String {
        let eighths = max(share > 0 ? 1 : 0, Int((min(1, max(0, share)) * Double(width * 8)).rounded()))
        return String(repeating: "█", count: eighths / 8) + partialBlocks[eighths % 8]
    }

    /// One character per value, scaled to the largest: a space for 0, ▁ to █ otherwise.
    public static func sparkline(_ values: [Int]) -> String {
        let top = values.max() ?? 0
        guard top > 0 else { return String(repeating: " ", count: values.count) }
        return String(values.map { value -> Character in
            guard value > 0 else { return " " }
            let level = (value * levels.count + top - 1) / top
            return levels[min(levels.count, max(1, level)) - 1]
        })
    }

    /// Hours per column: the smallest of these that fits the width, else whole days.
    static let steps: [Int64] = [1, 2, 3, 4, 6, 8, 12, 24]

    static func timelineLines(_ report: TriageReport, labels: LabelTable, width: Int) -> [Line] {
        let hours = report.timeline
        guard let first = hours.first?.start, let last = hours.last?.start else { return [] }
        let names = [labels["triage.deferred"], labels["triage.bounced"]]
        let nameWidth = names.map { DisplayWidth.of($0) }.max()! + 2
        let deferredTotal = hours.reduce(0) { $0 + $1.deferred }, failedTotal = hours.reduce(0) { $0 + $1.failed }
        let suffixWidth = DisplayWidth.of(labels.format("triage.max", String(max(deferredTotal, failedTotal)))) + 2
        let columns = Int64(max(10, width - 2 - nameWidth - suffixWidth))
        let span = (last - first) / 3_600 + 1
        var step = steps.first { (span + $0 - 1) / $0 <= columns } ?? 0
        if step == 0 { step = ((span + columns - 1) / columns + 23) / 24 * 24 }
        let buckets = Int((span + step - 1) / step)
        var deferred = [Int](repeating: 0, count: buckets), failed = [Int](repeating: 0, count: buckets)
        for hour in hours {
            let bucket = Int((hour.start - first) / 3_600 / step)
            deferred[bucket] += hour.deferred
            failed[bucket] += hour.failed
        }
        let heading = labels.format("triage.timeline", UTCTime.minute(first), UTCTime.minute(last + 3_600 * step - 3_600), String(step))
        var lines = TextWrapper.wrap(heading, width: width).map { Line([Segment($0, .heading)]) }
        for (name, values, digit) in [(names[0], deferred, 4), (names[1], failed, 5)] {
            lines.append(Line([
                Segment("  " + TextWrapper.pad(name, width: nameWidth), .body),
                Segment(sparkline(values), .bar, classDigit: digit),
                Segment("  " + labels.format("triage.max", String(values.max() ?? 0)), .label),
            ]))
        }
        for (key, count) in [("triage.undated", report.undated), ("triage.beyond", report.beyondTimeline)] where count > 0 {
            lines += TextWrapper.wrap(labels.format(key, String(count)), width: width - 2).map { Line([Segment("  " + $0, .label)]) }
        }
        return lines
    }
}
