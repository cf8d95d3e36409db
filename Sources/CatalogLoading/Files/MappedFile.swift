import FoundationEssentials
import Glibc
import SMTPCatalog

/// A catalog file mapped into memory rather than read into a buffer.
///
/// Read into `Data`, a large catalog's JSON sat in memory beside the entries made
/// from it and set the peak (docs/performance.md). Mapped, the
/// parser reads the pages straight from the page cache, and `release(before:)`
/// hands back the pages it has finished with as it goes (`PageReleaser`).
///
/// Sendable: the mapping and its size never change after `init`, and `release`
/// is a system call on whole pages, so the halves of a file read at once may share it.
final class MappedFile: ContiguousBytes, @unchecked Sendable {
    private let base: UnsafeMutableRawPointer?
    package let count: Int

    /// nil when the file cannot be opened or mapped; the caller reports it as unreadable.
    init?(path: String) {
        // Checked before opening: opening a pipe would wait for a writer and, closed
        // again here, lose what it wrote before the caller reads it another way.
        var before = stat()
        guard stat(path, &before) == 0, (before.st_mode & S_IFMT) == S_IFREG else { return nil }
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0, (status.st_mode & S_IFMT) == S_IFREG else { return nil }
        count = Int(status.st_size)
        guard count > 0 else {
            base = nil
            return
        }
        let mapping = mmap(nil, count, PROT_READ, MAP_PRIVATE, descriptor, 0)
        guard let mapping, mapping != MAP_FAILED else { return nil }
        madvise(mapping, count, MADV_SEQUENTIAL)
        base = mapping
    }

    deinit {
        if let base { munmap(base, count) }
    }

    func withUnsafeBytes<R>(_ body: (UnsafeRawBufferPointer) throws -> R) rethrows -> R {
        try body(bytes)
    }

    /// The file's bytes, where they stay for as long as this object lives (a catalog
    /// snapshot's texts are read there, `CatalogSnapshot.read`).
    var bytes: UnsafeRawBufferPointer { UnsafeRawBufferPointer(start: base, count: count) }

    /// Drops the whole pages inside `range` from memory. They stay mapped: reading
    /// them again (to locate an error's line) brings them back from the file.
    func release(_ range: Range<Int>) {
        guard let base else { return }
        let page = Int(sysconf(Int32(_SC_PAGESIZE)))
        let start = (max(range.lowerBound, 0) + page - 1) / page * page
        let end = min(range.upperBound, count) / page * page
        if end > start { madvise(base + start, end - start, MADV_DONTNEED) }
    }
}
