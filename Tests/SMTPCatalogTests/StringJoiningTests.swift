import SMTPCatalog
import Testing

/// `joined(by:)` (written out so that the first screen makes no generic call) gives what
/// the standard library's `joined(separator:)` gives.
@Suite struct StringJoiningTests {
    @Test(arguments: [[], [""], ["a"], ["a", "b"], ["", "b", ""], ["SMTP", "é", "日本"]] as [[String]])
    func joinsAsTheStandardLibraryDoes(parts: [String]) {
        #expect(parts.joined(by: ", ") == parts.joined(separator: ", "))
        #expect(parts.joined(by: "") == parts.joined(separator: ""))
    }
}
