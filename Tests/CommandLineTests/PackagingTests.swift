import Foundation
import Testing
import TestSupport

/// Completions and the man page come from the command definitions.
@Suite struct PackagingTests {
    @Test(arguments: ["bash", "zsh", "fish"])
    func completionScriptsNameEverySubcommand(shell: String) throws {
        let result = try ProcessRunner.smtpCodes(["--generate-completion-script", shell])
        #expect(result.status == 0)
        for subcommand in ["list", "show", "compare", "explain", "search"] { #expect(result.stdout.contains(subcommand)) }
    }

    @Test func manPageIsCurrent() throws {
        let page = try ManPageTests.page()
        for subcommand in ["list", "show", "compare", "explain", "search"] {
            #expect(page.contains(".It Em \(subcommand)"), "\(ManPageTests.regenerate)")
        }
        #expect(page.contains(".Sh EXIT STATUS") && page.contains(".It 65"))
    }

    /// `make install` installs a stripped copy; it must still run, find its resources and
    /// write its completions, and the binary it was made from is left alone.
    @Test func strippedInstallRunsAndIsSmaller() throws {
        let prefix = FileManager.default.temporaryDirectory.appendingPathComponent("smtp-codes-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: prefix) }
        let script = BinaryLocator.packageRoot.appendingPathComponent("scripts/install-files.sh")
        let before = try FileManager.default.attributesOfItem(atPath: BinaryLocator.binary.path)[.size] as? Int ?? 0
        let install = try ProcessRunner.run(
            URL(fileURLWithPath: "/bin/bash"), [script.path, "--strip", BinaryLocator.binary.path, prefix.path])
        try #require(install.status == 0, "\(install.stderr)")
        let installed = prefix.appendingPathComponent("bin/smtp-codes")
        let after = try FileManager.default.attributesOfItem(atPath: installed.path)[.size] as? Int ?? 0
        #expect(after > 0 && after < before * 3 / 4, "stripped \(after) bytes of \(before)")
        #expect(try FileManager.default.attributesOfItem(atPath: BinaryLocator.binary.path)[.size] as? Int == before)
        let shown = try ProcessRunner.run(installed, ["show", "553"], removing: ["SMTP_CODES_RESOURCES"])
        #expect(shown.status == 0 && shown.stdout.contains("553"), "\(shown.stderr)")
        for file in ["share/man/man1/smtp-codes.1", "share/zsh/site-functions/_smtp-codes"] {
            #expect(FileManager.default.fileExists(atPath: prefix.appendingPathComponent(file).path), "\(file)")
        }
    }

    /// The full Foundation links FoundationInternationalization and ICU's data into the
    /// static binary whether or not anything calls them (docs/performance.md, "Installed
    /// binary"), so the modules import `FoundationEssentials` instead.
    /// This fails on any source file that imports the full Foundation or its
    /// internationalization part, so ICU cannot come back by accident.
    @Test func sourcesImportOnlyFoundationEssentials() throws {
        let sources = BinaryLocator.packageRoot.appendingPathComponent("Sources")
        let files = try #require(FileManager.default.enumerator(atPath: sources.path)?.allObjects as? [String])
            .filter { $0.hasSuffix(".swift") }
        #expect(files.count > 100, "found only \(files.count) Swift files under \(sources.path)")
        let forbidden = /^\s*(@\w+\s+)*((public|package|internal|fileprivate|private)\s+)?import\s+((typealias|struct|class|enum|protocol|let|var|func)\s+)?(Foundation|FoundationInternationalization)(\.\w+)?\s*(\/\/.*)?$/
        var offenders: [String] = []
        for file in files {
            let text = try String(contentsOf: sources.appendingPathComponent(file), encoding: .utf8)
            for (number, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated()
            where line.wholeMatch(of: forbidden) != nil {
                offenders.append("Sources/\(file):\(number + 1): \(line)")
            }
        }
        #expect(offenders.isEmpty, "import FoundationEssentials (and Glibc, Dispatch) instead:\n\(offenders.joined(separator: "\n"))")
    }

    @Test func makeInstallStrips() throws {
        try #require(FileManager.default.isExecutableFile(atPath: "/usr/bin/make"), "make is missing: apt-get install make")
        let plan = try ProcessRunner.run(
            URL(fileURLWithPath: "/usr/bin/make"), ["-n", "install", "PREFIX=/nonexistent"], directory: BinaryLocator.packageRoot)
        #expect(plan.status == 0 && plan.stdout.contains("install-files.sh --strip"), "\(plan.stdout)\(plan.stderr)")
        // Static and at a fixed address (docs/decisions.md); PIE=1 for a position-independent one.
        #expect(plan.stdout.contains("-static-executable") && plan.stdout.contains("-no-pie")
                && !plan.stdout.contains("-static-pie"), "\(plan.stdout)")
        // Laid out by gold in the order the explorer first runs its functions, each in a section
        // of its own (scripts/link-order.sh writes the list, which names sections).
        let order = BinaryLocator.packageRoot.appendingPathComponent("scripts/first-screen.order")
        #expect(plan.stdout.contains("-use-ld=gold") && plan.stdout.contains("-function-sections")
                && plan.stdout.contains("--section-ordering-file=\(order.path)"), "\(plan.stdout)")
        let sections = try String(contentsOf: order, encoding: .utf8).split(separator: "\n")
        #expect(sections.count > 1_000 && sections.allSatisfy { $0.hasPrefix(".text.") }
                && sections.contains(".text.smtp_codes_main"), "\(sections.prefix(5))")
        let pie = try ProcessRunner.run(
            URL(fileURLWithPath: "/usr/bin/make"), ["-n", "install", "PREFIX=/nonexistent", "PIE=1"],
            directory: BinaryLocator.packageRoot)
        #expect(pie.stdout.contains("-static-executable") && pie.stdout.contains("-static-pie")
                && pie.stdout.contains("pack-relative-relocs") && !pie.stdout.contains("-no-pie")
                && pie.stdout.contains("-use-ld=bfd") && !pie.stdout.contains("--section-ordering-file"), "\(pie.stdout)")
    }

    /// `make install` has the installed binary write the bundled catalog's snapshot
    /// (scripts/install-files.sh); the commands then read it and say what the JSON says.
    @Test func theCatalogSnapshotIsWrittenBesideTheCatalogAndChangesNoOutput() throws {
        let resources = FileManager.default.temporaryDirectory.appendingPathComponent("snapshot-cli-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: resources) }
        try FileManager.default.copyItem(at: try BundledCatalog.resources, to: resources)
        let snapshot = resources.appendingPathComponent("catalog.snapshot")
        try? FileManager.default.removeItem(at: snapshot)
        let environment = ["SMTP_CODES_RESOURCES": resources.path]
        let before = try ProcessRunner.smtpCodes(["list", "--json"], environment: environment)
        let shown = try ProcessRunner.smtpCodes(["show", "5.7.26", "--lang", "id"], environment: environment)
        let written = try ProcessRunner.smtpCodes(["--write-catalog-snapshot"], environment: environment)
        #expect(written.status == 0 && written.stdout.isEmpty, "\(written.stderr)")
        #expect(FileManager.default.fileExists(atPath: snapshot.path))
        let after = try ProcessRunner.smtpCodes(["list", "--json"], environment: environment)
        #expect(after.status == 0 && after.stdout == before.stdout && before.stdout.count > 10_000)
        #expect(try ProcessRunner.smtpCodes(["show", "5.7.26", "--lang", "id"], environment: environment).stdout == shown.stdout)
        // Not offered to people: it is for the install script.
        #expect(!(try ProcessRunner.smtpCodes(["--help"])).stdout.contains("snapshot"))
    }

    @Test func aCatalogWithProblemsGetsNoSnapshotAndTheInstallSaysWhy() throws {
        let resources = FileManager.default.temporaryDirectory.appendingPathComponent("snapshot-bad-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: resources) }
        try FileManager.default.copyItem(at: try BundledCatalog.resources, to: resources)
        try? FileManager.default.removeItem(at: resources.appendingPathComponent("catalog.snapshot"))
        try Data(#"{"schema": 1, "entries": [{"code": "553"}]}"#.utf8).write(to: resources.appendingPathComponent("catalog/zz.json"))
        let result = try ProcessRunner.smtpCodes(["--write-catalog-snapshot"], environment: ["SMTP_CODES_RESOURCES": resources.path])
        #expect(result.status == 65 && result.stderr.contains("catalog/zz.json"), "\(result.stderr)")
        #expect(!FileManager.default.fileExists(atPath: resources.appendingPathComponent("catalog.snapshot").path))
    }

    @Test func helpListsExitCodesAndExamples() throws {
        let result = try ProcessRunner.smtpCodes(["--help"])
        #expect(result.stdout.contains("EXIT STATUS") && result.stdout.contains("66") && result.stdout.contains("smtp-codes show 553"))
    }

    @Test func versionPrints() throws {
        let result = try ProcessRunner.smtpCodes(["--version"])
        #expect(result.status == 0 && !result.stdout.isEmpty)
    }
}
