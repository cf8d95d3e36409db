import Testing
@testable import ReplyExplainer
import SMTPCatalog

/// `TriageReport` on synthetic replies, classified by a small hand-made book.
@Suite struct TriageReportTests {
    static func reason(_ id: String, hard: Bool = false) -> Reason {
        Reason(id: id, title: "Title of \(id)", meaning: "m", whoActs: .sender, retry: .afterFix, hard: hard,
               action: "reason action for \(id)", sisimai: "s", ses: "e", kumomta: "k")
    }

    static let classifier = ReasonClassifier(book: ReasonBook(
        reasons: [reason("recipient_unknown", hard: true), reason("greylisted"), reason("policy_rejected"), reason("accepted"),
                  reason("unclassified")],
        rules: [
            FingerprintRule(id: "gmail.unknown", source: RuleSource(id: "gmail", name: "Gmail", kind: .provider), providerCode: nil,
                            title: "t", any: ["does not exist"], all: [], codes: [], reason: "recipient_unknown",
                            explanation: "x", action: "Gmail's action", docs: nil, example: "e"),
            FingerprintRule(id: "generic.unknown", source: RuleSource(id: "generic", name: "Generic", kind: .generic), providerCode: nil,
                            title: "t", any: ["user unknown"], all: [], codes: [], reason: "recipient_unknown",
                            explanation: "x", action: "", docs: nil, example: "e"),
            FingerprintRule(id: "grey.any", source: RuleSource(id: "grey", name: "Greylisting", kind: .filter), providerCode: nil,
                            title: "t", any: ["greylisted"], all: [], codes: [], reason: "greylisted",
                            explanation: "x", action: "Wait.", docs: nil, example: "e"),
        ],
        byCode: [
            CodeReason(code: ReplyCodePattern(parsing: "2xx")!, command: nil, reason: "accepted"),
            CodeReason(code: ReplyCodePattern(parsing: "5xx")!, command: nil, reason: "policy_rejected"),
        ]))

    static func event(
        _ line: String, to recipient: String? = nil, relay: String? = nil, at time: Int64? = nil, outcome: Outcome? = nil
    ) -> ReplyEvent {
        let reply = ReplyParser.parse(line)[0]
        return ReplyEvent(reply: reply, recipient: recipient, outcome: outcome ?? Outcome.implied(by: reply), relay: relay,
                          timestamp: time, format: .reply, line: 1)
    }

    static func report(_ events: [ReplyEvent], by grouping: TriageGrouping = .reason, limits: TriageLimits = TriageLimits()) -> TriageReport {
        var report = TriageReport(grouping: grouping, limits: limits)
        for event in events { report.add(event, classifier.classify(event.reply)) }
        return report
    }

    static let sample: [ReplyEvent] = [
        event("550 5.1.1 The email account that you tried to reach does not exist. gsmtp", to: "a@gmail.com", relay: "mx1.google.com", at: 7_200),
        event("550 5.1.1 The email account that you tried to reach does not exist. gsmtp", to: "b@Gmail.com", relay: "mx2.google.com", at: 3_600),
        event("550 5.1.1 <c@gmail.com> does not exist", to: "c@gmail.com", relay: "mx1.google.com", at: 10_800, outcome: .bounced),
        event("550 user unknown", to: "d@example.org", at: 3_700),
        event("451 4.7.1 Greylisted, try again", to: "e@example.org", at: 3_650),
        event("451 4.7.1 Greylisted, try again", to: "f@example.net", at: 3_660),
        event("250 2.0.0 OK queued", to: "g@example.org", at: 3_600),
    ]

    @Test func outcomesAreCountedInTheirOwnPlaces() {
        #expect(Outcome.allCases.map(\.position) == Array(Outcome.allCases.indices))
    }

    @Test func recipientDomainsAreGroupedInLowerCase() {
        func domain(_ recipient: String?) -> String? {
            ReplyEvent(reply: ParsedReply(replyCode: 550, enhancedCode: nil, command: nil, text: ""), recipient: recipient, format: .postfix)
                .recipientDomain
        }
        #expect(domain("bob@example.com") == "example.com")
        #expect(domain("Bob@Example.COM") == "example.com")
        #expect(domain("x@ÉCOLE.fr") == "école.fr")
        #expect(domain("\"a@b\"@c.org") == "c.org")
        #expect(domain("nobody") == nil)
        #expect(domain("trailing@") == nil)
        #expect(domain(nil) == nil)
    }

