import Foundation
import Testing
import TestSupport

/// An enhanced code typed with its class (`5.7.26`) is read in that class wherever it
/// is shown, and a reply's two codes are a pair, not alternatives (issue #13, item 2).
@Suite struct TypedClassTests {
    private func json(_ arguments: [String]) throws -> Any {
        let result = try ProcessRunner.smtpCodes(arguments)
        #expect(result.status == 0, "\(arguments): \(result.stderr)")
        return try JSONSerialization.jsonObject(with: Data(result.stdout.utf8))
    }

    @Test func searchReportsTheClassThatWasTyped() throws {
        let hits = try #require(try json(["search", "5.7.26", "--json"]) as? [[String: Any]])
        let first = try #require(hits.first)
        #expect(first["code"] as? String == "5.7.26")
        #expect(first["class"] as? Int == 5)
        #expect(first["class_name"] as? String == "Permanent Failure")
        let transient = try #require((try json(["search", "4.7.26", "--json"]) as? [[String: Any]])?.first)
        #expect(transient["code"] as? String == "4.7.26" && transient["class_name"] as? String == "Persistent Transient Failure")
    }

    @Test func aReplysCodesAreShownTogether() throws {
        let shown = try #require(try json(["show", "550 5.7.26", "--json"]) as? [[String: Any]])
        #expect(shown.map { $0["code"] as? String } == ["550", "5.7.26"])
        let blank = try ProcessRunner.smtpCodes(["show", "  "])
        #expect(blank.status == 64)
    }

    @Test func aBasicCodeAndItsEnhancedDetailAreAPair() throws {
        let comparison = try #require(try json(["compare", "550", "5.1.1", "--json"]) as? [String: Any])
        let verdict = try #require(comparison["verdict"] as? String)
        #expect(verdict.contains("not alternatives") && verdict.contains("550 is the reply code"))
        let apart = try #require(try json(["compare", "334", "553", "--json"]) as? [String: Any])
        #expect((apart["verdict"] as? String)?.contains("not alternatives") == false)
    }

    /// English needs "an" before a vowel sound; the differences once said "a enhanced".
    @Test(arguments: [["550", "5.1.1"], ["421", "4.7.0"], ["X.7.26", "X.7.1"], ["250", "2.0.0"], ["334", "553"]])
    func comparisonsReadAsEnglish(pair: [String]) throws {
        let comparison = try #require(try json(["compare"] + pair + ["--json"]) as? [String: Any])
        let texts = [comparison["verdict"] as? String ?? ""] + (comparison["differences"] as? [String] ?? [])
        #expect(texts.count > 1)
        for text in texts {
            #expect(text.range(of: #"\b[Aa] [aeiouAEIOU]"#, options: .regularExpression) == nil, "\(text)")
        }
    }
}
