import Foundation
import Testing
import TestSupport

@Suite struct CompareCommandTests {
    struct Document: Decodable {
        struct Code: Decodable {
            let code: String
            let `class`: Int?
            let className: String
            enum CodingKeys: String, CodingKey { case code, `class`, className = "class_name" }
        }
        struct Reference: Decodable { let reference: String; let url: String }
        let left: Code
        let right: Code
        let verdict: String
        let differences: [String]
        let whenToUse: [String]
        let references: [Reference]
        enum CodingKeys: String, CodingKey { case left, right, verdict, differences, whenToUse = "when_to_use", references }
    }

    @Test func plainOutputHasEverySection() throws {
        let result = try ProcessRunner.smtpCodes(["compare", "334", "553"])
        #expect(result.status == 0)
        let text = result.stdout
        #expect(text.hasPrefix("334 is a 3xx Positive Intermediate reply, while 553 is a 5xx Permanent Negative Completion reply."))
        for heading in ["Description", "When you see it", "How to fix", "Key differences", "When to use which", "Learn more"] {
            #expect(text.contains(heading), "missing \(heading)")
        }
        #expect(text.contains("1. Meaning:") && text.contains("3. Class:") && text.contains("https://www.rfc-editor.org/rfc/rfc4954"))
        #expect(!text.contains("\u{1B}") && !text.contains(" │ "), "pipes get one code after the other, uncoloured")
    }

    @Test func jsonShape() throws {
        let result = try ProcessRunner.smtpCodes(["compare", "550", "x.1.1", "--json"])
        #expect(result.status == 0)
        let document = try JSONDecoder().decode(Document.self, from: Data(result.stdout.utf8))
        #expect(document.left.code == "550" && document.left.class == 5)
        #expect(document.right.code == "X.1.1" && document.right.class == nil)
        #expect(!document.differences.isEmpty && document.whenToUse.count == 2)
        #expect(document.references.nonEmptyAllSatisfy { $0.url.hasPrefix("https://www.rfc-editor.org/rfc/rfc") })
        #expect(document.verdict.contains("550") && document.verdict.contains("X.1.1"))
    }

    @Test func enhancedCodesKeepTheirClassInTheComparison() throws {
        let result = try ProcessRunner.smtpCodes(["compare", "4.2.2", "5.2.2", "--json"])
        let document = try JSONDecoder().decode(Document.self, from: Data(result.stdout.utf8))
        #expect(document.left.className == "Persistent Transient Failure" && document.right.className == "Permanent Failure")
        #expect(document.differences.contains { $0.contains("temporary failure") })
    }

    @Test func indonesianHeadings() throws {
        let result = try ProcessRunner.smtpCodes(["compare", "334", "553", "--lang", "id"])
        for heading in ["Deskripsi", "Ketika Anda Melihatnya", "Cara Memperbaiki", "Perbedaan Utama",
                        "Kapan Menggunakan Yang Mana", "Pelajari Lebih Lanjut"] {
            #expect(result.stdout.contains(heading), "missing \(heading)")
        }
    }

    @Test func unknownCodeAndUsageErrors() throws {
        let unknown = try ProcessRunner.smtpCodes(["compare", "334", "599"])
        #expect(unknown.status == 1 && unknown.stderr.contains("Did you mean"))
        let missing = try ProcessRunner.smtpCodes(["compare", "334"])
        #expect(missing.status == 64)
    }

    @Test func sideBySideOnAWideTerminal() throws {
        let session = try TmuxSession(command: "'\(BinaryLocator.binary.path)' compare 334 553; sleep 600", width: 120, height: 200)
        let screen = try session.require(allOf: ["334 Server Challenge", "553 Mailbox Name Invalid"])
        #expect(screen.contains(" │ "))
        #expect(screen.split(separator: "\n").contains { $0.contains("334 Server Challenge") && $0.contains("553 Mailbox Name Invalid") })
    }
}
