import SMTPCatalog
import SyntheticCatalog
import Testing

@Suite struct SyntheticCodeTests {
    /// The 1M-entry benchmark catalog must load: every code a valid stored form, none repeated.
    @Test func everySyntheticCodeIsAValidDistinctStoredCode() {
        var seen = Set<String>()
        seen.reserveCapacity(SyntheticCatalog.maximumCount)
        var invalid: [String] = []
        for index in 0..<SyntheticCatalog.maximumCount {
            let code = SyntheticCatalog.code(at: index)
            if StatusCode(parsing: code)?.catalogKey != code, invalid.count < 5 { invalid.append(code) }
            seen.insert(code)
        }
        #expect(invalid.isEmpty)
        #expect(seen.count == SyntheticCatalog.maximumCount)
        // Codes of catalogs up to 990,000 entries are as they always were.
        #expect(SyntheticCatalog.code(at: 0) == "X.10.0" && SyntheticCatalog.code(at: 989_999) == "X.999.999")
    }
}
