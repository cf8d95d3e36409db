import FoundationEssentials
import Glibc
import SMTPCatalog

/// Reads catalog JSON from a file or a folder of files and validates all of it
/// before anything is shown, so a broken catalog never reaches the screen.
public enum CatalogLoader {
    /// The schema version this program reads (`"schema": 1` at the top of each file).
    public static let schemaVersion = 1

    /// The largest catalog file read from disk (it is mapped, not copied: a million
    /// entries take about 1 GB). Stated so that a wrong path (a disk image) fails at once.
    public static let maximumFileBytes = 4 << 30
    /// The largest catalog read from a pipe or device (`--catalog <(…)`), which is held
    /// in memory whole; `/dev/zero` would otherwise be read until memory runs out.
    public static let maximumStreamBytes = 256 << 20

    /// Catalogs of more bytes than this are "large" for `whenLarge`.
    public static let largeCatalogBytes = 1 << 20

    /// Loads one `.json` file, or every `.json` file in a folder (sorted by name), then
    /// lays each of `overlays` (a file or folder too) over it in order: an overlay's entry
    /// with a code already read changes the fields it gives, one with a new code is added
    /// (docs/catalog.md, "Your own codes"). Validation runs on the merged catalog.
    /// Throws `CatalogValidationError` listing every problem, each naming its file.
    /// `whenLarge` runs before reading a catalog over `largeCatalogBytes`: the program,
    /// not this library, decides process-wide matters such as how malloc returns memory.
    /// `home` is shown as `~` in the names of overlay files.
    /// `translation` (`Resources/locales/catalog-id.json`) is laid over the base before the
    /// overlays, quietly: the titles and summaries it gives are the catalog's own, in that language.
    public static func load(
        from url: URL, translation: URL? = nil, overlays: [URL] = [], home: String? = nil, whenLarge: () -> Void = {}
    ) throws -> Catalog {
        let files = try catalogFiles(at: url)
        var problems: [CatalogIssue] = []
        var layers: [(files: [URL], root: URL)] = []
        for overlay in overlays {
            do {
                layers.append((try catalogFiles(at: overlay), overlay))
            } catch let error as CatalogValidationError {
                problems += error.issues.map { CatalogIssue(file: shown(overlay.path, home: home), message: $0.message) }
            }
        }
        let mapped = files.map { MappedFile(path: $0.path) }
        let size = mapped.reduce(0) { $0 + ($1?.count ?? 0) }
        if size > largeCatalogBytes { whenLarge() }
        var reading = CatalogReading(expectedBytes: size)
        for (file, mapping) in zip(files, mapped) {
            read(file, named: displayName(of: file, under: url), mapping: mapping, into: &reading, overlay: false)
        }
        if let translation {
            read(translation, named: "locales/" + translation.lastPathComponent, mapping: MappedFile(path: translation.path),
                 into: &reading, overlay: true, quiet: true)
        }
        // Overlays are small: each is mapped only while it is read.
        for layer in layers {
            let folder = shown(layer.root.path, home: home)
            for file in layer.files {
                let name = file == layer.root ? folder : folder + "/" + file.lastPathComponent
                read(file, named: name, mapping: MappedFile(path: file.path), into: &reading, overlay: true)
            }
        }
        reading.issues += problems
        return try reading.catalog()
    }

    /// Reads one file into `reading`: mapped when it can be, else (a pipe) read whole.
    private static func read(
        _ file: URL, named name: String, mapping: MappedFile?, into reading: inout CatalogReading, overlay: Bool, quiet: Bool = false
    ) {
        if let mapping {
            guard mapping.count <= maximumFileBytes else {
                reading.issues.append(CatalogIssue(file: name, message: "is larger than \(maximumFileBytes >> 30) GiB, the most a catalog file may be"))
                return
            }
            reading.parse(mapping, named: name, mapped: mapping, overlay: overlay, quiet: quiet)
            return
        }
        // A pipe (`--catalog <(…)`) or another file that cannot be mapped is read whole.
        do {
            let contents = try BoundedInput.read(path: file.path, limit: maximumStreamBytes)
            if contents.wasCut {
                reading.issues.append(CatalogIssue(file: name, message: "is larger than \(maximumStreamBytes >> 20) MiB, the most a catalog read from a pipe or device may be"))
            } else {
                reading.parse(contents.data, named: name, overlay: overlay, quiet: quiet)
            }
        } catch {
            reading.issues.append(CatalogIssue(file: name, message: "cannot be read: \(error)"))
        }
    }

    /// A path as messages show it: under `home`, starting with `~`.
    public static func shown(_ path: String, home: String?) -> String {
        guard var home else { return path }
        while home.hasSuffix("/") { home.removeLast() }
        guard !home.isEmpty, path.hasPrefix(home + "/") else { return path }
        return "~" + path.dropFirst(home.count)
    }

    /// Validates a catalog given as data, for tests and tools; `name` labels the issues.
    public static func load(data: Data, named name: String) throws -> Catalog {
        try load(data: data, named: name, readsInHalves: true)
    }

    /// `readsInHalves: false` reads even a large file in one go (to compare, in tests).
    static func load(data: Data, named name: String, readsInHalves: Bool) throws -> Catalog {
        var reading = CatalogReading(expectedBytes: data.count, readsInHalves: readsInHalves)
        reading.parse(data, named: name)
        return try reading.catalog()
    }

    // MARK: - Steps

    /// The `.json` files a catalog path stands for: the file itself, or a folder's files by name.
    private static func catalogFiles(at url: URL) throws -> [URL] {
        // stat, not FileManager: its "does not exist" hides why (a symbolic link loop, no permission).
        var status = stat()
        guard stat(url.path, &status) == 0 else {
            let reason = errno == ENOENT ? "no such file or folder" : String(cString: strerror(errno))
            throw CatalogValidationError(issues: [CatalogIssue(file: url.path, message: reason)])
        }
        guard status.st_mode & S_IFMT == S_IFDIR else { return [url] }
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: url.path)
        } catch {
            // FileManager's error wraps the system's; its text is what people can act on.
            let code = ((error as? CocoaError)?.underlying as? POSIXError)?.code.rawValue
            let reason = code.map { String(cString: strerror($0)) } ?? "\(error)"
            throw CatalogValidationError(issues: [CatalogIssue(file: url.path, message: "folder cannot be read: \(reason)")])
        }
        let files = names.filter { $0.hasSuffix(".json") }.sorted().map { url.appendingPathComponent($0) }
        guard !files.isEmpty else {
            throw CatalogValidationError(issues: [CatalogIssue(file: url.path, message: "folder holds no .json catalog files")])
        }
        return files
    }

    private static func displayName(of file: URL, under root: URL) -> String {
        file == root ? file.path : root.lastPathComponent + "/" + file.lastPathComponent
    }
}
