import Foundation
import Testing
import TestSupport

/// Tab completion of codes for `show` and `compare`. The generated scripts ask the binary
/// `smtp-codes ---completion SUBCOMMAND -- positional@N WORD-INDEX CURSOR WORDS...`.
@Suite struct CompletionTests {
    /// The candidates for the last word of `words`, with the cursor at its end.
    static func complete(_ subcommand: String, position: Int, _ words: [String]) throws -> [String] {
        let typed = words.last ?? ""
        let result = try ProcessRunner.smtpCodes(
            ["---completion", subcommand, "--", "positional@\(position)", "\(words.count - 1)", "\(typed.count)"] + words)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.isEmpty)
        return result.stdout.split(separator: "\n").map(String.init)
    }

    @Test func showCompletesBasicCodesFromThePrefix() throws {
        let codes = try Self.complete("show", position: 0, ["smtp-codes", "show", "55"])
        #expect(codes.contains("550") && codes.contains("553") && codes.contains("554"))
        #expect(codes.allSatisfy { $0.hasPrefix("55") && $0.count == 3 })
    }

    @Test func anyLaterCodeOfShowIsCompletedToo() throws {
        let codes = try Self.complete("show", position: 0, ["smtp-codes", "show", "553", "42"])
        #expect(codes.contains("421") && codes.allSatisfy { $0.hasPrefix("42") })
    }

    /// Detail codes are stored once for every class (X.7.26); typed with a class they are
    /// offered in that class, which is how `show` reads them.
    @Test func enhancedCodesAreOfferedInTheTypedClass() throws {
        let codes = try Self.complete("show", position: 0, ["smtp-codes", "show", "5.7.2"])
        #expect(codes.contains("5.7.26") && codes.contains("5.7.2"))
        #expect(codes.allSatisfy { $0.hasPrefix("5.7.2") })
        let anyClass = try Self.complete("show", position: 0, ["smtp-codes", "show", "x.1."])
        #expect(anyClass.contains("x.1.1") && anyClass.allSatisfy { $0.hasPrefix("x.1.") })
    }

    @Test func compareCompletesBothCodes() throws {
        let first = try Self.complete("compare", position: 0, ["smtp-codes", "compare", "33"])
        #expect(first == ["334"])
        let second = try Self.complete("compare", position: 1, ["smtp-codes", "compare", "334", "4.2."])
        #expect(second.contains("4.2.2") && second.allSatisfy { $0.hasPrefix("4.2.") })
    }

    @Test func anEmptyWordOffersEveryCode() throws {
        let all = try Self.complete("show", position: 0, ["smtp-codes", "show", ""])
        let listed = try ProcessRunner.smtpCodes(["list", "--json"])
        let codes = try #require(try JSONSerialization.jsonObject(with: Data(listed.stdout.utf8)) as? [Any]).count
        #expect(all.count == codes && all.contains("553") && all.contains("X.1.1"))
    }

    @Test func nothingMatchesNothing() throws {
        #expect(try Self.complete("show", position: 0, ["smtp-codes", "show", "9"]).isEmpty)
        #expect(try Self.complete("show", position: 0, ["smtp-codes", "show", "mailbox"]).isEmpty)
    }

    /// The codes come from the catalog the command would read: `--catalog` on the line counts.
    @Test func completesFromTheCatalogOnTheCommandLine() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("smtp-codes-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("mine.json")
        try CatalogFixture.document([CatalogFixture.entry("553"), CatalogFixture.entry("521")]).write(to: file)
        let spaced = try Self.complete("show", position: 0, ["smtp-codes", "--no-bundled", "--catalog", file.path, "show", "5"])
        #expect(Set(spaced) == ["553", "521"] && spaced.count == 2)
        let joined = try Self.complete("show", position: 0, ["smtp-codes", "show", "--no-bundled", "--catalog=\(file.path)", "55"])
        #expect(joined == ["553"])
        // An unreadable catalog completes nothing and prints no error into the command line.
        let missing = try Self.complete("show", position: 0, ["smtp-codes", "--catalog", "/nonexistent.json", "show", "5"])
        #expect(missing.isEmpty)
    }

    /// The generated scripts (ArgumentParser writes them from the commands) know `triage`, its
    /// options and their values, and `explain`'s new flags.
    @Test func scriptsKnowTriageAndItsOptions() throws {
        let bash = try ProcessRunner.smtpCodes(["--generate-completion-script", "bash"]).stdout
        #expect(bash.contains("list|show|compare|explain|triage|search|help"))
        let triage = try #require(bash.range(of: "_smtp-codes_triage() {")).upperBound
        let body = bash[triage...].split(separator: "\n}\n", maxSplits: 1)[0]
        for option in ["--json", "--ndjson", "--format", "--top", "--by"] { #expect(body.contains(option), "\(option)") }
        #expect(body.contains("'reason'$'\\n''code'$'\\n''provider'$'\\n''domain'"))
        #expect(body.contains("'auto'$'\\n''reply'$'\\n''postfix'$'\\n''exim'$'\\n''sendmail'$'\\n''mail'$'\\n''transcript'"))
        let explain = try #require(bash.range(of: "_smtp-codes_explain() {")).upperBound
        let explainBody = bash[explain...].split(separator: "\n}\n", maxSplits: 1)[0]
        for option in ["--brief", "--ndjson", "--format"] { #expect(explainBody.contains(option), "\(option)") }
        for shell in ["zsh", "fish"] {
            let script = try ProcessRunner.smtpCodes(["--generate-completion-script", shell]).stdout
            #expect(script.contains("triage") && script.contains("ndjson") && script.contains("brief"), "\(shell)")
        }
    }

    /// The whole path through the generated bash script, as a Tab press runs it.
    @Test func bashScriptCompletesCodes() throws {
        try #require(FileManager.default.isExecutableFile(atPath: "/bin/bash"), "bash is missing")
        let script = try ProcessRunner.smtpCodes(["--generate-completion-script", "bash"])
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("smtp-codes-\(UUID().uuidString).bash")
        try Data(script.stdout.utf8).write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        let press = """
            source "$1"
            COMP_WORDS=(smtp-codes compare 553 5.7.2); COMP_CWORD=3
            COMP_LINE="${COMP_WORDS[*]}"; COMP_POINT=${#COMP_LINE}
            _smtp-codes
            printf '%s\\n' "${COMPREPLY[@]}"
            """
        let path = BinaryLocator.buildFolder.path + ":" + (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin")
        let result = try ProcessRunner.run(
            URL(fileURLWithPath: "/bin/bash"), ["-c", press, "bash", file.path], environment: ["PATH": path])
        let offered = result.stdout.split(separator: "\n")
        #expect(offered.contains("5.7.26") && offered.allSatisfy { $0.hasPrefix("5.7.2") }, "\(result.stdout) \(result.stderr)")
    }
}
