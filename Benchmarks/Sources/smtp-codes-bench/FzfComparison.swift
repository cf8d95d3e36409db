import Foundation
import CatalogLoading
import CatalogSearch
import SMTPCatalog

/// Runs the benchmark queries through `fzf --filter` and `fzf --exact --filter` on the
/// same entries (one line each) and through `smtp-codes search`, as whole processes.
struct FzfComparison {
    let path: String
    let catalogSize: Int

    func report() throws {
        guard let fzf = which("fzf") else {
            print("fzf is not installed (apt-get install fzf); skipping the comparison.\n")
            return
        }
        let catalog = try CatalogLoader.load(from: URL(fileURLWithPath: path))
        let lines = catalog.entries.map { "\($0.code) \($0.title) \($0.summary) \($0.keywords.joined(separator: " "))" }
        let linesFile = FileManager.default.temporaryDirectory.appendingPathComponent("smtp-codes-bench/lines-\(catalogSize).txt")
        try lines.joined(separator: "\n").write(to: linesFile, atomically: true, encoding: .utf8)
        let smtpCodes = ProcessInfo.processInfo.environment["SMTP_CODES_BIN"].flatMap { FileManager.default.isExecutableFile(atPath: $0) ? $0 : nil }
        print("### Whole-process comparison with fzf (\(catalog.entries.count) entries)\n")
        print("| query | fzf --filter | fzf --exact --filter | smtp-codes search | ratio (smtp-codes / fzf) |\n|---|---|---|---|---|")
        for (_, text) in queries {
            let fuzzy = median { run(fzf, ["--filter", text], input: linesFile) }
            let exact = median { run(fzf, ["--exact", "--filter", text], input: linesFile) }
            var ours = "n/a", ratio = "n/a"
            if let smtpCodes {
                let seconds = median { run(smtpCodes, ["search", "--no-bundled", "--catalog", path, "--limit", "1000"] + text.split(separator: " ").map(String.init), input: nil) }
                ours = Measure.milliseconds(seconds)
                ratio = String(format: "%.1f×", seconds / fuzzy)
            }
            print("| `\(text)` | \(Measure.milliseconds(fuzzy)) | \(Measure.milliseconds(exact)) | \(ours) | \(ratio) |")
        }
        print("")
    }

    /// Median of a few whole-process runs (one at 100k entries, where each of ours takes seconds).
    private func median(_ work: () -> Double) -> Double {
        Measure.percentile((0..<(catalogSize > 50_000 ? 1 : 5)).map { _ in work() }, 0.5)
    }

    /// Wall time of one whole process, started with posix_spawn and reaped with waitpid:
    /// Foundation's Process notices an exit only at its run loop's pace (about 50 ms here).
    private func run(_ program: String, _ arguments: [String], input: URL?) -> Double {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, input?.path ?? "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        let argv = ([program] + arguments).map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        return Measure.seconds {
            var pid: pid_t = 0
            guard posix_spawn(&pid, program, &actions, nil, argv, environ) == 0 else { return }
            var status: Int32 = 0
            while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        }
    }

    private func which(_ name: String) -> String? {
        ["/usr/bin/", "/usr/local/bin/", "/bin/"].map { $0 + name }.first { FileManager.default.isExecutableFile(atPath: $0) }
    }
}
