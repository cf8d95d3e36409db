import Glibc

/// The names in a folder, listed with `opendir` and `readdir`: `FileManager` lists the same,
/// but costs more on first use than the whole listing, and the bundled catalog's folder is
/// listed before the explorer's first screen (docs/performance.md, "Cold start").
enum FolderNames {
    /// Every entry's name but `.` and `..`, in the order the system gives them, or the
    /// system's error number when the folder cannot be opened or read.
    static func at(_ path: String) -> Result<[String], FolderError> {
        guard let folder = opendir(path) else { return .failure(FolderError(code: errno)) }
        defer { closedir(folder) }
        var names: [String] = []
        while true {
            errno = 0
            guard let entry = readdir(folder) else {
                return errno == 0 ? .success(names) : .failure(FolderError(code: errno))
            }
            let name = withUnsafeBytes(of: entry.pointee.d_name) { bytes in
                String(decoding: bytes.prefix { $0 != 0 }, as: UTF8.self)
            }
            if name != ".", name != ".." { names.append(name) }
        }
    }

    struct FolderError: Error {
        let code: Int32
        /// What the system says of it ("Permission denied").
        var reason: String { String(cString: strerror(code)) }
    }
}
