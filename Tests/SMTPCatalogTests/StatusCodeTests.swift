import Testing
@testable import SMTPCatalog

@Suite struct StatusCodeTests {
    @Test(arguments: [
        ("553", "553", 5), ("250", "250", 2), ("5.1.3", "X.1.3", 5), ("4.2.2", "X.2.2", 4),
        ("x.1.1", "X.1.1", nil), ("X.1.1", "X.1.1", nil), ("2.0.0", "X.0.0", 2), ("5.7.26", "X.7.26", 5),
        ("5.X.X", "5.X.X", 5), ("5.x.x", "5.X.X", 5), ("X.7.X", "X.7.X", nil), ("4.7.x", "X.7.X", 4),
        (" 421 ", "421", 4), ("5.7.650", "X.7.650", 5),
    ] as [(String, String, Int?)])
    func acceptedFormsMapToTheirCatalogKey(text: String, key: String, classDigit: Int?) throws {
        let code = try #require(StatusCode(parsing: text))
        #expect(code.catalogKey == key)
        #expect(code.classDigit == classDigit)
    }

    /// Catalog loading looks a related code up as written before parsing it, which is right
    /// only if every key parses back to itself.
    @Test(arguments: ["553", "X.1.3", "X.1.1", "X.0.0", "X.7.26", "5.X.X", "X.7.X", "X.7.650", "2.X.X"])
    func aCatalogKeyParsesBackToItself(key: String) throws {
        #expect(try #require(StatusCode(parsing: key)).catalogKey == key)
    }

    @Test(arguments: ["", "55", "5531", "600", "199", "abc", "5.1", "3.1.1", "5.X.1", "5.1.1000", "5..1", "5.1.a", "٥٥٣"])
    func rejectsTextThatIsNotACode(text: String) {
        #expect(StatusCode(parsing: text) == nil)
    }

    @Test func enhancedCodeReadsInTheClassItWasAskedWith() {
        let entry = CatalogEntry(
            code: "X.1.1", kind: .enhanced, classDigit: nil, className: "Any class", title: "Bad Mailbox",
            summary: "s", description: "d", when: "w", fix: "f", commands: ["RCPT"],
            rfcs: [RFCReference(number: 3463)], related: [], keywords: [], standing: .standard)
        let permanent = ResolvedCode(entry: entry, requested: StatusCode(parsing: "5.1.1"))
        let transient = ResolvedCode(entry: entry, requested: StatusCode(parsing: "4.1.1"))
        let unclassed = ResolvedCode(entry: entry, requested: StatusCode(parsing: "x.1.1"))
        #expect(permanent.code == "5.1.1" && permanent.className == "Permanent Failure" && permanent.isPermanentFailure)
        #expect(transient.code == "4.1.1" && transient.className == "Persistent Transient Failure" && transient.isTransientFailure)
        #expect(unclassed.code == "X.1.1" && unclassed.className == "Any class" && unclassed.classDigit == nil)
    }

    @Test(arguments: [("RFC 5321", 5321, nil), ("RFC 5321 §4.2.3", 5321, "4.2.3"), ("RFC 3463 §3.3", 3463, "3.3"), ("RFC 5321 §A.1", 5321, "A.1")] as [(String, Int, String?)])
    func parsesReferences(text: String, number: Int, section: String?) throws {
        let reference = try #require(RFCReference(parsing: text))
        #expect(reference.number == number && reference.section == section)
        #expect(reference.description == text)
    }

    /// A registry entry that rests on an Internet-Draft (X.7.28) cites the draft by its name.
    @Test(arguments: [
        ("draft-levine-mailbomb-header", nil), ("draft-levine-mailbomb-header §3", "3"),
        ("draft-ietf-dmarc-arc-protocol-23", nil),
    ] as [(String, String?)])
    func parsesDraftReferences(text: String, section: String?) throws {
        let reference = try #require(RFCReference(parsing: text))
        #expect(reference.number == nil && reference.draft == text.split(separator: " ").first.map(String.init))
        #expect(reference.section == section && reference.description == text)
        let wellFormed = RFCReference.isWellFormed(text.utf8.span)
        #expect(wellFormed)
    }

    @Test(arguments: [
        "RFC5321", "rfc 5321", "RFC 5321 4.2.3", "RFC 5321 §", "RFC 05321", "RFC 5321 §4..2", "RFC  5321", "RFC 0",
        "RFC 5321 §4 x", "RFC 5321 §4.2a", "RFC 5321 ", "RFC 12345678901",
        "draft-", "draft", "Draft-levine-mailbomb-header", "draft-Levine-mailbomb", "draft-levine--mailbomb",
        "draft-levine-", "draft-levine_mailbomb", "draft-levine §", "draft-levine 3", "draft-levine  §3", "draft-levine ",
    ])
    func rejectsMalformedReferences(text: String) {
        #expect(RFCReference(parsing: text) == nil)
    }

    @Test func referenceLinksToTheSection() {
        #expect(RFCReference(number: 5321, section: "4.2.3").url == "https://www.rfc-editor.org/rfc/rfc5321#section-4.2.3")
        #expect(RFCReference(number: 7504).url == "https://www.rfc-editor.org/rfc/rfc7504")
        #expect(RFCReference(draft: "draft-levine-mailbomb-header").url
            == "https://datatracker.ietf.org/doc/html/draft-levine-mailbomb-header")
        #expect(RFCReference(draft: "draft-levine-mailbomb-header", section: "3").url
            == "https://datatracker.ietf.org/doc/html/draft-levine-mailbomb-header#section-3")
    }
}
