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

    @Test func numberErrorsPointAtTheNumber() {
        do {
            _ = try parse(Array("[1, -.5]".utf8))
            Issue.record("accepted -.5")
        } catch {
            #expect("\(error)" == "invalid number at line 1, column 5")
        }
    }
}
