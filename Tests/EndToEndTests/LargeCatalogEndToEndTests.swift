import Foundation
import SyntheticCatalog
import Testing
import TestSupport

/// The explorer on a generated 10k-entry catalog: it opens, and typing a query
/// character by character ends with the filtered list on screen.
@Suite struct LargeCatalogEndToEndTests {
    @Test func typingIntoATenThousandEntryCatalog() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("large-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = try SyntheticCatalog(count: 10_000, source: try BundledCatalog.load())
            .write(to: folder.appendingPathComponent("synthetic.json"))
        let session = try TmuxSession(command: "'\(BinaryLocator.binary.path)' --no-bundled --catalog '\(file.path)'; echo EXIT=$?; sleep 600",
                                      width: 120, height: 40)
        // All lists the provider replies and reasons too; the Enhanced tab, the codes alone.
        try session.require(allOf: ["Codes ", "X.10.0"], seconds: 30)
        try session.send("]", "]")
        try session.require("of 10000")
        try session.send("[", "[")
        try session.send("/")
        for character in "mailbox full" {
            try session.send(String(character), literal: true)
        }
        // Some codes listed: "0 matches" would contain "matches" too.
        try session.require("the filtered list with matches", seconds: 20) {
            $0.contains("· /mailbox full") && (listedMatchCount($0) ?? 0) > 0
        }
        try session.send("Enter", "q")
        #expect(try session.require("EXIT=").contains("EXIT=0"))
    }
}
