import Foundation
import Testing
import TestSupport
@testable import CatalogLoading
import SMTPCatalog

/// Deeply nested JSON used to overflow the stack (issue #9).
@Suite struct DeepNestingTests {
    /// A file of opening brackets overflowed the stack (SIGSEGV): nesting is bounded.
    @Test(arguments: ["[", "{\"a\":"])
    func deepNestingIsAnErrorNotACrash(opener: String) throws {
        let text = String(repeating: opener, count: 100_000)
        let bytes = Array(text.utf8)
        #expect(throws: JSONParser.Failure.self) {
            try JSONParser.withParser(bytes) { try $0.parseDocument() }
        }
        let issues = CatalogFixture.issues(data: Data(bytes))
        #expect(issues.count == 1)
        #expect(issues.first?.message.contains("nested more than \(JSONParser.maximumDepth) deep") == true)
    }

    @Test func nestingUpToTheLimitIsRead() throws {
        let depth = JSONParser.maximumDepth
        let text = String(repeating: "[", count: depth) + String(repeating: "]", count: depth)
        var value = try JSONParser.withParser(Array(text.utf8)) { try $0.parseDocument() }
        var levels = 0
        while case .array(let items) = value {
            levels += 1
            guard let first = items.first else { break }
            value = first
        }
        #expect(levels == depth)
        let deeper = "[" + text + "]"
        #expect(throws: JSONParser.Failure.self) {
            try JSONParser.withParser(Array(deeper.utf8)) { try $0.parseDocument() }
        }
    }
}
