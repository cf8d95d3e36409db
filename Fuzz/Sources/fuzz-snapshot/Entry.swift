import FuzzSupport
@testable import CatalogLoading
import SMTPCatalog

/// This process's own fingerprint, for no catalog files, and the whole header made with it,
/// so that every input is read as the runs after it: the mutations are spent on the runs,
/// not on a fingerprint they could never match.
private let fingerprint: SnapshotFingerprint = {
    guard let fingerprint = SnapshotFingerprint(files: []) else { fatalError("cannot stat /proc/self/exe") }
    return fingerprint
}()
private let header = CatalogSnapshot.header(fingerprint).bytes

/// One input: the runs of a catalog snapshot (`CatalogSnapshot.decode`), which must be
/// refused or read, never read out of bounds; what is read is taken in as a catalog, and
/// every text and list of every entry it gives is read back (spans inside their store).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzSnapshot(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = header + Array(UnsafeBufferPointer(start: data, count: size))
    guard let read = try? CatalogSnapshot.decode(bytes, expecting: fingerprint) else { return 0 }
    fuzzCheck(read.textBytes <= size, "texts of \(read.textBytes) bytes from an input of \(size)")
    var reading = CatalogReading(expectedBytes: read.textBytes)
    reading.take(read.read)
    guard let catalog = try? reading.catalog() else { return 0 }
    for entry in catalog.entries {
        let texts = [entry.className, entry.title, entry.summary, entry.description, entry.when, entry.fix]
        let lists = [entry.commands, entry.seenAfter, entry.related, entry.keywords]
        let total = texts.reduce(0) { $0 + $1.utf8.count } + lists.joined().reduce(0) { $0 + $1.utf8.count }
        _ = entry.rfcs
        _ = entry.caveat
        fuzzCheck(total >= 0 && catalog.position(ofKey: entry.code) != nil, "entry \(entry.code) is not found by its code")
    }
    return 0
}

/// The process's main (see runFuzzer for why the target defines it).
@_cdecl("fuzz_snapshot_main")
public func fuzzSnapshotMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    runFuzzer(argc: argc, argv: argv, fuzzSnapshot)
}
