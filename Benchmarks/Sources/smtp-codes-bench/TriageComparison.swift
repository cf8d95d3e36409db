import Foundation

/// Issue #12's whole-process comparison, in one run: `smtp-codes triage` and
/// `explain --ndjson` on a generated Postfix log beside pflogsumm and awk selecting the
/// reply-carrying lines, peak memory at 100k and 1M lines, and bounce messages per
/// second beside Sisimai on the same mbox. Time and peak memory come from
/// `/usr/bin/time -f "%e %M"`, so every tool is measured the same way, each the best of
/// three runs.
struct TriageComparison {
    let smtpCodes: String
    let replies: [String]
    let folder: URL

    func report(lines: [Int] = [100_000, 1_000_000], bounces: Int = 5_000) throws {
        print("## Logs and bounces (issue #12)\n")
        var logs: [Int: URL] = [:]
        for count in lines {
            let url = folder.appendingPathComponent("postfix-\(count).log")
            if !FileManager.default.fileExists(atPath: url.path) {
                var generator = LogGenerator(replies: replies)
                try generator.write(lines: count, to: url)
            }
            logs[count] = url
        }
        print("| log lines | tool | seconds | peak memory | vs smtp-codes triage |")
        print("|---|---|---|---|---|")
        var peaks: [Int: Double] = [:]
        for count in lines {
            guard let log = logs[count] else { continue }
            let ours = measure(smtpCodes, ["triage", log.path])
            peaks[count] = ours.megabytes
            row(count, "smtp-codes triage", ours, ours)
            let ndjson = measure("/bin/sh", ["-c", "'\(smtpCodes)' explain --ndjson < '\(log.path)' | wc -l"])
            row(count, "smtp-codes explain --ndjson (\(ndjson.output.trimmingCharacters(in: .whitespacesAndNewlines)) replies, \(rate(ndjson)) replies/s)", ndjson, ours)
            if let pflogsumm = which("pflogsumm") {
                row(count, "pflogsumm", measure(pflogsumm, [log.path]), ours)
            } else {
                print("| \(count) | pflogsumm | not installed (apt-get install pflogsumm) | | |")
            }
            row(count, "awk (reply-carrying lines)", measure("/usr/bin/awk", ["/ said: [245][0-9][0-9]|status=|NOQUEUE: reject/ { n++ } END { print n }", log.path]), ours)
        }
        if let small = peaks[lines.first ?? 0], let large = peaks[lines.last ?? 0], small > 0 {
            print(String(format: "\nPeak memory of `triage` at %d lines is %.2f× the peak at %d lines.\n", lines.last!, large / small, lines.first!))
        }
        let mbox = folder.appendingPathComponent("bounces-\(bounces).mbox")
        if !FileManager.default.fileExists(atPath: mbox.path) {
            try BounceGenerator(replies: replies).write(messages: bounces, to: mbox)
        }
        print("| bounce messages | tool | seconds | peak memory | messages/s |")
        print("|---|---|---|---|---|")
        let ours = measure(smtpCodes, ["triage", "--format", "mail", mbox.path])
        if ours.status != 0 { print("| \(bounces) | smtp-codes triage | failed (exit \(ours.status)) | | |") } else {
        print("| \(bounces) | smtp-codes triage | \(String(format: "%.2f", ours.seconds)) | \(String(format: "%.0f MiB", ours.megabytes)) | \(String(format: "%.0f", Double(bounces) / ours.seconds)) |")
        }
        let sisimai = measure("/usr/bin/perl", ["-MSisimai", "-e", "my $v = Sisimai->make($ARGV[0]) || []; print scalar(@$v), \"\\n\"", mbox.path])
        if sisimai.status == 0 {
            print("| \(bounces) | Sisimai->make (\(sisimai.output.trimmingCharacters(in: .whitespacesAndNewlines)) results) | \(String(format: "%.2f", sisimai.seconds)) | \(String(format: "%.0f MiB", sisimai.megabytes)) | \(String(format: "%.0f", Double(bounces) / sisimai.seconds)) |")
            print(String(format: "\nsmtp-codes reads bounces %.1f× as fast as Sisimai.\n", sisimai.seconds / ours.seconds))
        } else {
            print("| \(bounces) | Sisimai | not installed (apt-get install libsisimai-perl) | | |\n")
        }
    }

    struct Run {
        var seconds: Double
        var megabytes: Double
        var status: Int32
        var output: String
    }

    private func rate(_ run: Run) -> String {
        let count = Double(run.output.trimmingCharacters(in: .whitespacesAndNewlines)) ?? 0
        return String(format: "%.0f", count / max(run.seconds, 1e-9))
    }

    private func row(_ lines: Int, _ tool: String, _ run: Run, _ ours: Run) {
        guard run.status == 0 else {
            print("| \(lines) | \(tool) | failed (exit \(run.status)) | | |")
            return
        }
        print("| \(lines) | \(tool) | \(String(format: "%.2f", run.seconds)) | \(String(format: "%.0f MiB", run.megabytes)) | \(String(format: "%.1f×", run.seconds / max(ours.seconds, 1e-9))) |")
    }

    /// Each tool's best of this many runs: the machine is a shared virtual one whose
    /// neighbours come and go, and a slow run says more about them than about the tool.
    static let runs = 3

    /// The fastest of `runs` runs (the peak memory the largest seen), as `once` measures them.
    private func measure(_ program: String, _ arguments: [String]) -> Run {
        let all = (0..<Self.runs).map { _ in once(program, arguments) }
        guard var best = all.filter({ $0.status == 0 }).min(by: { $0.seconds < $1.seconds }) else { return all[0] }
        best.megabytes = all.map(\.megabytes).max() ?? best.megabytes
        return best
    }

    /// Runs `/usr/bin/time -f "%e %M" program arguments`, output to a pipe (read whole), timing to a file.
    private func once(_ program: String, _ arguments: [String]) -> Run {
        let timing = folder.appendingPathComponent("time-\(UUID().uuidString)")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/time")
        process.arguments = ["-o", timing.path, "-f", "%e %M", program] + arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = FileHandle.nullDevice
        do { try process.run() } catch { return Run(seconds: .nan, megabytes: .nan, status: -1, output: "") }
        let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        let fields = ((try? String(contentsOf: timing, encoding: .utf8)) ?? "").split(whereSeparator: \.isWhitespace).suffix(2)
        try? FileManager.default.removeItem(at: timing)
        let seconds = fields.first.flatMap { Double($0) } ?? .nan
        let kilobytes = fields.last.flatMap { Double($0) } ?? .nan
        return Run(seconds: seconds, megabytes: kilobytes / 1024, status: process.terminationStatus, output: String(output.suffix(200)))
    }

    private func which(_ name: String) -> String? {
        ["/usr/sbin/", "/usr/bin/", "/usr/local/bin/"].map { $0 + name }.first { FileManager.default.isExecutableFile(atPath: $0) }
    }
}
