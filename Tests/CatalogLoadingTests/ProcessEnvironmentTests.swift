import Foundation
import Testing
import CatalogLoading

/// The program reads its environment from `environ` rather than through ProcessInfo
/// (start-up time); it must see exactly what ProcessInfo sees.
// Serialized: the second test changes the environment the first compares.
@Suite(.serialized) struct ProcessEnvironmentTests {
    @Test func matchesProcessInfo() {
        let ours = ProcessEnvironment.current()
        #expect(!ours.isEmpty)
        #expect(ours == ProcessInfo.processInfo.environment)
    }

    @Test func valuesKeepTheirEqualsSignsAndTheEmptyOnesStay() {
        setenv("SMTP_CODES_TEST_VALUE", "a=b==c", 1)
        setenv("SMTP_CODES_TEST_EMPTY", "", 1)
        defer {
            unsetenv("SMTP_CODES_TEST_VALUE")
            unsetenv("SMTP_CODES_TEST_EMPTY")
        }
        let environment = ProcessEnvironment.current()
        #expect(environment["SMTP_CODES_TEST_VALUE"] == "a=b==c")
        #expect(environment["SMTP_CODES_TEST_EMPTY"] == "")
    }
}
