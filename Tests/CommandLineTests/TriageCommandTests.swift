import Foundation
import Testing
import TestSupport

/// `smtp-codes triage` and the streaming forms of `explain` (`--brief`, `--ndjson`), on the
/// built binary: plain and gzip input, the NDJSON contract, hostile input and exit statuses.
@Suite struct TriageCommandTests {
    static let replies = """
        550 5.1.1 The email account that you tried to reach does not exist. Please try double-checking the recipient's email address. gsmtp
        550 5.1.1 <bob@example.com>: Recipient address rejected: User unknown in virtual alias table
        421 4.7.0 [TSS04] Messages from 192.0.2.1 temporarily deferred due to unexpected volume or user complaints
        451 4.7.1 Greylisted, please try again later
        550 5.7.606 Access denied, banned sending IP [192.0.2.1]
        250 2.0.0 OK

        """

    /// A scratch folder, removed by the caller.
    static func folder() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("triage-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }

    /// Runs `script` in bash with `$0` the binary and `$1` the folder, for redirections and pipes.
    static func shell(_ script: String, in folder: URL, environment: [String: String] = [:]) throws -> ProcessResult {
        try ProcessRunner.run(URL(fileURLWithPath: "/bin/bash"), ["-c", script, BinaryLocator.binary.path, folder.path],
                              environment: environment, removing: ["NO_COLOR", "COLUMNS"])
    }

    static func json(_ text: String) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }

