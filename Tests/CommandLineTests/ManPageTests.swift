import Foundation
import Testing
import SMTPCatalog
import TestSupport

/// docs/smtp-codes.1 is generated (scripts/make-manpage.sh) and committed; these tests
/// fail when it no longer matches the binary, and when roff would warn about it.
@Suite struct ManPageTests {
    static let regenerate = "regenerate the man page: scripts/make-manpage.sh"

    static func page() throws -> String {
        try String(contentsOf: BinaryLocator.packageRoot.appendingPathComponent("docs/smtp-codes.1"), encoding: .utf8)
    }

    /// The page's lines from `.Sh name` up to the next section.
    static func section(_ name: String, of page: String) -> [Substring] {
        let lines = page.split(separator: "\n", omittingEmptySubsequences: false)
        guard let start = lines.firstIndex(where: { $0 == ".Sh \(name)" || $0 == ".Sh \"\(name)\"" }) else { return [] }
        let rest = lines[(start + 1)...]
        return Array(rest.prefix { !$0.hasPrefix(".Sh ") })
    }

    @Test func holdsTheSectionsTheBinaryWrites() throws {
        let sections = try ProcessRunner.smtpCodes(["--manual-sections"])
        try #require(sections.status == 0, "\(sections.stderr)")
        #expect(try Self.page().contains(sections.stdout), "\(Self.regenerate)")
    }

    @Test func sectionsComeInTheUsualOrder() throws {
        let headings = try Self.page().split(separator: "\n").filter { $0.hasPrefix(".Sh ") }
        #expect(headings == [
            ".Sh NAME", ".Sh SYNOPSIS", ".Sh DESCRIPTION", ".Sh KEYS", ".Sh ENVIRONMENT",
            ".Sh FILES", ".Sh EXIT STATUS", ".Sh AUTHORS",
        ])
    }

    /// The EXIT STATUS table `--help` shows in the root discussion must not reappear as
    /// text in DESCRIPTION; the page has its own section, with every status.
    @Test func exitStatusHasItsOwnSectionOnly() throws {
        let page = try Self.page()
        #expect(!Self.section("DESCRIPTION", of: page).contains { $0.contains("EXIT STATUS") })
        let items = Self.section("EXIT STATUS", of: page).filter { $0.hasPrefix(".It ") }.map { $0.dropFirst(4) }
        #expect(items == ["0", "1", "64", "65", "66", "74", "130", "141"])
    }

    @Test func environmentNamesWhatTheProgramReads() throws {
        let environment = Self.section("ENVIRONMENT", of: try Self.page()).joined(separator: "\n")
        for name in ["LANG", "LC_ALL", "LC_MESSAGES", "LANGUAGE", "LC_CTYPE", "NO_COLOR", "TERM", "COLUMNS",
                     "SMTP_CODES_RESOURCES", "XDG_CONFIG_HOME"] {
            #expect(environment.contains(name), "ENVIRONMENT does not mention \(name)")
        }
    }

    /// Every row of the explorer's help screen is in KEYS, in the same words: the labels
    /// come from the same file, and the binary writes the section from the key table.
    @Test func keysListEveryHelpRow() throws {
        let keys = Self.section("KEYS", of: try Self.page()).joined(separator: "\n")
        let labels = try BundledCatalog.labels()
        let rows = labels.keys.filter { $0.hasPrefix("ui.help.") && $0 != "ui.help.title" && $0 != "ui.help.mouse.key" }
        #expect(rows.count > 15)
        for key in rows.sorted() {
            // Beyond ASCII, roff names characters by code point (\[u2191] for ↑).
            let text = labels[key].unicodeScalars.map { scalar in
                scalar.isASCII ? String(scalar) : "\\[u" + String(format: "%04X", scalar.value) + "]"
            }.joined()
            #expect(keys.contains(text), "KEYS lacks \(key): \(text)")
        }
        // Keys the help screen leaves out for width are in the page.
        for alias in ["Ctrl-K", "Ctrl-J", "Ctrl-G", "Shift-Tab"] { #expect(keys.contains(alias)) }
    }

    /// The plugin's part: every subcommand, option and argument, and every line of each
    /// abstract and discussion (examples in literal displays), as the binary describes them.
    @Test func describesEveryCommandAsTheBinaryDoes() throws {
        let page = try Self.page()
        let lines = Set(page.split(separator: "\n").map(String.init))
        let dump = try ProcessRunner.smtpCodes(["--experimental-dump-help"])
        try #require(dump.status == 0)
        let tool = try JSONDecoder().decode(ToolInfo.self, from: Data(dump.stdout.utf8))
        for command in [tool.command] + (tool.command.subcommands ?? []) {
            if command.commandName != "smtp-codes" {
                #expect(lines.contains(".It Em \(command.commandName)"), "\(Self.regenerate)")
            }
            let items = lines.filter { $0.hasPrefix(".It ") }
            for argument in command.arguments ?? [] where argument.shouldDisplay {
                // `.It Fl -json`, `.It Fl h , -help`, `.It Ar codes...`
                let long = argument.names?.first { $0.kind == "long" }.map { " -\($0.name)" }
                let shown = long ?? " Ar \(argument.valueName ?? "")"
                #expect(items.contains { $0.contains(shown) }, "\(command.commandName):\(shown) is missing; \(Self.regenerate)")
            }
            var exitTable = false
            for line in ((command.abstract ?? "") + "\n" + (command.discussion ?? "")).split(separator: "\n") {
                if line == "EXIT STATUS" { exitTable = true }
                if exitTable { continue }
                let expected = line.hasPrefix("  ") ? "\\&" + line.dropFirst(2) : String(line)
                #expect(lines.contains(expected) || lines.contains(".Nd \"\(line)\""),
                        "\(command.commandName): \"\(line)\" is not in the page; \(Self.regenerate)")
            }
        }
    }

    /// generate-manual drops every character beyond ASCII from discussions (its escaping
    /// keeps only ASCII), so a `…` in a help text would silently vanish from the page.
    @Test func helpTextsAreASCII() throws {
        let dump = try ProcessRunner.smtpCodes(["--experimental-dump-help"])
        #expect(dump.stdout.unicodeScalars.allSatisfy { $0.isASCII })
    }

    @Test func hasNoEmptyLines() throws {
        let lines = try Self.page().split(separator: "\n", omittingEmptySubsequences: false).dropLast()
        #expect(!lines.contains(""), "roff warns about empty input lines")
    }

    /// `man --warnings` (what the issue asks for) when man-db is installed, else nroff
    /// itself (groff-base) with every warning on, for both devices man uses.
    /// Fails, never skips, without a renderer: .ci/run installs groff-base.
    @Test func rendersWithoutWarnings() throws {
        try #require(Roff.available, "needs groff (apt-get install groff-base)")
        let page = BinaryLocator.packageRoot.appendingPathComponent("docs/smtp-codes.1").path
        for locale in ["C.UTF-8", "C"] {
            let result = try Roff.render(page, locale: locale)
            #expect(result.status == 0)
            #expect(result.stderr.isEmpty, "\(locale): \(result.stderr)")
            #expect(result.stdout.contains("EXIT STATUS") && result.stdout.contains("Ctrl-C"))
        }
    }
}

