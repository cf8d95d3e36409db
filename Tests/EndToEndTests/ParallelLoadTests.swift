import Foundation
@testable import CatalogLoading
import SMTPCatalog
import SyntheticCatalog
import Testing
import TestSupport

/// A large catalog file is read in two halves at once; whatever it holds, the
/// result must be exactly what reading it in one go gives.
@Suite struct ParallelLoadTests {
    /// About 11 MB of JSON: over the size at which a file is split. Made once; a bundled
    /// catalog that fails to load fails each test that asks (a `try!` here trapped the process).
    private static let generated = Result { SyntheticCatalog(count: 13_000, source: try BundledCatalog.shared()).json() }
    private static func json() throws -> Data { try generated.get() }

    private func bothWays(_ data: Data) -> (halves: Result<Catalog, Error>, whole: Result<Catalog, Error>) {
        (Result { try CatalogLoader.load(data: data, named: "big.json", readsInHalves: true) },
         Result { try CatalogLoader.load(data: data, named: "big.json", readsInHalves: false) })
    }

    private func issues(_ result: Result<Catalog, Error>) -> [CatalogIssue]? {
        guard case .failure(let error as CatalogValidationError) = result else { return nil }
        return error.issues
    }

    /// Replaces the first occurrence of `target` after `fraction` of the text.
    private func edited(_ target: String, _ replacement: String, after fraction: Double) throws -> Data {
        var text = String(decoding: try Self.json(), as: UTF8.self)
        let from = text.index(text.startIndex, offsetBy: Int(Double(text.count) * fraction))
        let range = try #require(text.range(of: target, range: from..<text.endIndex), "no \(target) after \(fraction)")
        text.replaceSubrange(range, with: replacement)
        return Data(text.utf8)
    }

    @Test func aCleanFileGivesTheSameCatalog() throws {
        let json = try Self.json()
        #expect(json.count > CatalogReading.parallelMinimum)
        let (halves, whole) = bothWays(json)
        let split = try halves.get(), single = try whole.get()
        #expect(split.entries.count == 13_000)
        // Read in halves indeed: the two ends of the catalog lie in different text stores.
        let (first, last) = (try #require(split.entries.first), try #require(split.entries.last))
        #expect(first.store !== last.store)
        #expect(try #require(single.entries.first).store === (try #require(single.entries.last)).store)
        #expect(split.entries == single.entries)
        #expect(split.entry(forKey: "X.22.999")?.title == single.entry(forKey: "X.22.999")?.title)
    }

    @Test(arguments: [0.3, 0.8])
    func problemsAreReportedExactlyAsInOneGo(fraction: Double) throws {
        let broken = try edited(#""kind": "enhanced""#, #""kind": "enhanced", "colour": 1"#, after: fraction)
        let (halves, whole) = bothWays(broken)
        let reported = try #require(issues(halves))
        #expect(reported == issues(whole))
        #expect(reported.count == 1 && reported[0].message == "unknown field")
    }

    @Test func aCodeRepeatedInTheSecondHalfIsADuplicate() throws {
        let repeated = try edited(#""code": "X.20.5""#, #""code": "X.10.5""#, after: 0.7)
        let (halves, whole) = bothWays(repeated)
        let reported = try #require(issues(halves))
        #expect(reported == issues(whole))
        #expect(reported.map(\.message) == ["duplicate code, already defined in big.json"])
    }

    @Test func referencesInTheSecondHalfAreNumberedAcrossTheFile() throws {
        let dangling = try edited(#""related": []"#, #""related": ["X.4.999"]"#, after: 0.9)
        let (halves, whole) = bothWays(dangling)
        let reported = try #require(issues(halves))
        #expect(reported == issues(whole))
        #expect(reported.count == 1 && reported[0].field == "related")
    }
}