    @Test func totalsCountEveryOutcomeAndGroupsOnlyTheProblems() {
        let report = Self.report(Self.sample)
        #expect(report.replies == 7 && report.problems == 6)
        #expect(report.count(.delivered) == 1 && report.count(.deferred) == 2 && report.count(.rejected) == 3)
        #expect(report.count(.bounced) == 1 && report.count(.unknown) == 0)
        #expect(report.groups.map(\.key) == ["recipient_unknown", "greylisted"])
        #expect(report.groups.map(\.count) == [4, 2])
        #expect(report.groups.reduce(0) { $0 + $1.count } == report.problems)
        #expect(report.groups.map(report.share) == [4.0 / 6, 2.0 / 6])
        #expect(report.share(report.groups[0].children[0]) == 3.0 / 6)
    }

    @Test func groupsGoFromReasonToProviderToCode() throws {
        let unknown = try #require(Self.report(Self.sample).groups.first)
        #expect(unknown.title == "Title of recipient_unknown" && unknown.level == .reason)
        #expect(unknown.hard == 4 && unknown.soft == 0 && unknown.permanent == 4 && unknown.dominantClass == 5)
        #expect(unknown.children.map(\.key) == ["Gmail", nil])
        #expect(unknown.children.map(\.level) == [.provider, .provider])
        let gmail = unknown.children[0]
        #expect(gmail.count == 3 && gmail.children.map(\.key) == ["550 5.1.1"] && gmail.children[0].level == .code)
        // The generic rule names no provider: its group has none, and its rule has no action, so the reason's is used.
        #expect(unknown.children[1].action == "reason action for recipient_unknown")
        #expect(gmail.action == "Gmail's action")
    }

    @Test func aGroupKnowsWhenItsRepliesCameWhereTheyWentAndAnExample() throws {
        let report = Self.report(Self.sample)
        let unknown = try #require(report.groups.first)
        #expect(unknown.firstSeen == 3_600 && unknown.lastSeen == 10_800)
        #expect(unknown.domains == [KeyCount(key: "gmail.com", count: 3), KeyCount(key: "example.org", count: 1)])
        #expect(unknown.relays == [KeyCount(key: "mx1.google.com", count: 2), KeyCount(key: "mx2.google.com", count: 1)])
        #expect(unknown.example == TriageExample(codes: "550 5.1.1", text: "The email account that you tried to reach does not exist. gsmtp", classDigit: 5))
        let greylisted = report.groups[1]
        #expect(greylisted.hard == 0 && greylisted.soft == 2 && greylisted.dominantClass == 4 && greylisted.action == "Wait.")
        #expect(report.overall.count == 6 && report.overall.domains.first == KeyCount(key: "gmail.com", count: 3))
    }

    @Test(arguments: [
        (TriageGrouping.code, [TriageLevel.code, .reason, .provider], ["550 5.1.1", "451 4.7.1", "550"]),
        (.provider, [.provider, .reason, .code], ["Gmail", "Greylisting", nil]),
        (.domain, [.domain, .reason, .code], ["gmail.com", "example.org", "example.net"]),
    ])
    func otherGroupingsNestOtherLevels(grouping: TriageGrouping, levels: [TriageLevel], keys: [String?]) throws {
        let report = Self.report(Self.sample, by: grouping)
        #expect(grouping.levels == levels)
        #expect(report.groups.map(\.key) == keys)
        let first = try #require(report.groups.first)
        #expect(first.level == levels[0] && first.children.first?.level == levels[1])
        #expect(first.children.first?.children.first?.level == levels[2])
    }

    /// 100,000 distinct domains: the groups, domains and hours kept stay within the limits,
    /// and every reply is still counted.
    @Test func memoryStaysBoundedWithAHundredThousandDomains() {
        let limits = TriageLimits()
        let reply = ReplyParser.parse("550 5.1.1 user unknown")[0]
        let classification = Self.classifier.classify(reply)
        for grouping in [TriageGrouping.domain, .reason] {
            var report = TriageReport(grouping: grouping, limits: limits)
            for number in 0..<100_000 {
                report.add(ReplyEvent(reply: reply, recipient: "u@d\(number).example", outcome: .bounced, relay: "mx\(number).example",
                                      timestamp: Int64(number) * 60, format: .reply), classification)
            }
            #expect(report.problems == 100_000)
            #expect(report.groups.reduce(0) { $0 + $1.count } == 100_000)
            // Groups, the root, the "other" groups; domains and relays per group; hours.
            let bound = limits.nodes * 2 * (1 + 2 * limits.keysPerGroup) + limits.hours
            #expect(report.storedKeys < bound)
            #expect(report.storedKeys < 200_000)
            let top = report.groups
            if grouping == .domain {
                #expect(top.count == limits.groups + 1)
                #expect(top.last?.isOther == true && top.last?.count == 100_000 - limits.groups)
            } else {
                let only = top[0]
                #expect(only.domains.count == limits.keysPerGroup && only.otherDomains == 100_000 - limits.keysPerGroup)
                #expect(only.otherRelays == 100_000 - limits.keysPerGroup)
            }
        }
    }

