import Foundation

/// What a finished child process printed and how it exited.
public struct ProcessResult: Sendable {
    public let status: Int32
    public let stdout: String
    public let stderr: String
}

/// Runs a program to completion with optional standard input and environment changes.
public enum ProcessRunner {
    public static func run(
        _ executable: URL, _ arguments: [String], stdin: String? = nil,
        environment: [String: String] = [:], removing: [String] = [], directory: URL? = nil
    ) throws -> ProcessResult {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        var env = ProcessInfo.processInfo.environment
        for key in removing { env.removeValue(forKey: key) }
        env.merge(environment) { _, new in new }
        process.environment = env
        if let directory { process.currentDirectoryURL = directory }
        // Files, not pipes: tests run in parallel, and a tmux server started by one test
        // inherits whatever pipes are open at that moment, so a pipe's reader could wait
        // for an end of file that only comes when that server exits.
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("run-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: scratch) }
        let inputFile = scratch.appendingPathComponent("in"), outFile = scratch.appendingPathComponent("out")
        let errFile = scratch.appendingPathComponent("err")
        try Data((stdin ?? "").utf8).write(to: inputFile)
        FileManager.default.createFile(atPath: outFile.path, contents: nil)
        FileManager.default.createFile(atPath: errFile.path, contents: nil)
        let input = try FileHandle(forReadingFrom: inputFile)
        let out = try FileHandle(forWritingTo: outFile), err = try FileHandle(forWritingTo: errFile)
        process.standardInput = input
        process.standardOutput = out
        process.standardError = err
        try process.run()
        process.waitUntilExit()
        try? input.close()
        try? out.close()
        try? err.close()
        return ProcessResult(
            status: process.terminationStatus,
            stdout: String(decoding: (try? Data(contentsOf: outFile)) ?? Data(), as: UTF8.self),
            stderr: String(decoding: (try? Data(contentsOf: errFile)) ?? Data(), as: UTF8.self))
    }

    /// Runs the built `smtp-codes`.
    public static func smtpCodes(_ arguments: [String], stdin: String? = nil, environment: [String: String] = [:]) throws -> ProcessResult {
        try run(BinaryLocator.binary, arguments, stdin: stdin, environment: environment, removing: ["NO_COLOR", "COLUMNS"])
    }
}
