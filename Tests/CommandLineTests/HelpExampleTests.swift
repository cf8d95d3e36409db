import Foundation
import Testing
import TestSupport

/// `--help` examples are meant to be copied: ArgumentParser wraps discussion text at the
/// terminal's width, breaking only at spaces, so an example longer than the line would be
/// cut in the middle (inside its quotes, for the quoted ones).
@Suite struct HelpExampleTests {
    static let commands: [[String]] = [[], ["list"], ["show"], ["compare"], ["explain"], ["search"]]

    /// The lines of the `Examples:` block, up to the blank line that ends it.
    static func examples(in help: String) -> [Substring] {
        let lines = help.split(separator: "\n", omittingEmptySubsequences: false)
        guard let start = lines.firstIndex(of: "Examples:") else { return [] }
        return Array(lines[(start + 1)...].prefix { !$0.isEmpty })
    }

    static func quotesBalance(_ line: Substring) -> Bool {
        line.filter { $0 == "'" }.count % 2 == 0 && line.filter { $0 == "\"" }.count % 2 == 0
    }

    @Test(arguments: commands)
    func examplesStayWholeAt80Columns(command: [String]) throws {
        let result = try ProcessRunner.smtpCodes(command + ["--help"], environment: ["COLUMNS": "80"])
        try #require(result.status == 0)
        let examples = Self.examples(in: result.stdout)
        #expect(examples.count >= 2, "\(command): no Examples block")
        for line in examples {
            // A wrapped remainder would start at the margin instead of under the example.
            #expect(line.hasPrefix("  "), "\(command): \"\(line)\" is the tail of a wrapped example")
            #expect(line.contains("smtp-codes"), "\(command): \"\(line)\"")
            #expect(Self.quotesBalance(line), "\(command): \"\(line)\" is cut inside its quotes")
        }
        // Anywhere in the help, a command line with quotes is whole.
        for line in result.stdout.split(separator: "\n") where line.contains("smtp-codes ") {
            #expect(Self.quotesBalance(line), "\(command): \"\(line)\"")
        }
    }

    /// The discussion sources themselves stay narrow enough that 80 columns never wrap them
    /// (ArgumentParser breaks a line of 80 characters or more).
    @Test func discussionLinesFitIn79Columns() throws {
        let dump = try ProcessRunner.smtpCodes(["--experimental-dump-help"])
        let tool = try JSONDecoder().decode(ToolInfo.self, from: Data(dump.stdout.utf8))
        for command in [tool.command] + (tool.command.subcommands ?? []) {
            for line in (command.discussion ?? "").split(separator: "\n") {
                #expect(line.count < 80, "\(command.commandName): \"\(line)\" is \(line.count) columns")
            }
        }
    }
}
