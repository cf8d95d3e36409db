import Foundation
import Testing
import TestSupport

/// Catalogs of your own laid over the bundled one, through the binary: the XDG folder,
/// repeated `--catalog`, `--no-bundled` (README, "Your own codes"; docs/catalog.md).
@Suite struct OverlayCatalogTests {
    /// A scratch folder that also serves as `XDG_CONFIG_HOME`: catalogs put in
    /// `smtp-codes/catalog/` are the user's own.
    private struct Scratch {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("overlay-cli-\(UUID().uuidString)")
        var userFolder: URL { url.appendingPathComponent("smtp-codes/catalog") }
        var environment: [String: String] { ["XDG_CONFIG_HOME": url.path] }

        init() throws {
            try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        }

        @discardableResult
        func write(_ path: String, _ entries: [[String: Any]]) throws -> URL {
            let file = url.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
            try CatalogFixture.document(entries).write(to: file)
            return file
        }

        func run(_ arguments: [String]) throws -> ProcessResult {
            try ProcessRunner.smtpCodes(arguments, environment: environment)
        }

        func clean() { try? FileManager.default.removeItem(at: url) }
    }

    private static var gateway: [String: Any] { CatalogFixture.entry("599", overrides: [
        "title": "Relay Refused by Our Gateway", "summary": "The in-house gateway refuses the recipient.",
        "related": ["550", "5.7.1"], "keywords": ["gateway", "inhouse"], "standing": "non-standard",
    ]) }