    static func ndjson(_ text: String) throws -> [[String: Any]] {
        try text.split(separator: "\n").map { line in
            try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any], "not an object: \(line)")
        }
    }

    static func hasControlCharacters(_ text: String) -> Bool {
        text.unicodeScalars.contains { ($0.value < 0x20 && $0 != "\n") || (0x7F...0x9F).contains($0.value) }
    }

    // MARK: - Reading

    @Test func plainReplyLinesFromStandardInputAreTriaged() throws {
        let result = try ProcessRunner.smtpCodes(["triage"], stdin: Self.replies)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.isEmpty)
        let out = result.stdout
        #expect(out.hasPrefix("standard input: "))
        #expect(out.contains("6 replies: 1 delivered, 2 deferred, 0 bounced, 3 rejected, 0 unknown"))
        #expect(out.contains("5 not delivered: 2 hard, 3 soft"))
        #expect(out.contains("By reason: 4 of 4 groups"))
        #expect(out.contains("Recipient unknown") && out.contains("Gmail / Google Workspace") && out.contains("Yahoo / AOL"))
        #expect(out.contains("e.g. 550 5.7.606 Access denied, banned sending IP [192.0.2.1]"))
        #expect(!out.contains("\u{1B}"))
        let dash = try ProcessRunner.smtpCodes(["triage", "-"], stdin: Self.replies)
        #expect(dash.stdout == out)
    }

    /// A gzip-compressed file reads as its plain text does; files and standard input mix.
    @Test func aGzipFileIsReadAsItsText() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try Data(Self.replies.utf8).write(to: folder.appendingPathComponent("mail.log"))
        let made = try Self.shell(#"cd "$1" && gzip -c -n mail.log > mail.log.1.gz && cat mail.log.1.gz mail.log.1.gz > twice.gz"#, in: folder)
        try #require(made.status == 0, "\(made.stderr)")
        let plain = try Self.shell(#""$0" triage --json "$1/mail.log""#, in: folder)
        let packed = try Self.shell(#""$0" triage --json "$1/mail.log.1.gz""#, in: folder)
        #expect(plain.status == 0 && packed.status == 0, "\(packed.stderr)")
        var plainDocument = try Self.json(plain.stdout), packedDocument = try Self.json(packed.stdout)
        plainDocument["inputs"] = nil
        packedDocument["inputs"] = nil
        #expect(NSDictionary(dictionary: plainDocument) == NSDictionary(dictionary: packedDocument))
        // Concatenated members, then standard input after a file.
        let both = try Self.shell(#""$0" triage --json "$1/twice.gz" - < "$1/mail.log""#, in: folder)
        let document = try Self.json(both.stdout)
        #expect((document["totals"] as? [String: Int])?["replies"] == 18)
        let inputs = try #require(document["inputs"] as? [[String: Any]])
        #expect(inputs.map { $0["name"] as? String } == [folder.path + "/twice.gz", "-"])
        #expect(inputs.map { $0["lines"] as? Int } == [12, 6])
    }

    @Test func groupingsAndTopChangeTheReport() throws {
        let byCode = try ProcessRunner.smtpCodes(["triage", "--by", "code", "--top", "2"], stdin: Self.replies)
        #expect(byCode.status == 0)
        #expect(byCode.stdout.contains("By code: 2 of 4 groups") && byCode.stdout.contains("… 2 more (2 replies)"))
        let document = try Self.json(try ProcessRunner.smtpCodes(["triage", "--by", "provider", "--json", "--top", "0"], stdin: Self.replies).stdout)
        #expect(document["grouping"] as? String == "provider" && document["more_groups"] as? Int == 0)
        let groups = try #require(document["groups"] as? [[String: Any]])
        #expect(groups.count == 5 && groups.allSatisfy { $0["level"] as? String == "provider" })
    }

    @Test func colourFollowsTheColourChoice() throws {
        let always = try ProcessRunner.smtpCodes(["triage", "--color", "always"], stdin: Self.replies)
        #expect(always.stdout.contains("\u{1B}[31m█") && always.stdout.contains("\u{1B}[1m"))
        let noColor = try ProcessRunner.smtpCodes(["triage"], stdin: Self.replies, environment: ["NO_COLOR": "1"])
        #expect(!noColor.stdout.contains("\u{1B}"))
        let never = try ProcessRunner.smtpCodes(["triage", "--color", "never"], stdin: Self.replies)
        #expect(!never.stdout.contains("\u{1B}") && never.stdout.contains("█"))
    }

    // MARK: - NDJSON

    /// Every line parses, carries exactly the documented keys, and reading its reply back gives the same reason.
    @Test func ndjsonRoundTrips() throws {
        let corpus = try String(contentsOf: BinaryLocator.packageRoot.appendingPathComponent(
            "Tests/ReplyExplainerTests/Fixtures/labelled-replies.jsonl"), encoding: .utf8)
        let texts = try corpus.split(separator: "\n").map { line in
            try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])["text"] as? String ?? ""
        }
        let result = try ProcessRunner.smtpCodes(["triage", "--ndjson"], stdin: texts.joined(separator: "\n") + "\n")
        #expect(result.status == 0, "\(result.stderr)")
        let objects = try Self.ndjson(result.stdout)
        #expect(objects.count >= texts.count * 9 / 10)
        let keys: Set<String> = ["reply_code", "enhanced_code", "reason", "hard", "provider", "provider_code", "command",
                                 "recipient", "text", "file", "line", "timestamp", "dsn_action", "outcome"]
        for object in objects {
            #expect(Set(object.keys) == keys)
            #expect(object["file"] as? String == "-" && object["line"] is Int && object["hard"] is Bool)
            #expect(object["outcome"] as? String != nil && object["reason"] as? String != nil)
        }
        // The replies with codes written back as one line each, read again by explain --ndjson.
        let coded = objects.filter { !($0["reply_code"] is NSNull) || !($0["enhanced_code"] is NSNull) }
        #expect(coded.count > objects.count * 9 / 10)
        let again = coded.map { object in
            [object["reply_code"] as? String, object["enhanced_code"] as? String, (object["text"] as? String)?
                .replacingOccurrences(of: "\n", with: " ")].compactMap { $0 }.joined(separator: " ")
        }
        let reread = try ProcessRunner.smtpCodes(["explain", "--ndjson"], stdin: again.joined(separator: "\n") + "\n")
        let rereadObjects = try Self.ndjson(reread.stdout)
        #expect(rereadObjects.count == coded.count)
        var differing: [String] = []
        for (first, second) in zip(coded, rereadObjects) where first["reason"] as? String != second["reason"] as? String {
            differing.append("\(first["reason"] ?? "?") → \(second["reason"] ?? "?"): \(first["text"] ?? "")")
        }
        #expect(differing.isEmpty, "\(differing.joined(separator: "\n"))")
    }

    /// explain --ndjson writes the same objects as triage --ndjson; explain --brief one line per reply.
    @Test func explainStreamsTheSameObjectsAndBriefLines() throws {
        let triage = try ProcessRunner.smtpCodes(["triage", "--ndjson"], stdin: Self.replies)
        let explain = try ProcessRunner.smtpCodes(["explain", "--ndjson"], stdin: Self.replies)
        #expect(triage.stdout == explain.stdout && explain.status == 0)
        let arguments = try ProcessRunner.smtpCodes(["explain", "--ndjson", "451 4.7.1 Greylisted, please try again later"])
        let object = try #require(try Self.ndjson(arguments.stdout).first)
        #expect(object["file"] is NSNull && object["reason"] as? String == "greylisted" && object["outcome"] as? String == "deferred")
        let brief = try ProcessRunner.smtpCodes(["explain", "--brief"], stdin: Self.replies)
        let lines = brief.stdout.split(separator: "\n")
        #expect(brief.status == 0 && lines.count == 6)
        #expect(lines[0].hasPrefix("550 5.1.1 · Recipient unknown (hard bounce) · Gmail / Google Workspace · "))
        #expect(lines[2].hasPrefix("421 4.7.0 · Poor sender reputation (soft bounce) · Yahoo / AOL TSS04 · "))
        #expect(lines[3].hasPrefix("451 4.7.1 · Greylisted (soft bounce) · "))
    }

    /// `explain --json` keeps every key it had and adds where the reply was found.
    @Test func explainJSONGainsRecipientDSNActionAndOutcome() throws {
        let result = try ProcessRunner.smtpCodes(["explain", "--json"], stdin: "451 4.7.1 Greylisted, please try again later")
        let objects = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [[String: Any]])
        #expect(objects.first?["outcome"] as? String == "deferred")
        #expect(objects.first?["recipient"] is NSNull && objects.first?["dsn_action"] is NSNull)
    }

    // MARK: - Hostile input and exit statuses

    @Test func binaryInputUnderstoodNowhereExitsOne() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        var generator = SystemRandomNumberGenerator()
        var bytes = (0..<200_000).map { _ in UInt8.random(in: 0...255, using: &generator) }
        // No line may start like a reply by chance.
        for index in bytes.indices where bytes[index] >= 0x30 && bytes[index] <= 0x39 { bytes[index] = 0x1B }
        bytes[0] = 0x41 // not gzip's magic
        try Data(bytes).write(to: folder.appendingPathComponent("noise.bin"))
        let result = try Self.shell(#""$0" triage "$1/noise.bin""#, in: folder)
        #expect(result.status == 1)
        #expect(result.stderr.contains("no SMTP reply code found"))
        #expect(!Self.hasControlCharacters(result.stdout) && !Self.hasControlCharacters(result.stderr))
        // The same noise around one reply: that reply is understood, so the exit is 0.
        try Data(bytes + Array("\n550 5.1.1 user unknown\n".utf8) + bytes).write(to: folder.appendingPathComponent("mixed.bin"))
        let mixed = try Self.shell(#""$0" triage "$1/mixed.bin""#, in: folder)
        #expect(mixed.status == 0, "\(mixed.stderr)")
        #expect(!Self.hasControlCharacters(mixed.stdout))
        #expect(mixed.stdout.contains("Recipient unknown"))
    }

    @Test func aFiftyMegabyteLineIsCutAndTheRestRead() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let made = try Self.shell(#"{ printf '550 5.1.1 '; head -c 52428800 /dev/zero | tr '\0' x; printf '\n451 4.7.1 Greylisted, try later\n'; } > "$1/huge.log""#, in: folder)
        try #require(made.status == 0)
        let started = Date()
        let result = try Self.shell(#""$0" triage --json "$1/huge.log""#, in: folder)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(Date().timeIntervalSince(started) < 60)
        let document = try Self.json(result.stdout)
        let input = try #require((document["inputs"] as? [[String: Any]])?.first)
        #expect(input["lines"] as? Int == 2 && input["cut_lines"] as? Int == 1)
        #expect((document["totals"] as? [String: Int])?["replies"] == 2)
    }

    /// A cut-off gzip file: the lines before the cut are counted, the message names the file and the byte.
    @Test func aTruncatedGzipFileIsReportedAndTheRestCounted() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let lines = (1...20_000).map { "550 5.1.1 <user\($0)@example.com>: Recipient address rejected: User unknown \($0 * 7919)" }
        try Data((lines.joined(separator: "\n") + "\n").utf8).write(to: folder.appendingPathComponent("mail.log"))
        let made = try Self.shell(#"cd "$1" && gzip -c -n mail.log > full.gz && head -c $(( $(stat -c %s full.gz) / 2 )) full.gz > cut.gz && head -c 15 full.gz > header.gz"#, in: folder)
        try #require(made.status == 0, "\(made.stderr)")
        let size = try #require(try FileManager.default.attributesOfItem(atPath: folder.appendingPathComponent("cut.gz").path)[.size] as? Int)
        let result = try Self.shell(#""$0" triage --json "$1/cut.gz""#, in: folder)
        #expect(result.status == 0)
        #expect(result.stderr.contains("\(folder.path)/cut.gz: the gzip data is truncated at byte \(size)"), "\(result.stderr)")
        let document = try Self.json(result.stdout)
        let input = try #require((document["inputs"] as? [[String: Any]])?.first)
        let replies = try #require((document["totals"] as? [String: Int])?["replies"])
        #expect(replies > 1_000 && replies < 20_000)
        #expect((input["problem"] as? String)?.contains("truncated at byte \(size)") == true)
        // Nothing before the cut: nothing understood, exit 1, and the cut still named.
        let header = try Self.shell(#""$0" triage "$1/header.gz""#, in: folder)
        #expect(header.status == 1)
        #expect(header.stderr.contains("header.gz: the gzip data is truncated at byte 15"))
        #expect(header.stderr.contains("no SMTP reply code found"))
    }

    @Test func unreadableFilesExit74NamingTheFile() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try Data(Self.replies.utf8).write(to: folder.appendingPathComponent("mail.log"))
        let missing = try Self.shell(#""$0" triage "$1/missing.log""#, in: folder)
        #expect(missing.status == 74)
        #expect(missing.stderr.contains("smtp-codes: \(folder.path)/missing.log: cannot be read: No such file or directory"))
        let directory = try Self.shell(#""$0" triage "$1""#, in: folder)
        #expect(directory.status == 74 && directory.stderr.contains("cannot be read: Is a directory"))
        // The readable file is still reported; the status says one was not.
        let mixed = try Self.shell(#""$0" triage "$1/missing.log" "$1/mail.log""#, in: folder)
        #expect(mixed.status == 74 && mixed.stdout.contains("6 replies:"))
    }

    @Test(arguments: [
        ["triage", "--json", "--ndjson"], ["triage", "--top", "-1"], ["triage", "--by", "color"], ["triage", "--format", "pdf"],
        ["explain", "--brief", "--json"], ["explain", "--ndjson", "--brief"], ["explain", "--format", "csv", "550 x"],
    ])
    func badOptionsAreUsageErrors(arguments: [String]) throws {
        let result = try ProcessRunner.smtpCodes(arguments, stdin: "")
        #expect(result.status == 64, "\(result.stderr)")
        #expect(result.stdout.isEmpty)
    }

    @Test func emptyInputUnderstandsNothing() throws {
        let result = try ProcessRunner.smtpCodes(["triage"], stdin: "")
        #expect(result.status == 1 && result.stderr.contains("no SMTP reply code found"))
        let ndjson = try ProcessRunner.smtpCodes(["explain", "--ndjson"], stdin: "hello\n")
        #expect(ndjson.status == 1 && ndjson.stdout.isEmpty)
    }

    /// Over 16 MiB, with standard error on a terminal (script(1) gives it one), a progress line is
    /// drawn with carriage returns and cleared at the end; never into standard output or a pipe.
    /// script(1) is in util-linux's bsdutils, which every Debian has; without it the test fails, never skips.
    @Test func aLargeFileShowsProgressOnATerminalAndClearsIt() throws {
        try #require(FileManager.default.isExecutableFile(atPath: "/usr/bin/script"), "script(1) is missing: apt-get install bsdutils")
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let made = try Self.shell(#"{ printf '550 5.1.1 user unknown\n'; head -c 17825792 /dev/zero | tr '\0' x; printf '\n'; } > "$1/big.log""#, in: folder)
        try #require(made.status == 0)
        let onTerminal = try Self.shell(#"script -qec "'$0' triage '$1/big.log' > '$1/report.txt'" /dev/null"#, in: folder)
        #expect(onTerminal.status == 0, "\(onTerminal.stdout)")
        let drawn = onTerminal.stdout
        #expect(drawn.contains("MiB of 17 MiB ("), "\(drawn)")
        #expect(!drawn.contains("\u{1B}"))
        // Cleared: the last thing drawn is spaces between carriage returns.
        #expect(drawn.range(of: #"\r +\r"#, options: .regularExpression) != nil)
        let report = try String(contentsOf: folder.appendingPathComponent("report.txt"), encoding: .utf8)
        #expect(report.contains("Recipient unknown") && !report.contains("MiB of"))
        let piped = try Self.shell(#""$0" triage "$1/big.log" 2>&1 >/dev/null | cat"#, in: folder)
        #expect(!piped.stdout.contains("MiB"))
    }

    /// Standard input compressed with gzip is inflated for explain too.
    @Test func explainReadsGzipFromStandardInput() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try Data(Self.replies.utf8).write(to: folder.appendingPathComponent("mail.log"))
        let result = try Self.shell(#"gzip -c "$1/mail.log" | "$0" explain --brief"#, in: folder)
        #expect(result.status == 0 && result.stdout.split(separator: "\n").count == 6)
    }

    /// Each kind of input of issue #12, through the real command: the format detected, the
    /// replies found (one per DSN recipient), the recipients named and the reasons given.
    @Test(arguments: [
        ("dsn-postfix.eml", "mail", 2, 2, ["mailbox_full", "recipient_unknown"]),
        ("three.mbox", "mail", 3, 3, ["greylisted", "message_too_large", "recipient_unknown"]),
        ("bounce-qmail.eml", "mail", 3, 3, ["recipient_unknown"]),
        ("swaks.txt", "transcript", 12, 4, ["delivered", "recipient_unknown"]),
        ("postfix.log", "postfix", 13, 12, ["greylisted", "ip_blocklisted", "recipient_unknown", "sender_auth_failed"]),
        ("exim-main.log", "exim", 9, 8, ["greylisted", "recipient_unknown", "relay_denied"]),
        ("sendmail.log", "sendmail", 7, 6, ["recipient_unknown", "relay_denied"]),
    ])
    func everyKindOfInputIsTriaged(file: String, format: String, replies: Int, recipients: Int, reasons: [String]) throws {
        let path = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("ReplyExplainerTests/Fixtures/formats/\(file)").path
        let report = try ProcessRunner.smtpCodes(["triage", path])
        #expect(report.status == 0 && report.stdout.contains(": \(format), ") && report.stdout.contains("\(replies) replies"), "\(report.stdout)")
        let ndjson = try ProcessRunner.smtpCodes(["triage", "--ndjson", path])
        let objects = try ndjson.stdout.split(separator: "\n").map {
            try #require(try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any])
        }
        #expect(objects.count == replies)
        #expect(objects.filter { $0["recipient"] is String }.count == recipients)
        let found = Set(objects.compactMap { $0["reason"] as? String })
        for reason in reasons { #expect(found.contains(reason), "\(file): no \(reason) in \(found)") }
    }

    /// The same log gzipped reads the same.
    @Test func aGzippedLogTriagesAsThePlainOne() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("ReplyExplainerTests/Fixtures/formats/postfix.log").path
        let zipped = try Self.shell(#"gzip -c "$0" > "$1/postfix.log.gz""#.replacingOccurrences(of: "$0", with: path), in: folder)
        try #require(zipped.status == 0)
        let plain = try ProcessRunner.smtpCodes(["triage", "--ndjson", path]).stdout
        let inflated = try ProcessRunner.smtpCodes(["triage", "--ndjson", folder.appendingPathComponent("postfix.log.gz").path]).stdout
        #expect(!plain.isEmpty && plain.replacingOccurrences(of: path, with: "X") == inflated.replacingOccurrences(of: folder.appendingPathComponent("postfix.log.gz").path, with: "X"))
    }
}
