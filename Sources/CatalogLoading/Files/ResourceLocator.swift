import FoundationEssentials
import Glibc
import SMTPCatalog

/// Finds the bundled `Resources` folder without SwiftPM's `Bundle.module`,
/// which calls `fatalError` when the bundle is not beside the binary.
///
/// Paths are worked on as strings with the system's calls (`readlink`, `realpath`, `stat`):
/// the explorer finds its resources before its first screen, and `URL` and `FileManager`
/// cost more on first use than everything else here (docs/performance.md, "Cold start").
public struct ResourceLocator: Sendable {
    /// The folder name SwiftPM gives this target's resource bundle on Linux.
    public static let bundleName = "smtp-codes_CatalogLoading.resources"
    /// The environment variable that points at a resources folder explicitly.
    public static let environmentKey = "SMTP_CODES_RESOURCES"

    /// The running binary's path, as the system gives it.
    public let executable: String?
    public let environment: [String: String]

    public init(
        executable: String? = ResourceLocator.currentExecutable(),
        environment: [String: String] = ProcessEnvironment.current()
    ) {
        self.executable = executable
        self.environment = environment
    }

    /// Places searched, in order: `$SMTP_CODES_RESOURCES`; the SwiftPM bundle beside the
    /// real executable (symlinks followed), as in the build folder; `PREFIX/share/smtp-codes`
    /// for an installed binary in `PREFIX/bin`.
    public var candidates: [String] {
        var result: [String] = []
        if let explicit = environment[Self.environmentKey], !explicit.isEmpty {
            result.append(explicit)
        }
        if let executable {
            let folder = PathNames.parent(of: Self.realPath(executable) ?? executable)
            result.append(folder + "/" + Self.bundleName + "/Resources")
            result.append(folder + "/" + Self.bundleName)
            result.append(PathNames.parent(of: folder) + "/share/smtp-codes")
        }
        return result
    }

    /// The first candidate that holds a `catalog` folder, or nil.
    public func resourcesFolder() -> URL? {
        resourcesPath().map { URL(fileURLWithPath: $0, isDirectory: true) }
    }

    /// `resourcesFolder()` as a path, for the explorer's start (`PathNames`).
    public func resourcesPath() -> String? {
        candidates.first { Self.isFolder($0 + "/catalog") }
    }

    /// The running binary: `/proc/self/exe` on Linux, else the first argument.
    public static func currentExecutable() -> String? {
        var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
        let count = readlink("/proc/self/exe", &buffer, buffer.count - 1)
        if count > 0 { return String(decoding: buffer[..<count].map { UInt8(bitPattern: $0) }, as: UTF8.self) }
        return CommandLine.arguments.first
    }

    /// The path with every symbolic link followed, or nil when it does not resolve.
    static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    private static func isFolder(_ path: String) -> Bool {
        var status = stat()
        return stat(path, &status) == 0 && status.st_mode & S_IFMT == S_IFDIR
    }
}
