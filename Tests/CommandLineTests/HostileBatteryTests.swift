import Foundation
import Testing
import TestSupport

/// One battery of hostile inputs through every command: each must end with a
/// documented status and never write a control character (an escape sequence
/// could repaint or retitle the user's terminal).
@Suite struct HostileBatteryTests {
    /// Inputs as bytes, so that invalid UTF-8 and NUL bytes reach the program as
    /// bytes (a Swift String could not carry them).
    static let inputs: [(name: String, bytes: [UInt8])] = [
        ("random bytes", randomBytes()),
        ("escape sequences", Array("\u{1B}[2J\u{1B}]0;pwned\u{07}\u{9B}1m550 \u{1B}[31m5.1.1".utf8)),
        ("long word", Array(String(repeating: "a", count: 100_000).utf8)),
        // Single arguments are capped at 128 KiB by the kernel; 100 KB is still six times the line limit.
        ("long line", Array(("550 5.1.1 " + String(repeating: "x y ", count: 25_000)).utf8)),
        ("invalid UTF-8", [0xFF, 0xFE, 0xC0, 0x80, 0xED, 0xA0, 0x80] + Array(" 550 ".utf8) + [0xE0, 0x80] + Array(" 5.7.1".utf8)),
        ("NUL bytes", Array("550".utf8) + [0] + Array("5.1.1".utf8) + [0, 0] + Array("mailbox".utf8)),
        ("deep nesting", Array(String(repeating: "[", count: 100_000).utf8)),
        ("huge numbers", Array("1e999999 -0 99999999999999999999999999 999.999.999 5.999999999999.1".utf8)),
        ("operators only", Array("| ! ' ^ $ | !! ^$ '' * x.x.x X.X.X".utf8)),
    ]

    /// 2,000 bytes of every value, from a fixed seed.
    private static func randomBytes() -> [UInt8] {
        var generator = SplitMix(seed: 9)
        return (0..<2_000).map { _ in UInt8(truncatingIfNeeded: generator.next()) }
    }

    /// Each command with where the input goes ("$INPUT" is the argument, "$FILE" a file
    /// holding it) and the statuses it may end with.
    static let commands: [(script: String, statuses: Set<Int32>)] = [
        (#""$0" show "$INPUT""#, [1, 64]),
        (#""$0" search "$INPUT""#, [0, 1]),
        (#""$0" search --json "$INPUT""#, [0, 1]),
        (#""$0" compare "$INPUT" 553"#, [1, 64]),
        (#""$0" explain "$INPUT""#, [0, 1]),
        (#""$0" explain --json < "$FILE""#, [0, 1]),
        (#""$0" explain < "$FILE""#, [0, 1]),
        (#""$0" list --catalog "$FILE""#, [65]),
        (#""$0" list --no-bundled --catalog "$FILE""#, [65]),
        (#""$0" list --lang "$INPUT""#, [64]),
        (#""$0" "$INPUT""#, [64]),
    ]

    static let cases: [(String, Int)] = inputs.indices.flatMap { input in commands.indices.map { (inputs[input].name, $0) } }

    @Test(arguments: cases)
    func hostileInputEndsCleanly(inputName: String, command: Int) throws {
        let input = try #require(Self.inputs.first { $0.name == inputName })
        let (script, statuses) = Self.commands[command]
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("battery-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("input").path
        try Data(input.bytes).write(to: URL(fileURLWithPath: file))
        // Arguments cannot hold NUL: they are dropped from "$INPUT", as any shell would.
        let prelude = #"FILE="$1"; INPUT="$(tr -d '\000' < "$FILE")"; "#
        let result = try ProcessRunner.run(
            URL(fileURLWithPath: "/bin/bash"), ["-c", prelude + "timeout 120 " + script, BinaryLocator.binary.path, file],
            removing: ["NO_COLOR", "COLUMNS"])
        #expect(statuses.contains(result.status), "\(inputName) through \(script): status \(result.status), stderr \(result.stderr.prefix(300))")
        for (stream, text) in [("stdout", result.stdout), ("stderr", result.stderr)] {
            let control = text.unicodeScalars.first { ($0.value < 0x20 && $0 != "\n") || (0x7F...0x9F).contains($0.value) }
            #expect(control == nil, "\(inputName) through \(script): \(stream) holds U+\(String(control?.value ?? 0, radix: 16))")
        }
    }
}
