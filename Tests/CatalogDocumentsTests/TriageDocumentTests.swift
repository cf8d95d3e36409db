import Foundation
import CatalogDocuments
import ReplyExplainer
import SMTPCatalog
import TerminalScreen
import Testing
import TestSupport

/// The triage report as people read it (`TriageDocument`) and as programs do (`TriageJSON`,
/// `ReplyEventJSON`), on replies classified by the bundled rules.
@Suite struct TriageDocumentTests {
    static let start: Int64 = 1_714_521_600 // 2024-05-01T00:00:00Z

    static func event(_ line: String, to recipient: String? = nil, relay: String? = nil, minutes: Int64? = nil,
                      outcome: Outcome? = nil) -> ReplyEvent {
        let reply = ReplyParser.parse(line)[0]
        return ReplyEvent(reply: reply, recipient: recipient, outcome: outcome ?? Outcome.implied(by: reply), relay: relay,
                          timestamp: minutes.map { start + $0 * 60 }, format: .postfix, line: 7)
    }

    static func sample() -> [ReplyEvent] {
        var events: [ReplyEvent] = []
        for number in 0..<30 {
            events.append(event("550 5.1.1 The email account that you tried to reach does not exist. gsmtp",
                                to: "user\(number)@gmail.com", relay: "gmail-smtp-in.l.google.com", minutes: Int64(number * 7),
                                outcome: .bounced))
        }
        for number in 0..<12 {
            events.append(event("421 4.7.0 [TSS04] Messages from 192.0.2.1 temporarily deferred due to user complaints",
                                to: "p\(number)@yahoo.com", relay: "mta5.am0.yahoodns.net", minutes: Int64(60 + number * 20),
                                outcome: .deferred))
        }
        events.append(event("550-5.7.1 \u{1B}[31mred\u{1B}[0m text\n550 5.7.1 second line", to: "x@evil\u{1B}]0;t\u{07}.example",
                            relay: "mx.\u{9B}2J.example", minutes: 900))
        events.append(event("250 2.0.0 OK", to: "ok@example.com", minutes: 3, outcome: .delivered))
        return events
    }

    static func report(_ grouping: TriageGrouping = .reason) throws -> TriageReport {
        let classifier = try BundledCatalog.sharedClassifier()
        var report = TriageReport(grouping: grouping)
        for event in sample() { report.add(event, classifier.classify(event.reply)) }
        report.addInput(TriageInput(name: "mail.log", format: .postfix, lines: 120, unparsableLines: 3, cutLines: 1, replies: 44,
                                    problem: nil))
        report.addInput(TriageInput(name: "evil\u{1B}]0;x\u{07}" + String(repeating: "/very/long/path", count: 20), format: nil,
                                    lines: 0, unparsableLines: 0, cutLines: 0, replies: 0, problem: "gone \u{1B}[2J"))
        return report
    }

    static func hasControlCharacters(_ text: String) -> Bool {
        text.unicodeScalars.contains { SafeText.isUnsafe($0) }
    }

    @Test(arguments: [50, 80, 120, 200])
    func linesFitTheWidthAndCarryNoControlCharacters(width: Int) throws {
        let lines = TriageDocument.lines(for: try Self.report(), labels: try BundledCatalog.labels(), width: width)
        for line in lines {
            #expect(DisplayWidth.of(line.text) <= max(50, width - 1), "\(line.text)")
            #expect(!Self.hasControlCharacters(line.text), "\(line.text)")
        }
    }

    @Test func theReportReadsFromTotalsToGroupsToTheTimeline() throws {
        let text = TriageDocument.lines(for: try Self.report(), labels: try BundledCatalog.labels(), width: 100).map(\.text)
        let joined = text.joined(separator: "\n")
        #expect(text.first == "mail.log: postfix, 120 lines, 44 replies, 1 cut at 16 KiB, 3 not understood")
        #expect(joined.contains("44 replies: 1 delivered, 12 deferred, 30 bounced, 1 rejected, 0 unknown"))
        #expect(joined.contains("43 not delivered: 30 hard, 13 soft"))
        let unknown = try #require(text.firstIndex { $0.hasPrefix("Recipient unknown") })
        let reputation = try #require(text.firstIndex { $0.hasPrefix("Poor sender reputation") })
        #expect(unknown < reputation)
        #expect(text[unknown].contains(" 30  69.8% "))
        #expect(text[unknown + 1].contains("hard 30 · soft 0 · 2024-05-01 00:00 – 2024-05-01 03:23 UTC"))
        #expect(text[unknown + 2].contains("domains gmail.com 30"))
        #expect(text[unknown + 3].contains("relays gmail-smtp-in.l.google.com 30"))
        #expect(text.contains { $0.hasPrefix("    e.g. 550 5.1.1 The email account that you tried to reach") })
        #expect(text.contains { $0.hasPrefix("    do   ") })
        // The hostile reply: its escapes are shown as pictures, its lines kept.
        #expect(joined.contains("550 5.7.1 ␛[31mred␛[0m text") && joined.contains("second line"))
        #expect(joined.contains("Per hour (UTC), 2024-05-01 00:00 to 2024-05-01 15:00, one column = 1 h"))
    }

