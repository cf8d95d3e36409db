import Foundation
import Testing
import TestSupport

/// `smtp-codes search`, through the real binary: exit status, --limit, order and the
/// match ranges of --json.
@Suite struct SearchCommandTests {
    struct Hit: Decodable {
        struct Match: Decodable {
            let field: String
            let ranges: [[Int]]
        }
        let code: String
        let title: String
        let score: Int
        let matches: [Match]
    }

    /// The texts of one code as `show --json` prints them, by search field name.
    struct Entry: Decodable {
        let code: String
        let title: String
        let summary: String
        let description: String
        let when: String
        let fix: String
        let keywords: [String]

        /// The text a match range of `field` counts in (keywords are searched as one text, joined with ", ").
        func text(of field: String) -> String? {
            switch field {
            case "code": code
            case "title": title
            case "keywords": keywords.joined(separator: ", ")
            case "summary": summary
            case "description": description
            case "when": when
            case "fix": fix
            default: nil
            }
        }
    }

    /// The text between Unicode scalar offsets [start, end); nil when the range is malformed or outside the text.
    static func cut(_ text: String, _ range: [Int]) -> String? {
        let scalars = Array(text.unicodeScalars)
        guard range.count == 2, 0 <= range[0], range[0] < range[1], range[1] <= scalars.count else { return nil }
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars[range[0]..<range[1]])
        return String(view)
    }

    private func search(_ arguments: [String]) throws -> [Hit] {
        let result = try ProcessRunner.smtpCodes(["search"] + arguments + ["--json"])
        #expect(result.status == 0, "\(result.stderr)")
        return try JSONDecoder().decode([Hit].self, from: Data(result.stdout.utf8))
    }

    @Test func noResultExitsOneWithTheMessageOnStandardError() throws {
        for arguments in [["zzzqqqxx"], ["mailbox", "zzzqqqxx"], ["zzzqqqxx", "--json"]] {
            let result = try ProcessRunner.smtpCodes(["search"] + arguments)
            #expect(result.status == 1, "\(arguments)")
            #expect(result.stdout.isEmpty, "\(arguments) printed \(result.stdout)")
            #expect(result.stderr.contains("No codes match '\(arguments.filter { $0 != "--json" }.joined(separator: " "))'"),
                    "\(arguments): \(result.stderr)")
        }
    }

    @Test func aBadLimitOrNoWordsIsAUsageError() throws {
        #expect(try ProcessRunner.smtpCodes(["search", "mail", "--limit", "0"]).status == 64)
        #expect(try ProcessRunner.smtpCodes(["search"]).status == 64)
    }

    @Test(arguments: [1, 3, 7])
    func limitGivesExactlyThatManyWhenThereAreMore(limit: Int) throws {
        let all = try search(["mail", "--limit", "1000"])
        #expect(all.count > 7)
        let limited = try search(["mail", "--limit", String(limit)])
        #expect(limited.map(\.code) == Array(all.prefix(limit).map(\.code)))
        let plain = try ProcessRunner.smtpCodes(["search", "mail", "--limit", String(limit)])
        #expect(plain.stdout.split(separator: "\n").count == limit)
    }

    @Test func withoutALimitAtMostTwentyAreShown() throws {
        #expect(try search(["mail"]).count == 20)
    }

    @Test(arguments: [("553", "553"), ("5.1.1", "5.1.1"), ("x.7.26", "X.7.26"), ("421", "421")])
    func anExactCodeComesFirst(query: String, code: String) throws {
        let hits = try search([query])
        #expect(hits.first?.code == code)
        #expect(hits.first?.matches.contains { $0.field == "code" } == true)
    }

    @Test func resultsAreOrderedByScore() throws {
        let hits = try search(["relay", "denied", "--limit", "50"])
        #expect(hits.count > 3)
        #expect(zip(hits, hits.dropFirst()).allSatisfy { $0.score >= $1.score }, "\(hits.map(\.score))")
        #expect((hits.first?.score ?? 0) > (hits.last?.score ?? 0), "scores should differ: \(hits.map(\.score))")
    }

    /// Each range [start, end) of a match, applied to the field's text counted in Unicode
    /// scalars, must cut out a word starting with the query word (the last word also
    /// matches as a prefix while typing). Only ASCII fields are checked until ranges are
    /// counted in scalars (for ASCII, characters and scalars agree).
    @Test(arguments: ["relay", "mailbox", "quota", "'greylist"])
    func matchRangesCutOutTheQueryWord(query: String) throws {
        let word = query.trimmingCharacters(in: CharacterSet(charactersIn: "'")).lowercased()
        let hits = try search([query, "--limit", "10"])
        var checked = 0
        for hit in hits {
            let shown = try ProcessRunner.smtpCodes(["show", hit.code, "--json"])
            let entry = try JSONDecoder().decode(Entry.self, from: Data(shown.stdout.utf8))
            #expect(!hit.matches.isEmpty, "\(hit.code) is listed without a match")
            for match in hit.matches {
                let text = try #require(entry.text(of: match.field), "unknown field \(match.field)")
                guard text.unicodeScalars.allSatisfy(\.isASCII) else { continue }
                for range in match.ranges {
                    let cut = try #require(Self.cut(text, range), "\(hit.code) \(match.field): range \(range) outside '\(text)'")
                    #expect(cut.lowercased().hasPrefix(word), "\(hit.code) \(match.field) \(range) cuts '\(cut)'")
                    checked += 1
                }
            }
        }
        #expect(checked >= 5, "only \(checked) ranges checked")
    }

    /// An exact-word query (`'word`) matches the word itself: every range is exactly it.
    @Test func exactWordRangesAreExactlyTheWord() throws {
        let hits = try search(["'mailbox", "--limit", "5"])
        let titled = hits.filter { hit in hit.matches.contains { $0.field == "title" } }
        #expect(!titled.isEmpty)
        for hit in titled {
            for range in hit.matches.first(where: { $0.field == "title" })?.ranges ?? [] {
                #expect(Self.cut(hit.title, range)?.lowercased() == "mailbox", "\(hit.code) \(range) in '\(hit.title)'")
            }
        }
    }
}
