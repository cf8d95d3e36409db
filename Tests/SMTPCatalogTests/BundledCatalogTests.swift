import Foundation
import SMTPCatalog
import Testing
import TestSupport

/// The shipped catalog, checked as a whole: it must load, cover the registry,
/// and say something specific about every code.
@Suite struct BundledCatalogTests {
    let catalog: Catalog

    init() throws {
        catalog = try BundledCatalog.load()
    }

    @Test func coversEveryRegistryCodeClassAndSubject() {
        var expected = ["2.X.X", "4.X.X", "5.X.X"] + (0...7).map { "X.\($0).X" }
        for (subject, last) in [0: 0, 1: 10, 2: 4, 3: 6, 4: 7, 5: 6, 6: 10, 7: 30] {
            expected += (0...last).map { "X.\(subject).\($0)" }
        }
        for code in expected { #expect(catalog.entry(forKey: code) != nil, "missing \(code)") }
    }

    @Test func coversTheBasicCodesOfRFC5321AndItsExtensions() {
        let required = [211, 214, 220, 221, 235, 250, 251, 252, 253, 334, 354, 355, 421, 432, 450, 451, 452, 453, 454,
                        455, 458, 459, 500, 501, 502, 503, 504, 521, 530, 534, 535, 538, 550, 551, 552, 553, 554, 555, 556]
        for code in required { #expect(catalog.entry(forKey: String(code)) != nil, "missing \(code)") }
        #expect(catalog.basicEntries.count >= 45)
    }

    @Test func nonStandardAndDeprecatedEntriesExplainThemselves() {
        for entry in catalog.entries where entry.standing == .nonStandard || entry.standing == .deprecated {
            #expect(entry.caveat?.isEmpty == false, "\(entry.code) needs a caveat")
        }
        #expect(catalog.entry(forKey: "X.6.10")?.standing == .deprecated)
        for code in ["426", "457", "522", "541", "542"] {
            #expect(catalog.entry(forKey: code)?.standing == .nonStandard, "\(code) should be non-standard")
        }
    }

    @Test func practiceThatDiffersFromTheRegistryIsNoted() throws {
        let nullMX = try #require(catalog.entry(forKey: "X.1.10"))
        #expect((nullMX.caveat ?? "").localizedCaseInsensitiveContains("Microsoft"))
        let full = try #require(catalog.entry(forKey: "X.2.2"))
        #expect(((full.caveat ?? "") + full.description).contains("4.2.2"))
    }

    /// `commands` holds what the RFCs list, `seen_after` what servers do besides
    /// (docs/decisions.md). RFC 5321 §4.3.2 gives 554 for the greeting and DATA only;
    /// Postfix's 554 after RCPT (and others' after MAIL or BDAT) is practice.
    @Test func commandsHoldTheRFCsAndSeenAfterThePractice() throws {
        let transactionFailed = try #require(catalog.entry(forKey: "554"))
        #expect(Set(transactionFailed.commands) == ["CONNECT", "DATA"])
        #expect(Set(transactionFailed.seenAfter).isSuperset(of: ["MAIL", "RCPT"]))
        #expect(Set(transactionFailed.commands).isDisjoint(with: transactionFailed.seenAfter))
        // 421, 500 and 501 are the replies RFC 5321 §4.3.2 lets any command get.
        for code in ["421", "500", "501"] {
            #expect(catalog.entry(forKey: code)?.commands.contains("ANY") == true, "\(code)")
        }
        // §4.3.2 lists 550 for a refused EHLO or HELO; the greeting 421 is practice.
        #expect(catalog.entry(forKey: "550").map { Set($0.commands).isSuperset(of: ["EHLO", "HELO"]) } == true)
        #expect(catalog.entry(forKey: "421")?.seenAfter == ["CONNECT"])
        // No RFC ties a code it does not define to a command.
        for entry in catalog.basicEntries where entry.standing == .nonStandard {
            #expect(entry.commands.isEmpty && !entry.seenAfter.isEmpty, "\(entry.code)")
        }
        #expect(catalog.entries.contains { !$0.seenAfter.isEmpty })
    }

    /// X.7.28's registry entry rests on an Internet-Draft, cited by its name.
    @Test func aRegistryEntryFromADraftCitesTheDraft() throws {
        let flood = try #require(catalog.entry(forKey: "X.7.28"))
        #expect(flood.rfcs.contains(RFCReference(draft: "draft-levine-mailbomb-header")))
        #expect(flood.description.contains("draft-levine-mailbomb-header"))
    }

    @Test func textsAreSpecificToTheirCode() {
        var seen: [String: String] = [:]
        for entry in catalog.entries {
            for text in [entry.summary, entry.description, entry.when, entry.fix] {
                #expect(text.count >= 20, "\(entry.code) has a thin text: \(text)")
                if let other = seen[text] { Issue.record("\(entry.code) repeats a text of \(other)") }
                seen[text] = entry.code
            }
            #expect(!entry.keywords.isEmpty && !entry.rfcs.isEmpty, "\(entry.code)")
        }
    }

    @Test func everyEntryCitesTheRightKindOfReference() {
        // Both filters must find entries, or the loops below check nothing.
        #expect(catalog.basicEntries.filter { $0.standing == .standard }.count >= 20)
        #expect(catalog.enhancedEntries.filter { $0.standing == .standard }.count >= 60)
        for entry in catalog.basicEntries where entry.standing == .standard {
            #expect(entry.rfcs.contains { $0.number == 5321 }, "\(entry.code) should cite RFC 5321")
        }
        for entry in catalog.enhancedEntries where entry.standing == .standard {
            #expect(entry.rfcs.contains { $0.number.map { [3463, 5248].contains($0) } == true }, "\(entry.code) should cite RFC 3463 or 5248")
        }
    }

    @Test func unknownCodesGetNearSuggestions() {
        #expect(catalog.suggestions(for: "559").first == "556" || catalog.suggestions(for: "559").contains("555"))
        #expect(catalog.suggestions(for: "5.7.99").nonEmptyAllSatisfy { $0.hasPrefix("5.7.") })
    }

    @Test func labelTablesHaveTheSameKeys() throws {
        let resources = try BundledCatalog.resources
        let english = try LabelTable.readTable(resources, .english)
        let indonesian = try LabelTable.readTable(resources, .indonesian)
        #expect(!english.isEmpty && Set(english.keys) == Set(indonesian.keys))
        let labels = try BundledCatalog.labels(.indonesian)
        #expect(labels["compare.differences"] == "Perbedaan Utama")
        #expect(labels["compare.when_to_use"] == "Kapan Menggunakan Yang Mana")
        #expect(labels["compare.learn_more"] == "Pelajari Lebih Lanjut")
    }

    @Test func languageComesFromTheEnvironment() {
        #expect(Language.fromEnvironment(["LANG": "id_ID.UTF-8"]) == .indonesian)
        #expect(Language.fromEnvironment(["LC_ALL": "C", "LANGUAGE": "fr:id", "LANG": "en_US"]) == .indonesian)
        #expect(Language.fromEnvironment(["LC_ALL": "en_GB.UTF-8", "LANG": "id_ID"]) == .english)
        #expect(Language.fromEnvironment(["LANG": "POSIX"]) == .english)
        #expect(Language.fromEnvironment([:]) == .english)
    }

    @Test func comparisonOf334And553() throws {
        let labels = try BundledCatalog.labels()
        let left = try #require(catalog.resolve("334")), right = try #require(catalog.resolve("553"))
        let comparison = Comparison(left: left, right: right, catalog: catalog, labels: labels)
        #expect(comparison.verdict == "334 is a 3xx Positive Intermediate reply, while 553 is a 5xx Permanent Negative Completion reply.")
        // What really differs comes first: the meaning and the typical cause, one sentence a side (issue #13, item 2).
        #expect(comparison.differences[0].hasPrefix("Meaning: 334 — ") && comparison.differences[0].contains(" 553 — "))
        #expect(comparison.differences[1].hasPrefix("Typical cause: 334 — "))
        #expect(comparison.differences[2].hasPrefix("Class:"))
        #expect(comparison.differences.contains { $0.contains("permanent failure") })
        // "When to use which" is the situation and the first step, not the summary and fix again.
        #expect(comparison.whenToUse.count == 2 && comparison.whenToUse[0].hasPrefix("334: "))
        for (line, code) in zip(comparison.whenToUse, [left, right]) {
            #expect(line.contains("First step:") && !line.contains(code.entry.summary) && !line.contains(code.entry.fix))
        }
        #expect(comparison.references.contains(RFCReference(number: 4954)) || comparison.references.contains { $0.number == 4954 })
    }

    /// With the reasons at hand, a comparison says whose move each code is when they differ.
    @Test func comparisonSaysWhoseMoveItIs() throws {
        let labels = try BundledCatalog.labels()
        let book = try BundledCatalog.reasonBook()
        let comparison = Comparison(left: try #require(catalog.resolve("5.2.2")), right: try #require(catalog.resolve("5.1.1")),
                                    catalog: catalog, labels: labels, book: book)
        #expect(comparison.differences.contains { $0.hasPrefix("Whose move: for 5.2.2 the recipient") && $0.contains("for 5.1.1 the sender") })
        #expect(comparison.whenToUse[0].contains("Whose move: the recipient"))
    }

    @Test func comparisonAcrossKindsNamesTheNumbering() throws {
        let labels = try BundledCatalog.labels()
        let comparison = Comparison(left: try #require(catalog.resolve("550")), right: try #require(catalog.resolve("5.1.1")),
                                    catalog: catalog, labels: labels)
        #expect(comparison.differences.contains { $0.hasPrefix("Numbering:") })
        // A reply code and its enhanced detail are a pair, not alternatives (issue #13).
        #expect(comparison.verdict.contains("550 is the reply code and 5.1.1 the enhanced status code"))
    }
}
