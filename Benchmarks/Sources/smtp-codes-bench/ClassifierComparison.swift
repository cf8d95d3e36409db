import Foundation
import CatalogLoading
import ReplyExplainer
import SMTPCatalog

/// Classifying replies: the labelled set's lines through smtp-codes' rules (compiled
/// once, one automaton) and through Sisimai's `Sisimai::Reason->match`, in one run.
/// Both are timed inside their own process, so neither pays for start-up.
struct ClassifierComparison {
    let resources: URL
    let labelled: URL
    let rounds = 200

    func report() throws {
        let texts = try String(contentsOf: labelled, encoding: .utf8).split(separator: "\n").compactMap { line -> String? in
            guard let object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any] else { return nil }
            return object["text"] as? String
        }
        var book: ReasonBook?
        let load = Measure.seconds { book = try? ReasonBookLoader.load(resources: resources) }
        guard let book else { throw CocoaError(.fileReadCorruptFile) }
        let classifier = ReasonClassifier(book: book)
        let compile = Measure.seconds { classifier.prepare() }
        let replies = texts.compactMap { ReplyParser.parse($0).first }
        var decided = 0
        let classify = Measure.seconds {
            for _ in 0..<rounds {
                for reply in replies where classifier.classify(reply).rule != nil { decided += 1 }
            }
        }
        let perReply = classify / Double(rounds * replies.count)
        print("## Classifying replies (\(book.rules.count) rules, \(replies.count) labelled lines × \(rounds))\n")
        print("| | per reply | replies/s |")
        print("|---|---|---|")
        print(String(format: "| smtp-codes `ReasonClassifier.classify` | %.2f µs | %.0f |", perReply * 1e6, 1 / perReply))
        if let sisimai = try sisimaiSecondsPerLine(texts) {
            print(String(format: "| Sisimai %@ `Sisimai::Reason->match` | %.2f µs | %.0f |", sisimai.version, sisimai.seconds * 1e6, 1 / sisimai.seconds))
            print(String(format: "\nsmtp-codes is %.0f× faster per reply.", sisimai.seconds / perReply))
        } else {
            print("| Sisimai | not installed (apt-get install libsisimai-perl) | |")
        }
        print(String(format: "\nLoading and validating the reasons and rules: %@; compiling the automaton: %@.\n",
                     Measure.milliseconds(load), Measure.milliseconds(compile)))
    }

    /// Seconds per line of `Sisimai::Reason->match`, timed inside Perl over the same lines.
    private func sisimaiSecondsPerLine(_ texts: [String]) throws -> (seconds: Double, version: String)? {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("sisimai-lines.txt")
        try texts.joined(separator: "\n").write(to: file, atomically: true, encoding: .utf8)
        let script = """
            use Sisimai::Reason; use Time::HiRes qw(time);
            open my $f, '<', $ARGV[0] or die; my @lines = <$f>; chomp @lines;
            my $start = time; for (1..\(rounds)) { Sisimai::Reason->match($_) for @lines }
            printf "%.9f %s\\n", (time - $start) / (\(rounds) * @lines), $Sisimai::VERSION // $Sisimai::Reason::VERSION // '?';
            """
        let perl = Process()
        perl.executableURL = URL(fileURLWithPath: "/usr/bin/perl")
        perl.arguments = ["-MSisimai", "-e", script, file.path]
        let pipe = Pipe()
        perl.standardOutput = pipe
        perl.standardError = FileHandle.nullDevice
        try perl.run()
        let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        perl.waitUntilExit()
        let parts = output.split(separator: " ")
        guard perl.terminationStatus == 0, parts.count == 2, let seconds = Double(parts[0]) else { return nil }
        return (seconds, String(parts[1]).trimmingCharacters(in: .whitespacesAndNewlines))
    }
}
