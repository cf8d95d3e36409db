import FoundationEssentials
import Glibc

/// Makes large blocks go back to the system when they are freed.
///
/// glibc serves big allocations with their own mappings only until one is freed;
/// then it raises that threshold to the freed size and serves the next ones from
/// its heap, which it keeps. Loading and indexing a large catalog frees several
/// arrays of tens of megabytes, so with the default the peak held memory that was
/// already free (figures in docs/performance.md). A fixed threshold keeps blocks of
/// 4 MiB and more mapped, and unmapped when freed. Not lower: a search of a large
/// catalog allocates arrays of one or two megabytes, and mapping those afresh each
/// time cost more in page faults than the search itself.
///
/// `mallopt` is looked up at run time because the C library's module does not
/// export it to Swift; where it is missing (another C library, another system) nothing changes.
public enum LargeAllocations {
    private static let setting: Void = {
        #if os(Linux)
        typealias MallOpt = @convention(c) (Int32, Int32) -> Int32
        guard let handle = dlopen(nil, RTLD_NOW), let symbol = dlsym(handle, "mallopt") else { return }
        let mmapThreshold: Int32 = -3  // M_MMAP_THRESHOLD in <malloc.h>
        _ = unsafeBitCast(symbol, to: MallOpt.self)(mmapThreshold, 4 << 20)
        #endif
    }()

    /// Applies the setting once per process. A process-wide choice: the program makes
    /// it (it passes this to `CatalogLoader.load(from:whenLarge:)`), not the library.
    public static func returnToSystemWhenFreed() {
        setting
    }
}
