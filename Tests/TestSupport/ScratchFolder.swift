import Foundation

/// A fresh folder under the temporary directory, removed with everything in it
/// when the last reference goes. A `TmuxSession` holds the folder its script
/// writes to, so the folder outlives the shell: it goes only after the session's
/// server has been killed, and nothing can write into it while it is removed.
public final class ScratchFolder {
    public let url: URL

    /// `prefix` names the folder ("term-…") so a leftover says which test made it.
    public init(prefix: String) throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("\(prefix)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    public var path: String { url.path }

    deinit {
        try? FileManager.default.removeItem(at: url)
    }
}
