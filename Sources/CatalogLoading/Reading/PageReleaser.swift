import SMTPCatalog

/// Hands back to the system the pages of a mapped file that reading has passed,
/// a few megabytes at a time (one `madvise` per step, not one per entry).
struct PageReleaser {
    private let file: MappedFile?
    private var released: Int
    private static let step = 4 << 20

    init(file: MappedFile?, from offset: Int) {
        self.file = file
        released = offset
    }

    mutating func passed(_ offset: Int) {
        guard let file, offset - released >= Self.step else { return }
        file.release(released..<offset)
        released = offset
    }
}