    @Test func topLimitsTheGroupsAndSaysWhatIsLeft() throws {
        let text = TriageDocument.lines(for: try Self.report(), labels: try BundledCatalog.labels(), width: 80, top: 1).map(\.text)
        #expect(text.contains("By reason: 1 of 3 groups"))
        #expect(text.contains("… 2 more (13 replies)"))
        #expect(!text.contains { $0.hasPrefix("Poor sender reputation") })
    }

    @Test func barsAndSparklinesUseBlockCharacters() {
        #expect(TriageDocument.bar(share: 0, width: 8) == "")
        #expect(TriageDocument.bar(share: 0.0001, width: 8) == "▏")
        #expect(TriageDocument.bar(share: 0.5, width: 8) == "████")
        #expect(TriageDocument.bar(share: 1, width: 8) == "████████")
        #expect(TriageDocument.bar(share: 3.0 / 64, width: 8) == "▍")
        #expect(TriageDocument.bar(share: 0.3, width: 10) == "███▏" || TriageDocument.bar(share: 0.3, width: 10) == "███")
        #expect(TriageDocument.sparkline([0, 1, 2, 8, 4]) == " ▁▂█▄")
        #expect(TriageDocument.sparkline([0, 0]) == "  ")
        #expect(TriageDocument.sparkline([5]) == "█")
    }

    @Test func theSparklineCountsDeferralsAndBouncesPerHour() throws {
        let lines = TriageDocument.lines(for: try Self.report(), labels: try BundledCatalog.labels(), width: 100)
        let deferred = try #require(lines.first { $0.text.hasPrefix("  deferred") })
        let bounced = try #require(lines.first { $0.text.hasPrefix("  bounced/rejected") })
        let deferredBar = try #require(deferred.segments.first { $0.role == .bar })
        let bouncedBar = try #require(bounced.segments.first { $0.role == .bar })
        #expect(deferredBar.classDigit == 4 && bouncedBar.classDigit == 5)
        // 16 hours, 00:00 to 15:00: bounces in hours 0-3 and 15, deferrals in hours 1-4.
        #expect(deferredBar.text.count == 16 && bouncedBar.text.count == 16)
        #expect(Array(bouncedBar.text).enumerated().filter { $0.element != " " }.map(\.offset) == [0, 1, 2, 3, 15])
        #expect(Array(deferredBar.text).enumerated().filter { $0.element != " " }.map(\.offset) == [1, 2, 3, 4])
        #expect(deferred.text.hasSuffix("max 3") && bounced.text.hasSuffix("max 9"))
    }

    @Test func groupRowsCarryTheirClassForColour() throws {
        let lines = TriageDocument.lines(for: try Self.report(), labels: try BundledCatalog.labels(), width: 100)
        let unknown = try #require(lines.first { $0.text.hasPrefix("Recipient unknown") })
        #expect(unknown.segments.first { $0.role == .bar }?.classDigit == 5)
        let reputation = try #require(lines.first { $0.text.hasPrefix("Poor sender reputation") })
        #expect(reputation.segments.first { $0.role == .bar }?.classDigit == 4)
        #expect(lines.first?.segments.contains { $0.role == .note } == true)
    }

