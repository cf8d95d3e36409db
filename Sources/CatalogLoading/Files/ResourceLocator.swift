import FoundationEssentials
import SMTPCatalog

/// Finds the bundled `Resources` folder without SwiftPM's `Bundle.module`,
/// which calls `fatalError` when the bundle is not beside the binary.
public struct ResourceLocator: Sendable {
    /// The folder name SwiftPM gives this target's resource bundle on Linux.
    public static let bundleName = "smtp-codes_CatalogLoading.resources"
    /// The environment variable that points at a resources folder explicitly.
    public static let environmentKey = "SMTP_CODES_RESOURCES"

    public let executable: URL?
    public let environment: [String: String]

    public init(
        executable: URL? = ResourceLocator.currentExecutable(),
        environment: [String: String] = ProcessEnvironment.current()
    ) {
        self.executable = executable
        self.environment = environment
    }

    /// Places searched, in order: `$SMTP_CODES_RESOURCES`; the SwiftPM bundle beside the
    /// real executable (symlinks followed), as in the build folder; `PREFIX/share/smtp-codes`
    /// for an installed binary in `PREFIX/bin`.
    public var candidates: [URL] {
        var result: [URL] = []
        if let explicit = environment[Self.environmentKey], !explicit.isEmpty {
            result.append(URL(fileURLWithPath: explicit))
        }
        if let folder = executable?.resolvingSymlinksInPath().deletingLastPathComponent() {
            result.append(folder.appendingPathComponent(Self.bundleName).appendingPathComponent("Resources"))
            result.append(folder.appendingPathComponent(Self.bundleName))
            result.append(folder.deletingLastPathComponent().appendingPathComponent("share/smtp-codes"))
        }
        return result
    }

    /// The first candidate that holds a `catalog` folder, or nil.
    public func resourcesFolder() -> URL? {
        candidates.first { candidate in
            var isFolder = false
            return FileManager.default.fileExists(
                atPath: candidate.appendingPathComponent("catalog").path, isDirectory: &isFolder) && isFolder
        }
    }

    /// The running binary: `/proc/self/exe` on Linux, else the first argument.
    public static func currentExecutable() -> URL? {
        if let path = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") {
            return URL(fileURLWithPath: path)
        }
        guard let first = CommandLine.arguments.first else { return nil }
        return URL(fileURLWithPath: first)
    }
}
