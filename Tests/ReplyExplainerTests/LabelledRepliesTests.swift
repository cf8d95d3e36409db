import Foundation
import Testing
import ReplyExplainer
import SMTPCatalog
import TestSupport

/// The labelled set (Fixtures/labelled-replies.md): real replies from public pages with
/// the reason and provider a person would give them. Reports accuracy per reason; the
/// figures are quoted in docs/reasons.md and the README.
@Suite struct LabelledRepliesTests {
    struct Line: Decodable {
        let text: String
        let reason: String
        let provider: String?
        let source: String
    }

    static func lines() throws -> [Line] {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/labelled-replies.jsonl")
        let decoder = JSONDecoder()
        return try String(contentsOf: url, encoding: .utf8).split(separator: "\n").map { try decoder.decode(Line.self, from: Data($0.utf8)) }
    }

    @Test func reasonAccuracyIsAtLeastNinetyPercentAndNoReasonBelowSeventyFive() throws {
        let classifier = try BundledCatalog.sharedClassifier()
        let lines = try Self.lines()
        #expect(lines.count >= 250)
        var total: [String: Int] = [:], right: [String: Int] = [:]
        var providerRight = 0
        var misses: [String] = []
        for line in lines {
            total[line.reason, default: 0] += 1
            guard let reply = ReplyFinder.replies(in: line.text, classifier: classifier).first else {
                misses.append("no reply found: \(line.text.prefix(90))")
                continue
            }
            let result = classifier.classify(reply)
            if result.reason.id == line.reason {
                right[line.reason, default: 0] += 1
            } else {
                misses.append("\(line.reason) ← \(result.reason.id) [\(result.rule?.id ?? result.step.rawValue)]: \(line.text.prefix(110))")
            }
            let provider = result.rule.flatMap { $0.source.kind == .generic ? nil : $0.source.id }
            if provider == line.provider { providerRight += 1 }
        }
        let overall = Double(right.values.reduce(0, +)) / Double(lines.count)
        var report = String(format: "reason accuracy %.1f%% (%d/%d), provider %.1f%%\n", overall * 100,
                            right.values.reduce(0, +), lines.count, Double(providerRight) / Double(lines.count) * 100)
        for reason in total.keys.sorted() {
            let share = Double(right[reason, default: 0]) / Double(total[reason]!)
            report += String(format: "  %-20@ %3d/%3d  %5.1f%%\n", reason as NSString, right[reason, default: 0], total[reason]!, share * 100)
            #expect(share >= 0.75, "\(reason): \(right[reason, default: 0])/\(total[reason]!)")
        }
        print(report + misses.map { "  miss: " + $0 }.joined(separator: "\n"))
        #expect(overall >= 0.90, "\(report)")
    }
}
