import Foundation
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
                let seconds = median { run(smtpCodes, ["search", "--catalog", path, "--limit", "1000"] + text.split(separator: " ").map(String.init), input: nil) }
                ours = Measure.milliseconds(seconds)
                ratio = String(format: "%.1f×", seconds / fuzzy)
            }
            print("| `\(text)` | \(Measure.milliseconds(fuzzy)) | \(Measure.milliseconds(exact)) | \(ours) | \(ratio) |")
        }
        print("")
    }

    private func median(_ work: () -> Double) -> Double {
        Measure.percentile((0..<5).map { _ in work() }, 0.5)
    }

    private func run(_ program: String, _ arguments: [String], input: URL?) -> Double {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: program)
        process.arguments = arguments
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        if let input { process.standardInput = try? FileHandle(forReadingFrom: input) }
        return Measure.seconds {
            try? process.run()
            process.waitUntilExit()
        }
    }

    private func which(_ name: String) -> String? {
        ["/usr/bin/", "/usr/local/bin/", "/bin/"].map { $0 + name }.first { FileManager.default.isExecutableFile(atPath: $0) }
    }
}
