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
        try load(path: url.path, translationPath: translation?.path, overlayPaths: overlays.map(\.path), home: home,
                 whenLarge: whenLarge)
    }

    /// `load(from:translation:overlays:home:whenLarge:)` with paths: the explorer reads its
    /// catalog before the first screen, where a first `URL` costs more than the reading.
    public static func load(
        path: String, translationPath: String? = nil, overlayPaths: [String] = [], home: String? = nil,
        whenLarge: () -> Void = {}
    ) throws -> Catalog {
        let files = try catalogFiles(atPath: path)
        var problems: [CatalogIssue] = []
        var layers: [(files: [String], root: String)] = []
        for overlay in overlayPaths {
            do {
                layers.append((try catalogFiles(atPath: overlay), overlay))
            } catch let error as CatalogValidationError {
                problems += error.issues.map { CatalogIssue(file: shown(overlay, home: home), message: $0.message) }
            }
        }
        var reading = baseReading(of: files, under: path, whenLarge: whenLarge)
        if let translationPath {
            reading.take(read(translationPath, named: "locales/" + PathNames.lastComponent(translationPath),
                              mapping: MappedFile(path: translationPath), overlay: true),
                         overlay: true, quiet: true)
        }
        // Overlays are small: each is mapped only while it is read.
        for layer in layers {
            let folder = shown(layer.root, home: home)
            for file in layer.files {
                let name = file == layer.root ? folder : folder + "/" + PathNames.lastComponent(file)
                reading.take(read(file, named: name, mapping: MappedFile(path: file), overlay: true), overlay: true)
            }
        }
        reading.issues += problems
        return try reading.catalog()
    }

    /// The base catalog taken in: from its snapshot (`CatalogSnapshot`) when there is one
    /// to use, else from its files. A snapshot that reads back whole but does not take in
    /// cleanly (it cannot have been written so) is set aside for the files as well.
    private static func baseReading(of files: [String], under root: String, whenLarge: () -> Void) -> CatalogReading {
        if let snapshot = CatalogSnapshot.read(forPath: root, files: files) {
            if snapshot.textBytes > largeCatalogBytes { whenLarge() }
            var reading = CatalogReading(expectedBytes: snapshot.textBytes)
            reading.take(snapshot.read)
            if reading.issues.isEmpty { return reading }
        }
        let mapped = files.map { MappedFile(path: $0) }
        let size = mapped.reduce(0) { $0 + ($1?.count ?? 0) }
        if size > largeCatalogBytes { whenLarge() }
        var reading = CatalogReading(expectedBytes: size)
        for file in readAll(files, named: files.map { displayName(of: $0, under: root) }, mapped: mapped) {
            reading.take(file)
        }
        return reading
    }

    /// The files of a catalog read as `load` reads them from JSON, for the snapshot's writer.
    static func readFiles(_ files: [String], under root: String) -> [FileRead] {
        readAll(files, named: files.map { displayName(of: $0, under: root) }, mapped: files.map { MappedFile(path: $0) })
    }

    /// Reads the files of a catalog (not overlays), two threads each taking about half of
    /// the bytes when there are several, and returns what each gave, in order: a catalog
    /// folder is read in about half the time, and the explorer waits for it.
    private static func readAll(_ files: [String], named names: [String], mapped: [MappedFile?]) -> [FileRead] {
        guard files.count > 1 else {
            return zip(files, zip(names, mapped)).map { read($0, named: $1.0, mapping: $1.1, overlay: false) }
        }
        // The first thread takes files from the front until it has about half the bytes.
        let sizes = mapped.map { $0?.count ?? 0 }
        let total = sizes.reduce(0, +)
        var split = 0, front = 0
        while split < files.count - 1, front + sizes[split] / 2 < total / 2 {
            front += sizes[split]
            split += 1
        }
        let shared = SharedFiles(files: files, names: names, mapped: mapped)
        let readRange: @Sendable (Range<Int>) -> [FileRead] = { range in
            range.map { read(shared.files[$0], named: shared.names[$0], mapping: shared.mapped[$0], overlay: false) }
        }
        let cut = max(split, 1)
        let back = BackgroundValue { SharedReads(reads: readRange(cut..<files.count)) }
        return readRange(0..<cut) + back.value.reads
    }

    /// Reads one file: mapped when it can be, else (a pipe) read whole.
    private static func read(_ file: String, named name: String, mapping: MappedFile?, overlay: Bool) -> FileRead {
        if let mapping {
            guard mapping.count <= maximumFileBytes else {
                return FileRead(failure: CatalogIssue(file: name, message: "is larger than \(maximumFileBytes >> 30) GiB, the most a catalog file may be"))
            }
            return FileRead(mapping, named: name, mapped: mapping, overlay: overlay)
        }
        // A pipe (`--catalog <(…)`) or another file that cannot be mapped is read whole.
        do {
            let contents = try BoundedInput.read(path: file, limit: maximumStreamBytes)
            if contents.wasCut {
                return FileRead(failure: CatalogIssue(file: name, message: "is larger than \(maximumStreamBytes >> 20) MiB, the most a catalog read from a pipe or device may be"))
            }
            return FileRead(contents.data, named: name, overlay: overlay)
        } catch {
            return FileRead(failure: CatalogIssue(file: name, message: "cannot be read: \(error)"))
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
    static func catalogFiles(atPath path: String) throws -> [String] {
        // stat, not FileManager: its "does not exist" hides why (a symbolic link loop, no permission).
        var status = stat()
        guard stat(path, &status) == 0 else {
            let reason = errno == ENOENT ? "no such file or folder" : String(cString: strerror(errno))
            throw CatalogValidationError(issues: [CatalogIssue(file: path, message: reason)])
        }
        guard status.st_mode & S_IFMT == S_IFDIR else { return [path] }
        let names: [String]
        switch FolderNames.at(path) {
        case .success(let listed): names = listed
        case .failure(let error):
            throw CatalogValidationError(issues: [CatalogIssue(file: path, message: "folder cannot be read: \(error.reason)")])
        }
        let files = names.filter { $0.hasSuffix(".json") }.sorted().map { PathNames.join(path, $0) }
        guard !files.isEmpty else {
            throw CatalogValidationError(issues: [CatalogIssue(file: path, message: "folder holds no .json catalog files")])
        }
        return files
    }

    private static func displayName(of file: String, under root: String) -> String {
        file == root ? file : PathNames.lastComponent(root) + "/" + PathNames.lastComponent(file)
    }
}

/// The files handed to the reading threads: each reads its own files' mappings and
/// nothing else, and the arrays are not changed while they run.
private struct SharedFiles: @unchecked Sendable {
    let files: [String]
    let names: [String]
    let mapped: [MappedFile?]
}

/// What the second thread read, handed back once it is done (through `BackgroundValue`'s lock).
private struct SharedReads: @unchecked Sendable {
    let reads: [FileRead]
}
