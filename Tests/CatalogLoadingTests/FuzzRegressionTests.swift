import Foundation
import Testing
@testable import CatalogLoading
import SMTPCatalog

/// Inputs the fuzz targets (Fuzz/, docs/reliability.md) found wrong, fed to the same
/// parser that got them wrong. Each file in Fixtures/fuzz is the fuzzer's own input.
@Suite struct FuzzRegressionTests {
    private static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Fixtures/fuzz")

    private func parse(_ bytes: [UInt8]) throws -> JSONValue {
        try JSONParser.withParser(bytes) { try $0.parseDocument() }
    }

    /// fuzz-json: the reader handed numbers to `Double(String)` as they came, which also
    /// takes leading zeros, a point without digits after it and a point without digits
    /// before it; RFC 8259 and Foundation reject all of them.
    @Test func numbersOutsideJSONsGrammarAreRejected() throws {
        let found = try Array(Data(contentsOf: Self.folder.appendingPathComponent("json-leading-zero.json")))
        #expect(throws: JSONParser.Failure.self) { try parse(found) }
        for text in ["01", "-01", "00", "1.", "-.5", "1.e5", "0.e1", "[2.]", "{\"a\": 01}", "1e", "1e+", "-"] {
            #expect(throws: JSONParser.Failure.self, "\(text)") { try parse(Array(text.utf8)) }
        }
    }

    @Test func numbersInJSONsGrammarStillRead() throws {
        let cases: [(String, Double)] = [
            ("0", 0), ("-0", 0), ("10", 10), ("0.5", 0.5), ("-0.5", -0.5), ("1e2", 100), ("1E+2", 100),
            ("2.5e-1", 0.25), ("0e0", 0), ("9007199254740993", 9007199254740992),
        ]
        for (text, value) in cases {
            #expect(try parse(Array(text.utf8)) == .number(value), "\(text)")
        }
        #expect(try parse(Array("[0,-1.5e3]".utf8)) == .array([.number(0), .number(-1500)]))
    }

    /// fuzz-snapshot: a damaged snapshot held an entry whose code was not in the form the
    /// validator stores (`X.0.s`), so the catalog listed an entry its own lookup could not
    /// find. The reader now takes only codes in their stored form, of the kind and class that
    /// form gives; the file is the fuzzer's input (the runs after the header it supplies).
    @Test func aSnapshotEntryWhoseCodeIsNotInItsStoredFormIsRefused() throws {
        let runs = Array(try Data(contentsOf: Self.folder.appendingPathComponent("snapshot-uncanonical-code.bin")))
        let fingerprint = try #require(SnapshotFingerprint(files: []))
        let header = CatalogSnapshot.header(fingerprint)
        #expect(throws: SnapshotReader.Damaged.self) { try CatalogSnapshot.decode(header.bytes + runs, expecting: fingerprint) }
        // Each way of getting the code wrong is refused too; the first, the right one, is read.
        let cases = [("553", 0, 5), ("x.1.1", 1, 0xFF), ("553", 1, 5), ("553", 0, 4), ("X.1.1", 1, 5), ("5.5.3", 0, 5), ("", 0, 0xFF)]
        for (index, (code, kind, digit)) in cases.enumerated() {
            var writer = SnapshotWriter()
            writer.u32(1)
            writer.string("catalog/one.json")
            writer.u32(1)
            writer.raw([UInt8(ascii: "t")])
            writer.u32(0)
            writer.u32(1)
            writer.string(code)
            writer.raw([UInt8(kind), UInt8(digit), 0])
            for _ in 0..<6 { writer.span(TextSpan(start: 0, count: 1)) }
            writer.raw([0])
            writer.span(TextSpan(start: 0, count: 0))
            for _ in 0..<5 { writer.list(.empty) }
            let read = try? CatalogSnapshot.decode(header.bytes + writer.bytes, expecting: fingerprint)
            #expect((read != nil) == (index == 0), "\(code) kind \(kind) class \(digit)")
        }
    }

    @Test func numberErrorsPointAtTheNumber() {
        do {
            _ = try parse(Array("[1, -.5]".utf8))
            Issue.record("accepted -.5")
        } catch {
            #expect("\(error)" == "invalid number at line 1, column 5")
        }
    }
}