/// The parts of ArgumentParser's `--experimental-dump-help` the tests read.
struct ToolInfo: Decodable {
    struct Command: Decodable {
        let commandName: String
        let abstract: String?
        let discussion: String?
        let arguments: [Argument]?
        let subcommands: [Command]?
    }
    struct Argument: Decodable {
        struct Name: Decodable { let kind: String; let name: String }
        let names: [Name]?
        let valueName: String?
        let shouldDisplay: Bool
    }
    let command: Command
}

/// Renders a man page as a reader would see it.
enum Roff {
    static func executable(_ name: String) -> URL? {
        for folder in ["/usr/bin", "/bin", "/usr/local/bin"] {
            let url = URL(fileURLWithPath: folder).appendingPathComponent(name)
            if FileManager.default.isExecutableFile(atPath: url.path) { return url }
        }
        return nil
    }

    static var available: Bool { executable("man") != nil || executable("nroff") != nil }

    static func render(_ page: String, locale: String) throws -> ProcessResult {
        let environment = ["LANG": locale, "LC_ALL": locale, "MANWIDTH": "80", "MAN_KEEP_FORMATTING": ""]
        if let man = executable("man") {
            return try ProcessRunner.run(man, ["--warnings", "-l", page], environment: environment, removing: ["MANPAGER", "PAGER"])
        }
        let device = locale.hasSuffix("UTF-8") ? "-Tutf8" : "-Tascii"
        return try ProcessRunner.run(executable("nroff")!, ["-mandoc", "-ww", device, page], environment: environment)
    }
}
