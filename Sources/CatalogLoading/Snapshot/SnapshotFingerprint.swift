import FoundationEssentials
import Glibc

/// What a catalog snapshot was made from: each catalog file's name, size and modification
/// time, and the same of the binary that wrote it. A snapshot is used only while all of
/// them still read the same: an edited catalog file or another build of the program
/// means the JSON is read instead (docs/decisions.md, "A snapshot of the bundled catalog").
struct SnapshotFingerprint: Equatable {
    struct Stamp: Equatable {
        let name: String
        let size: UInt64
        let seconds: UInt64
        let nanoseconds: UInt64

        /// nil when the path cannot be read (it went away, no permission).
        init?(path: String, name: String) {
            var status = stat()
            guard stat(path, &status) == 0 else { return nil }
            self.name = name
            size = UInt64(truncatingIfNeeded: status.st_size)
            seconds = UInt64(truncatingIfNeeded: status.st_mtim.tv_sec)
            nanoseconds = UInt64(truncatingIfNeeded: status.st_mtim.tv_nsec)
        }

        init(reading reader: inout SnapshotReader) throws {
            name = try reader.string()
            size = try reader.u64()
            seconds = try reader.u64()
            nanoseconds = try reader.u64()
        }

        func write(to writer: inout SnapshotWriter) {
            writer.string(name)
            writer.u64(size)
            writer.u64(seconds)
            writer.u64(nanoseconds)
        }
    }

    let files: [Stamp]
    let executable: Stamp

    /// The fingerprint of these catalog files as they are now, with the running binary's.
    init?(files paths: [String]) {
        var files: [Stamp] = []
        for path in paths {
            guard let stamp = Stamp(path: path, name: PathNames.lastComponent(path)) else { return nil }
            files.append(stamp)
        }
        guard let executable = Stamp(path: "/proc/self/exe", name: "") else { return nil }
        self.files = files
        self.executable = executable
    }

    init(reading reader: inout SnapshotReader) throws {
        let count = try reader.count(eachAtLeast: 28)
        files = try (0..<count).map { _ in try Stamp(reading: &reader) }
        executable = try Stamp(reading: &reader)
    }

    func write(to writer: inout SnapshotWriter) {
        writer.u32(UInt32(files.count))
        for file in files { file.write(to: &writer) }
        executable.write(to: &writer)
    }
}
