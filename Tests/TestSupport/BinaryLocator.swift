import Foundation

/// Finds the `smtp-codes` binary that `swift test` built beside the test bundle.
public enum BinaryLocator {
    public static var buildFolder: URL {
        let exe = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe"))
            .map(URL.init(fileURLWithPath:)) ?? Bundle.main.bundleURL
        // The test runner is either the xctest binary itself or a helper in the same folder.
        var folder = exe.deletingLastPathComponent()
        while folder.path != "/", !FileManager.default.fileExists(atPath: folder.appendingPathComponent("smtp-codes").path) {
            folder = folder.deletingLastPathComponent()
        }
        return folder
    }

    public static var binary: URL { buildFolder.appendingPathComponent("smtp-codes") }

    /// The package's root folder (for fixtures and the source Resources).
    public static var packageRoot: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    }
}