    private func json(_ text: String) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }

    /// A code added in the XDG folder is shown (with its file), searched, listed and completed.
    @Test func aCodeInTheUserFolderIsShownSearchedAndListed() throws {
        let scratch = try Scratch()
        defer { scratch.clean() }
        let file = try scratch.write("smtp-codes/catalog/team.json", [Self.gateway])
        let shown = try scratch.run(["show", "599"])
        #expect(shown.status == 0, "\(shown.stderr)")
        let lines = shown.stdout.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.prefix(3) == ["599  Relay Refused by Our Gateway", "5xx Permanent Negative Completion · non-standard",
                                    "From \(file.path)"][...])
        let found = try scratch.run(["search", "gateway"])
        #expect(found.status == 0 && found.stdout.hasPrefix("599 "), "\(found.stdout)")
        let listed = try scratch.run(["list"])
        #expect(listed.stdout.contains("599     5xx   Relay Refused by Our Gateway"))
        // Without the folder, no 599.
        #expect(try ProcessRunner.smtpCodes(["show", "599"]).status == 1)
    }

    /// One field of 550 changed; every other field as bundled, and the JSON keys as documented.
    @Test func anOverlayChangesOneFieldOf550() throws {
        let scratch = try Scratch()
        defer { scratch.clean() }
        let file = try scratch.write("fix.json", [["code": "550", "fix": "Ask postmaster@example.org to check the mailbox."]])
        let bundled = try json(try ProcessRunner.smtpCodes(["show", "550", "--json"]).stdout)
        let result = try scratch.run(["show", "550", "--json", "--catalog", file.path])
        #expect(result.status == 0, "\(result.stderr)")
        let changed = try json(result.stdout)
        #expect(Set(changed.keys) == Set(bundled.keys))
        #expect(changed["fix"] as? String == "Ask postmaster@example.org to check the mailbox.")
        for key in bundled.keys where key != "fix" {
            #expect(String(describing: changed[key]!) == String(describing: bundled[key]!), "\(key) changed")
        }
        let plain = try scratch.run(["show", "550", "--catalog", file.path])
        #expect(plain.stdout.contains("Changed by \(file.path): fix\n"))
        #expect(plain.stdout.contains("Ask postmaster@example.org"))
    }

    @Test func aRelatedLinkMayPointAtABundledCodeButNotNowhere() throws {
        let scratch = try Scratch()
        defer { scratch.clean() }
        let good = try scratch.write("good.json", [Self.gateway])
        let result = try scratch.run(["show", "599", "--catalog", good.path])
        #expect(result.status == 0 && result.stdout.contains("Related codes\n  550, 5.7.1"), "\(result.stdout)\(result.stderr)")
        var dangling = Self.gateway
        dangling["related"] = ["550", "597"]
        let bad = try scratch.write("bad.json", [dangling])
        let refused = try scratch.run(["show", "599", "--catalog", bad.path])
        #expect(refused.status == 65 && refused.stdout.isEmpty)
        #expect(refused.stderr.contains("\(bad.path): entry #1 (599): field 'related': 597 is not in the catalog"), "\(refused.stderr)")
    }

    /// An invalid entry names the overlay file and entry, and exits 65 before any output.
    @Test func anInvalidOverlayEntryNamesItsFileAndEntry() throws {
        let scratch = try Scratch()
        defer { scratch.clean() }
        let file = try scratch.write("smtp-codes/catalog/broken.json", [
            ["code": "550", "class": 4, "fix": "f"], ["code": "598", "title": "Half an Entry"],
        ])
        for arguments in [["show", "550"], ["list"], ["explain", "550 no such user"], []] {
            let result = try scratch.run(arguments)
            #expect(result.status == 65 && result.stdout.isEmpty, "\(arguments)")
            #expect(result.stderr.contains("\(file.path): entry #1 (550): field 'class': must be 5 for the code 550, found 4"))
            #expect(result.stderr.contains("\(file.path): entry #2 (598): is a code no catalog below has, so it must be a complete entry"))
            #expect(result.stderr.contains("\(file.path): entry #2 (598): field 'summary': missing"))
        }
    }

    /// `--no-bundled` reads only the `--catalog` paths: not the bundled catalog, not the user folder.
    @Test func noBundledReadsOnlyTheGivenCatalogs() throws {
        let scratch = try Scratch()
        defer { scratch.clean() }
        try scratch.write("smtp-codes/catalog/team.json", [["code": "550", "class": 4]])
        let mine = try scratch.write("mine.json", [CatalogFixture.entry("553"), CatalogFixture.entry("521")])
        let more = try scratch.write("more.json", [["code": "553", "title": "Changed Title"]])
        let result = try scratch.run(["list", "--no-bundled", "--catalog", mine.path, "--catalog", more.path])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout == "521     5xx   Title of 521\n553     5xx   Changed Title\n")
        // On its own terms: an incomplete first catalog is refused, as before.
        let alone = try scratch.run(["show", "553", "--no-bundled", "--catalog", more.path])
        #expect(alone.status == 65 && alone.stderr.contains("field 'kind': missing"))
        let usage = try scratch.run(["list", "--no-bundled"])
        #expect(usage.status == 64 && usage.stderr.contains("--no-bundled needs at least one --catalog"))
    }

    /// The XDG folder comes first, then each `--catalog` in the order given; the last word wins.
    @Test func theUserFolderThenEachCatalogInOrder() throws {
        let scratch = try Scratch()
        defer { scratch.clean() }
        let user = try scratch.write("smtp-codes/catalog/team.json", [["code": "550", "fix": "user fix", "title": "User Title"]])
        let first = try scratch.write("first.json", [["code": "550", "fix": "first fix"]])
        let second = try scratch.write("second.json", [["code": "550", "fix": "second fix", "summary": "Second summary."]])
        let forward = try json(try scratch.run(["show", "550", "--json", "--catalog", first.path, "--catalog", second.path]).stdout)
        #expect(forward["fix"] as? String == "second fix" && forward["title"] as? String == "User Title")
        #expect(forward["summary"] as? String == "Second summary.")
        let backward = try json(try scratch.run(["show", "550", "--json", "--catalog", second.path, "--catalog", first.path]).stdout)
        #expect(backward["fix"] as? String == "first fix" && backward["summary"] as? String == "Second summary.")
        let plain = try scratch.run(["show", "550", "--catalog", first.path, "--catalog", second.path]).stdout
        #expect(plain.contains("""
            Changed by \(user.path): title, fix
            Changed by \(first.path): fix
            Changed by \(second.path): summary, fix

            """), "\(plain)")
    }

    /// XDG_CONFIG_HOME unset: `~/.config/smtp-codes/catalog`, shown with a tilde; a file there counts.
    @Test func theDefaultFolderIsUnderHome() throws {
        let scratch = try Scratch()
        defer { scratch.clean() }
        try scratch.write(".config/smtp-codes/catalog", [Self.gateway])
        let result = try ProcessRunner.run(BinaryLocator.binary, ["show", "599"], environment: ["HOME": scratch.url.path],
                                           removing: ["XDG_CONFIG_HOME", "NO_COLOR", "COLUMNS"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("\nFrom ~/.config/smtp-codes/catalog\n"), "\(result.stdout)")
    }

    @Test func completionOffersTheUserCodes() throws {
        let scratch = try Scratch()
        defer { scratch.clean() }
        try scratch.write("smtp-codes/catalog/team.json", [Self.gateway])
        let words = ["smtp-codes", "show", "59"]
        let result = try scratch.run(["---completion", "show", "--", "positional@0", "2", "2"] + words)
        #expect(result.stdout.split(separator: "\n").contains("599"), "\(result.stdout)\(result.stderr)")
    }
}