    @Test func noProblemsIsSaid() throws {
        let classifier = try BundledCatalog.sharedClassifier()
        var report = TriageReport()
        let event = Self.event("250 2.0.0 OK", outcome: .delivered)
        report.add(event, classifier.classify(event.reply))
        let text = TriageDocument.lines(for: report, labels: try BundledCatalog.labels(), width: 80).map(\.text)
        #expect(text == ["1 replies: 1 delivered, 0 deferred, 0 bounced, 0 rejected, 0 unknown",
                         "No problems: every reply found was a success."])
    }

    @Test func indonesianLabelsAreUsed() throws {
        let text = TriageDocument.lines(for: try Self.report(), labels: try BundledCatalog.labels(.indonesian), width: 100)
            .map(\.text).joined(separator: "\n")
        #expect(text.contains("Menurut alasan: 3 dari 3 kelompok") && text.contains("ditunda"))
    }

    // MARK: - JSON

    @Test func utcTimesAreRFC3339() {
        #expect(UTCTime.rfc3339(0) == "1970-01-01T00:00:00Z")
        #expect(UTCTime.rfc3339(-1) == "1969-12-31T23:59:59Z")
        #expect(UTCTime.rfc3339(951_782_400) == "2000-02-29T00:00:00Z")
        #expect(UTCTime.rfc3339(1_714_533_129) == "2024-05-01T03:12:09Z")
        #expect(UTCTime.rfc3339(253_402_300_799) == "9999-12-31T23:59:59Z")
        #expect(UTCTime.rfc3339(253_402_300_800) == "10000-01-01T00:00:00Z")
        #expect(UTCTime.rfc3339(-62_135_596_800) == "0001-01-01T00:00:00Z")
        #expect(UTCTime.rfc3339(1_714_533_129) == "2024-05-01T03:12:09Z")
        #expect(UTCTime.minute(1_714_533_129) == "2024-05-01 03:12")
        let formatter = ISO8601DateFormatter()
        formatter.timeZone = TimeZone(identifier: "UTC")
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<2_000 {
            let seconds = Int64.random(in: -5_000_000_000...8_000_000_000, using: &generator)
            #expect(UTCTime.rfc3339(seconds) == formatter.string(from: Date(timeIntervalSince1970: TimeInterval(seconds))))
        }
    }

    @Test func anNDJSONLineIsTheSameObjectAsTheEncodersAndHasExactlyItsKeys() throws {
        let classifier = try BundledCatalog.sharedClassifier()
        var events = Self.sample()
        events.append(Self.event("550 5.1.1 \"quoted\" back\\slash\ttab"))
        for event in events {
            let json = ReplyEventJSON(event, classifier.classify(event.reply), file: "mail \"log\"")
            let line = json.compactLine
            #expect(!line.contains("\n") && !Self.hasControlCharacters(line))
            let byHand = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? NSDictionary)
            let encoded = try #require(try JSONSerialization.jsonObject(with: JSONEncoder().encode(json)) as? NSDictionary)
            #expect(byHand == encoded)
            #expect(Set(byHand.allKeys.compactMap { $0 as? String }) == Set(ReplyEventJSON.keys) && byHand.count == 14)
            #expect(byHand["timestamp"] is NSNull || (byHand["timestamp"] as? String)?.hasSuffix("Z") == true)
        }
        let hostile = ReplyEventJSON(events[42], classifier.classify(events[42].reply), file: nil)
        #expect(hostile.text == "␛[31mred␛[0m text\nsecond line")
        #expect(hostile.recipient == "x@evil␛]0;t␇.example")
        #expect(hostile.line == 7 && hostile.timestamp == "2024-05-01T15:00:00Z" && hostile.outcome == "rejected")
    }

    @Test func theJSONReportHasItsDocumentedShape() throws {
        let json = try JSONSerialization.jsonObject(with: JSONEncoder().encode(TriageJSON(try Self.report(), top: 2))) as? [String: Any]
        let document = try #require(json)
        #expect(Set(document.keys) == ["grouping", "inputs", "totals", "first_seen", "last_seen", "groups", "more_groups",
                                       "more_replies", "timeline", "undated", "beyond_timeline"])
        #expect(document["more_groups"] as? Int == 1 && document["more_replies"] as? Int == 1)
        let groups = try #require(document["groups"] as? [[String: Any]])
        #expect(groups.count == 2)
        #expect(Set(groups[0].keys) == ["level", "key", "title", "other", "count", "share", "hard", "soft", "first_seen",
                                        "last_seen", "domains", "other_domains", "relays", "other_relays", "example", "action",
                                        "groups"])
        #expect(groups[0]["key"] as? String == "recipient_unknown" && groups[0]["share"] as? Double == 0.6977)
        let totals = try #require(document["totals"] as? [String: Int])
        #expect(totals == ["replies": 44, "delivered": 1, "deferred": 12, "bounced": 30, "rejected": 1, "unknown": 0,
                           "problems": 43, "hard": 30, "soft": 13])
        let hours = try #require(document["timeline"] as? [[String: Any]])
        #expect(hours.first?["hour"] as? String == "2024-05-01T00:00:00Z")
    }
}
