import Foundation
import Testing
import TestSupport

/// Inputs and surroundings that used to crash or hang a command, each with the
/// documented outcome: a message on stderr and an exit status, never a trap.
@Suite struct HostileInputCommandTests {
    /// Runs `script` in bash with `$0` set to the binary, for redirections the runner cannot make.
    private func shell(_ script: String) throws -> ProcessResult {
        try ProcessRunner.run(URL(fileURLWithPath: "/bin/bash"), ["-c", script, BinaryLocator.binary.path], removing: ["NO_COLOR"])
    }

    private func temporaryFolder() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("hostile-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }

    @Test func aFullDiskIsReportedWithExit74() throws {
        let result = try shell(#""$0" list > /dev/full"#)
        #expect(result.status == 74)
        #expect(result.stderr == "smtp-codes: cannot write to standard output: No space left on device\n")
    }

    @Test func aClosedStandardOutputIsReportedWithExit74() throws {
        let result = try shell(#""$0" list >&-"#)
        #expect(result.status == 74)
        #expect(result.stderr.contains("cannot write to standard output: Bad file descriptor"))
    }

    /// With SIGPIPE ignored the write fails with EPIPE: leave quietly, as the signal would have.
    @Test func aReaderThatStopsEarlyEndsTheCommandQuietly() throws {
        let result = try shell(#"trap '' PIPE; "$0" list --json | head -c1 > /dev/null; echo "status=${PIPESTATUS[0]}""#)
        #expect(result.stdout == "status=141\n")
        #expect(result.stderr.isEmpty)
    }

    @Test(arguments: [("< /tmp", "Is a directory"), ("<&-", "Bad file descriptor")])
    func unreadableStandardInputIsReportedWithExit74(redirection: String, reason: String) throws {
        let result = try shell(#""$0" explain "# + redirection)
        #expect(result.status == 74)
        #expect(result.stderr == "smtp-codes: cannot read standard input: \(reason)\n")
    }

    /// `/dev/zero` used to be read until memory ran out.
    @Test func endlessInputIsReadUpToTheStatedLimit() throws {
        let catalog = try shell(#"timeout 120 "$0" list --catalog /dev/zero"#)
        #expect(catalog.status == 65)
        #expect(catalog.stderr.contains("/dev/zero: is larger than 256 MiB"))
        let explain = try shell(#"timeout 120 "$0" explain < /dev/zero"#)
        #expect(explain.status == 1)
        #expect(explain.stderr.contains("standard input is larger than 256 MiB"))
        #expect(explain.stderr.contains("no SMTP reply code found"))
    }

    @Test func aSymbolicLinkLoopIsNamedAsSuch() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let first = folder.appendingPathComponent("a.json"), second = folder.appendingPathComponent("b.json")
        try FileManager.default.createSymbolicLink(atPath: first.path, withDestinationPath: second.path)
        try FileManager.default.createSymbolicLink(atPath: second.path, withDestinationPath: first.path)
        let result = try ProcessRunner.smtpCodes(["list", "--catalog", first.path])
        #expect(result.status == 65)
        #expect(result.stderr.contains("a.json: Too many levels of symbolic links"))
        let inFolder = try ProcessRunner.smtpCodes(["list", "--catalog", folder.path])
        #expect(inFolder.status == 65)
        #expect(inFolder.stderr.contains("cannot be read: Too many levels of symbolic links"))
    }

    /// Opening a FIFO for reading used to wait forever for a writer.
    @Test func aFIFOWithNoWriterIsGivenUpOn() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let fifo = folder.appendingPathComponent("catalog.json")
        #expect(mkfifo(fifo.path, 0o600) == 0)
        let result = try shell(#"timeout 20 "$0" list --catalog "# + fifo.path)
        #expect(result.status == 65)
        #expect(result.stderr.contains("catalog.json: cannot be read: nothing was written to this FIFO within 10 seconds"))
    }

    /// ArgumentParser quotes the offending argument; its escapes must not reach the terminal.
    @Test(arguments: [
        ["list", "\u{1B}[2J\u{1B}]0;pwned\u{07}"],
        ["list", "--lang", "\u{1B}[2J"],
        ["search", "mail", "--limit", "\u{1B}]0;x\u{07}"],
        ["list", "--kind", "\u{9B}2J"],
        ["--\u{1B}[31mred"],
    ])
    func argumentErrorsNeverEchoControlCharacters(arguments: [String]) throws {
        let result = try ProcessRunner.smtpCodes(arguments)
        #expect(result.status == 64)
        #expect(result.stderr.contains("Error:"))
        #expect(!result.stderr.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" || (0x7F...0x9F).contains($0.value) })
        #expect(result.stdout.isEmpty)
    }

    /// `--help` still prints its text, line breaks and all, with status 0.
    @Test func helpStillPrintsToStandardOutput() throws {
        let result = try ProcessRunner.smtpCodes(["explain", "--help"])
        #expect(result.status == 0)
        #expect(result.stdout.contains("USAGE: smtp-codes explain"))
        #expect(result.stdout.split(separator: "\n").count > 10)
    }

    /// A line far longer than any reply is searched only to the stated limit, in linear time.
    @Test func aHugeLineIsExplainedFromItsBeginning() throws {
        let line = "550 5.1.1 " + String(repeating: "x", count: 8_000_000) + "\n"
        let result = try ProcessRunner.smtpCodes(["explain", "--json"], stdin: line)
        #expect(result.status == 0)
        let replies = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [[String: Any]])
        #expect(replies.count == 1)
        #expect(replies.first?["enhanced_code"] as? String == "5.1.1")
        let text = try #require(replies.first?["text"] as? String)
        #expect(text.count > 16_000 && text.utf8.count <= 16_384)
    }

    /// Thousands of replies on one line used to re-scan the whole line for each (448 s).
    @Test func manyRepliesOnOneLineAreFoundInOnePass() throws {
        let line = String(repeating: "; 550 ", count: 2_000) + "\n"
        let result = try ProcessRunner.smtpCodes(["explain", "--json"], stdin: line)
        #expect(result.status == 0)
        let replies = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [[String: Any]])
        #expect(replies.count == 2_000)
    }
}

@Suite struct SearchRangeUnitTests {
    /// Ranges count Unicode scalars: a title with a family emoji (7 scalars, 1 character)
    /// and a combining accent before the match still slices to the matched word.
    @Test func matchRangesSliceByCodePoints() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("ranges-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let title = "Cafe\u{301} 👨‍👩‍👧‍👦 Zebraword Mailbox"
        let entry: [String: Any] = [
            "code": "553", "kind": "basic", "class": 5, "class_name": "Permanent Negative Completion",
            "title": title, "summary": "s.", "description": "d.", "when": "w.", "fix": "f.",
            "commands": ["RCPT"], "rfcs": ["RFC 5321 §4.2.3"], "related": [], "keywords": ["k"], "standing": "standard",
        ]
        let file = folder.appendingPathComponent("c.json")
        try JSONSerialization.data(withJSONObject: ["schema": 1, "entries": [entry]]).write(to: file)
        let result = try ProcessRunner.smtpCodes(["search", "zebraword", "--json", "--catalog", file.path])
        #expect(result.status == 0)
        let hits = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [[String: Any]])
        let matches = try #require(hits.first?["matches"] as? [[String: Any]])
        let titleMatch = try #require(matches.first { $0["field"] as? String == "title" })
        let range = try #require((titleMatch["ranges"] as? [[Int]])?.first)
        let scalars = Array(title.unicodeScalars)
        #expect(String(String.UnicodeScalarView(scalars[range[0]..<range[1]])) == "Zebraword")
    }
}
