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
        let page = try String(contentsOf: BinaryLocator.packageRoot.appendingPathComponent("docs/smtp-codes.1"), encoding: .utf8)
        for subcommand in ["list", "show", "compare", "explain", "search"] {
            #expect(page.contains(".It Em \(subcommand)"),
                    "regenerate the man page: swift package --allow-writing-to-package-directory generate-manual --output-directory docs")
        }
        #expect(page.contains("EXIT STATUS") && page.contains("65"))
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
