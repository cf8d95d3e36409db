import Foundation
import CatalogDocuments
import SMTPCatalog
import Testing
import TestSupport

@Suite struct ListAndShowTests {
    private func decode<T: Decodable>(_ type: T.Type, _ text: String) throws -> T {
        try JSONDecoder().decode(T.self, from: Data(text.utf8))
    }

    @Test func listJSONHoldsEveryBasicAndEnhancedCode() throws {
        let result = try ProcessRunner.smtpCodes(["list", "--json"])
        #expect(result.status == 0)
        let codes = try decode([CodeJSON].self, result.stdout)
        #expect(codes.filter { $0.kind == "basic" }.count >= 45)
        let enhanced = Set(codes.filter { $0.kind == "enhanced" }.map(\.code))
        for expected in RegistryCodes.all { #expect(enhanced.contains(expected), "missing \(expected)") }
    }

    @Test(arguments: ["553", "5.7.26", "x.1.1", "4.2.2"])
    func showPrintsAFullEntry(code: String) throws {
        let result = try ProcessRunner.smtpCodes(["show", code])
        #expect(result.status == 0, "\(result.stderr)")
        for heading in ["Description", "When you see it", "How to fix", "Commands", "References"] {
            #expect(result.stdout.contains(heading), "\(code) lacks \(heading)")
        }
        #expect(result.stdout.hasPrefix(code.uppercased()) || result.stdout.hasPrefix(code))
    }

    @Test func enhancedCodeReadsInTheClassItIsShownWith() throws {
        let permanent = try decode(CodeJSON.self, try ProcessRunner.smtpCodes(["show", "5.1.1", "--json"]).stdout)
        let transient = try decode(CodeJSON.self, try ProcessRunner.smtpCodes(["show", "4.1.1", "--json"]).stdout)
        #expect(permanent.code == "5.1.1" && permanent.class == 5 && permanent.className == "Permanent Failure")
        #expect(transient.code == "4.1.1" && transient.class == 4 && transient.className == "Persistent Transient Failure")
        let any = try decode(CodeJSON.self, try ProcessRunner.smtpCodes(["show", "X.1.1", "--json"]).stdout)
        #expect(any.class == nil && any.className == "Any class")
    }

    @Test func showJSONCarriesEveryDocumentedField() throws {
        let result = try ProcessRunner.smtpCodes(["show", "553", "--json"])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let fields = ["code", "kind", "class", "class_name", "title", "summary", "description", "when", "fix",
                      "commands", "seen_after", "rfcs", "related", "keywords", "standing", "caveat"]
        #expect(Set(object.keys) == Set(fields))
        // 553 has no practice beyond what the RFCs list: the key is there, with an empty array.
        #expect((object["seen_after"] as? [String])?.isEmpty == true)
        #expect(object["code"] as? String == "553" && object["class"] as? Int == 5)
    }

    @Test func unknownCodeExitsOneAndSuggestsNearCodes() throws {
        let result = try ProcessRunner.smtpCodes(["show", "559"])
        #expect(result.status == 1)
        #expect(result.stderr.contains("unknown code '559'") && result.stderr.contains("Did you mean") && result.stderr.contains("556"))
        let enhanced = try ProcessRunner.smtpCodes(["show", "5.99.1"])
        #expect(enhanced.status == 1 && enhanced.stderr.contains("5.99.1"))
    }

    /// A detail the registry lacks (`5.7.54`) reads by its class and subject, as explain does.
    @Test func unregisteredDetailShowsItsSubject() throws {
        let result = try ProcessRunner.smtpCodes(["show", "5.1.99"])
        #expect(result.status == 0)
        #expect(result.stderr.contains("5.1.99") && result.stderr.contains("not in the IANA registry"))
        #expect(result.stdout.hasPrefix("5.1.X"))
    }

    @Test func textThatIsNotACodeIsAUsageError() throws {
        let result = try ProcessRunner.smtpCodes(["show", "hello\u{1B}[2J"])
        #expect(result.status == 64 && result.stderr.contains("not an SMTP code"))
        #expect(!result.stderr.contains("\u{1B}"))
    }

    @Test func pipedOutputHasNoEscapeCodesAndColorAlwaysDoes() throws {
        let plain = try ProcessRunner.smtpCodes(["show", "553"])
        #expect(!plain.stdout.contains("\u{1B}"))
        let colored = try ProcessRunner.smtpCodes(["show", "553", "--color", "always"])
        #expect(colored.stdout.contains("\u{1B}[31m"))
    }

    @Test func noArgumentsWithoutATerminalPrintsThePlainList() throws {
        let result = try ProcessRunner.smtpCodes([])
        #expect(result.status == 0 && result.stdout.contains("553") && !result.stdout.contains("\u{1B}"))
    }

    @Test func indonesianLabels() throws {
        let result = try ProcessRunner.smtpCodes(["show", "553", "--lang", "id"])
        for label in ["Deskripsi", "Ketika Anda Melihatnya", "Cara Memperbaiki"] { #expect(result.stdout.contains(label)) }
        let fromEnvironment = try ProcessRunner.smtpCodes(["show", "553"], environment: ["LANG": "id_ID.UTF-8", "LC_ALL": ""])
        #expect(fromEnvironment.stdout.contains("Deskripsi"))
        let bad = try ProcessRunner.smtpCodes(["show", "553", "--lang", "fr"])
        #expect(bad.status == 64)
    }
}

/// Every enumerated code of the IANA registry (RFC 3463, 5248 and later), plus classes and subjects.
enum RegistryCodes {
    static let details: [Int: Int] = [0: 0, 1: 10, 2: 4, 3: 6, 4: 7, 5: 6, 6: 10, 7: 30]
    static var all: [String] {
        var codes = ["2.X.X", "4.X.X", "5.X.X"] + (0...7).map { "X.\($0).X" }
        for (subject, last) in details.sorted(by: { $0.key < $1.key }) {
            codes += (0...last).map { "X.\(subject).\($0)" }
        }
        return codes
    }
}

/// Provider codes in `show` and `search` (issue #11): the provider's entry with its reason
/// and the RFC meaning of its codes.
@Suite struct ProviderCodeCommandTests {
    @Test(arguments: [("TSS04", "yahoo.tss04"), ("s3150", "microsoft."), ("5.7.606", "microsoft.")])
    func showFindsAProviderCode(code: String, id: String) throws {
        let result = try ProcessRunner.smtpCodes(["show", code])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.hasPrefix(id) && result.stdout.contains("What happened:"))
    }

    @Test func showJSONOfAProviderReplyHasTheCodeObjectShape() throws {
        let result = try ProcessRunner.smtpCodes(["show", "yahoo.tss04", "--json"])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        #expect(object["kind"] as? String == "provider" && object["code"] as? String == "yahoo.tss04")
    }

    @Test func aCodesDetailListsTheProviderRepliesThatUseIt() throws {
        let result = try ProcessRunner.smtpCodes(["show", "5.7.26"])
        #expect(result.stdout.contains("Provider replies and reasons") && result.stdout.contains("gmail."))
    }

    @Test(arguments: [("tss04", "yahoo.tss04"), ("microsoft banned ip", "microsoft.")])
    func searchFindsProviderReplies(query: String, expected: String) throws {
        let result = try ProcessRunner.smtpCodes(["search", query])
        #expect(result.status == 0 && result.stdout.split(separator: "\n").prefix(3).contains { $0.hasPrefix(expected) }, "\(result.stdout)")
    }

    @Test func listKindsSeparateCodesFromKnowledge() throws {
        let codes = try ProcessRunner.smtpCodes(["list"]).stdout.split(separator: "\n")
        let providers = try ProcessRunner.smtpCodes(["list", "--kind", "provider"]).stdout.split(separator: "\n")
        let reasons = try ProcessRunner.smtpCodes(["list", "--kind", "reason"]).stdout.split(separator: "\n")
        #expect(!codes.contains { $0.hasPrefix("yahoo.") } && providers.count >= 300 && reasons.count == 26)
    }
}

/// `--lang id` shows the codes' titles and summaries and the reasons in Indonesian (issue #13, item 7).
@Suite struct IndonesianTextTests {
    @Test func showAndExplainSpeakIndonesian() throws {
        let shown = try ProcessRunner.smtpCodes(["show", "553", "--lang", "id"])
        #expect(shown.status == 0 && shown.stdout.hasPrefix("553  Nama Mailbox Tidak Valid"))
        #expect(try ProcessRunner.smtpCodes(["show", "553"]).stdout.hasPrefix("553  Mailbox Name Invalid"))
        let explained = try ProcessRunner.smtpCodes(["explain", "--lang", "id", "451 4.7.1 Greylisting in action, please come back later"])
        #expect(explained.stdout.contains("Apa yang terjadi:") && explained.stdout.contains("Terkena greylisting"))
    }
}
