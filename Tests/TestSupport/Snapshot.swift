import Foundation

/// Compares text with a snapshot file beside the tests. A missing snapshot (or
/// RECORD_SNAPSHOTS=1) is written and reported as a failure, so a new
/// snapshot can never pass silently: the next run, after review, compares.
public enum Snapshot {
    public struct Mismatch: Error, CustomStringConvertible {
        public let description: String
    }

    public static func verify(_ actual: String, named name: String, in folder: String = #filePath) throws {
        let directory = URL(fileURLWithPath: folder).deletingLastPathComponent().appendingPathComponent("Snapshots")
        let file = directory.appendingPathComponent(name + ".txt")
        let recording = ProcessInfo.processInfo.environment["RECORD_SNAPSHOTS"] == "1"
        if recording || !FileManager.default.fileExists(atPath: file.path) {
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            try (actual + "\n").write(to: file, atomically: true, encoding: .utf8)
            throw Mismatch(description: "recorded snapshot \(file.lastPathComponent); review it and run the tests again")
        }
        let expected = try String(contentsOf: file, encoding: .utf8)
        guard expected == actual + "\n" else {
            throw Mismatch(description: "snapshot \(file.lastPathComponent) differs:\n--- expected\n\(expected)--- actual\n\(actual)\n(run with RECORD_SNAPSHOTS=1 to accept)")
        }
    }
}