    /// `overall(listing:)` names the first few keys of the full, sorted list, and counts the
    /// rest as other, in every group; ties in count go by key.
    @Test func aShortListingIsTheFullOneCut() {
        let reply = ReplyParser.parse("550 5.1.1 user unknown")[0]
        let classification = Self.classifier.classify(reply)
        var report = TriageReport(limits: TriageLimits(keysPerGroup: 6))
        // Uneven counts, some of them tied.
        for number in 0..<400 {
            let domain = "d\((number * number + number / 7) % 10).example", relay = "mx\(number * 5 / 3 % 4).example"
            report.add(ReplyEvent(reply: reply, recipient: "u@" + domain, outcome: .bounced, relay: relay, format: .reply),
                       classification)
        }
        func check(_ short: TriageGroup, _ full: TriageGroup, listing: Int) {
            for (cut, whole, cutOther, wholeOther) in [(short.domains, full.domains, short.otherDomains, full.otherDomains),
                                                       (short.relays, full.relays, short.otherRelays, full.otherRelays)] {
                #expect(cut == Array(whole.prefix(listing)))
                #expect(cutOther == wholeOther + whole.dropFirst(listing).reduce(0) { $0 + $1.count })
            }
            #expect(short.children.count == full.children.count)
            for (left, right) in zip(short.children, full.children) { check(left, right, listing: listing) }
        }
        let full = report.overall
        #expect(full.domains.count == 6 && full.otherDomains > 0 && full.relays.count == 4)
        #expect(zip(full.domains, full.domains.dropFirst()).allSatisfy { $0.count > $1.count || $0.count == $1.count && $0.key < $1.key })
        for listing in 0...7 { check(report.overall(listing: listing), full, listing: listing) }
    }

    @Test func subgroupsBeyondTheLimitGoToOther() {
        let limits = TriageLimits(groups: 2, subgroups: 1, nodes: 100, keysPerGroup: 1)
        let report = Self.report(Self.sample, by: .domain, limits: limits)
        #expect(report.groups.map(\.key) == ["gmail.com", "example.org", nil])
        #expect(report.groups.map(\.isOther) == [false, false, true])
        #expect(report.groups.map(\.count) == [3, 2, 1])
        // example.org holds two reasons; the second goes to its "other" subgroup.
        #expect(report.groups[1].children.map(\.isOther) == [false, true])
        #expect(report.groups[0].relays.count == 1 && report.groups[0].otherRelays == 1)
    }

    @Test func theTimelineCountsEachHourByOutcome() {
        let report = Self.report(Self.sample + [Self.event("421 4.4.2 timeout", at: -1)])
        let hours = report.timeline
        #expect(hours.map(\.start) == [-3_600, 3_600, 7_200, 10_800])
        #expect(hours[1].deferred == 2 && hours[1].rejected == 2 && hours[1].delivered == 1 && hours[1].failed == 2)
        #expect(hours[3].bounced == 1 && hours[0].deferred == 1)
        #expect(report.undated == 0)
        let bounded = Self.report(Self.sample, limits: TriageLimits(hours: 2))
        #expect(bounded.timeline.count == 2 && bounded.beyondTimeline == 1)
        #expect(Self.report([Self.event("550 user unknown")]).undated == 1)
    }

    @Test func examplesAndKeysCarryNoControlCharactersAndAreCut() throws {
        let hostile = Self.event("550 user unknown \u{1B}]0;owned\u{07} here", to: "x@" + String(repeating: "d", count: 1_000))
        let report = Self.report([hostile], by: .domain)
        let group = try #require(report.groups.first)
        #expect(group.example?.text == "user unknown ␛]0;owned␇ here")
        #expect((group.key?.utf8.count ?? 0) <= 255 + 3 && group.key?.hasSuffix("…") == true)
    }

    @Test func inputsAreKeptInOrder() {
        var report = TriageReport()
        report.addInput(TriageInput(name: "a.log", format: .postfix, lines: 10, unparsableLines: 2, cutLines: 0, replies: 3, problem: nil))
        report.addInput(TriageInput(name: "-", format: nil, lines: 0, unparsableLines: 0, cutLines: 0, replies: 0, problem: "gone"))
        #expect(report.inputs.map(\.name) == ["a.log", "-"])
    }
}
