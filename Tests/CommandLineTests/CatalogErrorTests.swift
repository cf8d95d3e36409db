import Foundation
import Testing
import TestSupport

@Suite struct CatalogErrorTests {
    private func temporaryFolder() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("smtp-codes-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }

    @Test func brokenCatalogListsEveryProblemAndExits65() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("broken.json")
        try Data("""
            {"schema": 1, "entries": [
              {"code": "553", "kind": "basic", "class": 4, "class_name": "Permanent Negative Completion",
               "title": "", "summary": "s", "description": "d", "when": "w", "fix": "f", "commands": ["RCPT"],
               "rfcs": ["RFC 5321"], "related": ["5.1.3"], "keywords": ["k"], "standing": "standard", "extra": true}
            ]}
            """.utf8).write(to: file)
        // On its own: laid over the bundled catalog, 553 and 5.1.3 would be there.
        let result = try ProcessRunner.smtpCodes(["list", "--no-bundled", "--catalog", file.path])
        #expect(result.status == 65)
        #expect(result.stdout.isEmpty)
        for fragment in ["broken.json", "entry #1 (553)", "field 'class'", "field 'title'", "field 'extra'", "5.1.3 is not in the catalog"] {
            #expect(result.stderr.contains(fragment), "missing \(fragment) in \(result.stderr)")
        }
    }

    /// A broken rule file (here one whose title would clear the screen) stops every command
    /// with exit 65 and names the file, the rule and the field; nothing reaches stdout.
    @Test func brokenRuleFileExits65AndNamesTheRule() throws {
        let folder = try BrokenResources.withBrokenRuleFile()
        defer { try? FileManager.default.removeItem(at: folder) }
        for arguments in [["explain", "550 boom"], ["show", "553"]] {
            let result = try ProcessRunner.smtpCodes(arguments, environment: ["SMTP_CODES_RESOURCES": folder.path])
            #expect(result.status == 65 && result.stdout.isEmpty)
            for fragment in BrokenResources.reportFragments {
                #expect(result.stderr.contains(fragment), "missing \(fragment) in \(result.stderr)")
            }
            #expect(!result.stderr.contains("\u{1B}"))
        }
    }

    @Test func invalidJSONNamesTheFile() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try Data("{ not json".utf8).write(to: folder.appendingPathComponent("bad.json"))
        let result = try ProcessRunner.smtpCodes(["show", "553", "--catalog", folder.path])
        #expect(result.status == 65 && result.stderr.contains("bad.json") && result.stderr.contains("not valid JSON"))
    }

    @Test func explorerWithABrokenCatalogExits65BeforeDrawing() throws {
        let result = try ProcessRunner.smtpCodes(["--catalog", "/nonexistent/catalog.json"])
        #expect(result.status == 65 && result.stderr.contains("no such file"))
    }

    @Test func installedBinaryRunsFromAnotherDirectory() throws {
        let prefix = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: prefix) }
        let script = BinaryLocator.packageRoot.appendingPathComponent("scripts/install-files.sh")
        let install = try ProcessRunner.run(URL(fileURLWithPath: "/bin/bash"), [script.path, BinaryLocator.binary.path, prefix.path])
        #expect(install.status == 0, "\(install.stderr)")
        let elsewhere = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: elsewhere) }
        let installed = prefix.appendingPathComponent("bin/smtp-codes")
        let result = try ProcessRunner.run(installed, ["show", "553"], removing: ["SMTP_CODES_RESOURCES"], directory: elsewhere)
        #expect(result.status == 0 && result.stdout.contains("Mailbox Name Invalid"), "\(result.stderr)")
        // Through a symlink on PATH, too.
        let link = elsewhere.appendingPathComponent("smtp-codes")
        try FileManager.default.createSymbolicLink(at: link, withDestinationURL: installed)
        #expect(try ProcessRunner.run(link, ["show", "250"], directory: elsewhere).status == 0)
        #expect(FileManager.default.fileExists(atPath: prefix.appendingPathComponent("share/bash-completion/completions/smtp-codes").path))
    }

    @Test func binaryWithoutItsResourcesSaysSoAndExits66() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let lonely = folder.appendingPathComponent("smtp-codes")
        // Copied by a child process: a copy written here holds a write descriptor that a child
        // spawned meanwhile by a parallel test can inherit and keep, and running the copy then
        // fails with "Text file busy" (exit 126).
        let copy = try ProcessRunner.run(URL(fileURLWithPath: "/bin/cp"), [BinaryLocator.binary.path, lonely.path])
        try #require(copy.status == 0, "\(copy.stderr)")
        let result = try ProcessRunner.run(lonely, ["show", "553"], removing: ["SMTP_CODES_RESOURCES"], directory: folder)
        #expect(result.status == 66)
        #expect(result.stderr.contains("resources missing"))
        #expect(result.stderr.split(separator: "\n").count == 1)
    }
}
