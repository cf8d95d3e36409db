import Foundation
import Testing
import TestSupport

/// The explorer in tmux at 80×24 with catalogs of the user's own laid over the bundled one
/// (README, "Your own codes"): the added code is listed and its file named in the detail pane.
@Suite struct OverlayEndToEndTests {
    private static func entry599() -> [String: Any] {
        CatalogFixture.entry("599", overrides: [
            "title": "Relay Refused by Our Gateway", "summary": "The in-house gateway refuses the recipient.",
            "related": ["550"], "keywords": ["gateway"], "standing": "non-standard",
        ])
    }

    /// A home folder for the run: `$HOME/.config/smtp-codes/catalog/team.json` is read
    /// without any option and shown as `~/…`.
    @Test func theUserFolderIsReadAndNamed() throws {
        let home = FileManager.default.temporaryDirectory.appendingPathComponent("e2e-home-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: home) }
        let folder = home.appendingPathComponent(".config/smtp-codes/catalog")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try CatalogFixture.document([Self.entry599(), ["code": "550", "fix": "Ask postmaster@example.org."]])
            .write(to: folder.appendingPathComponent("team.json"))
        let session = try TmuxSession(
            command: "'\(BinaryLocator.binary.path)'; echo EXIT=$?; sleep 600", width: 80, height: 24,
            environment: ["HOME": home.path, "XDG_CONFIG_HOME": home.appendingPathComponent(".config").path])
        try session.require(allOf: ["Codes", "Details", "211"])
        try session.send("/")
        try session.send("599", literal: true)
        try session.send("Enter")
        try session.require(allOf: ["599 Relay Refused by Our Gateway", "5xx Permanent Negative Completion · non-standard",
                                    "From ~/.config/smtp-codes/catalog/team.json"])
        try session.send("/")
        try session.send("C-u")
        try session.send("550", literal: true)
        try session.send("Enter")
        try session.require("Changed by ~/.config/smtp-codes/catalog/team.json: fix")
        try session.send("q")
        #expect(try session.require("EXIT=").contains("EXIT=0"))
    }

    /// Given with `--catalog`: the added code is found by its words and shown with its file.
    @Test func aCatalogOptionAddsToTheList() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("e2e-overlay-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let file = folder.appendingPathComponent("team.json")
        try CatalogFixture.document([Self.entry599()]).write(to: file)
        let session = try TmuxSession(
            command: "'\(BinaryLocator.binary.path)' --catalog '\(file.path)'; echo EXIT=$?; sleep 600", width: 80, height: 24)
        try session.require(allOf: ["Codes", "Details", "211"])
        try session.send("/")
        try session.send("gateway", literal: true)
        try session.send("Enter")
        let screen = try session.require(allOf: ["Relay Refused by Our Gateway", "From "])
        #expect(screen.split(separator: "\n").contains { $0.hasPrefix("│ 599 ") })
        try session.send("q")
        #expect(try session.require("EXIT=").contains("EXIT=0"))
    }
}
