import FoundationEssentials
import Glibc
import SMTPCatalog

extension TextStoreBuilder {
#if os(Linux)
    /// Asks for 2 MiB pages under a large store: filling it one 4 KiB page at a time
    /// costs a page fault per page, and huge pages made loading measurably faster
    /// (docs/performance.md).
    package func adviseHugePages() {
        let capacity = bytes.capacity
        let huge = 2 << 20
        guard capacity >= 4 * huge else { return }
        bytes.withUnsafeBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return }
            let start = (Int(bitPattern: base) + huge - 1) / huge * huge
            let end = (Int(bitPattern: base) + capacity) / huge * huge
            if end > start, let address = UnsafeMutableRawPointer(bitPattern: start) {
                madvise(address, end - start, MADV_HUGEPAGE)
            }
        }
    }
#else
    /// Huge pages are a Linux `madvise` flag; elsewhere the store keeps the default pages.
    package func adviseHugePages() {}
#endif
}
