import Foundation

extension Collection {
    /// `allSatisfy` that is false for an empty collection: a check over no results
    /// would otherwise pass whatever the code under test did.
    public func nonEmptyAllSatisfy(_ predicate: (Element) throws -> Bool) rethrows -> Bool {
        try !isEmpty && allSatisfy(predicate)
    }
}

/// The explorer's status line says "N matches" while a query lists something.
/// Returns N, so a test can insist on more than none ("0 matches" contains "matches" too).
public func listedMatchCount(_ screen: String) -> Int? {
    guard let match = screen.firstMatch(of: /(\d+) matches/) else { return nil }
    return Int(match.output.1)
}
