import FuzzDriver

/// What one fuzz target checks for one input; returning normally means the input passed.
public typealias FuzzBody = @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt

/// Runs libFuzzer on `body` with the process's arguments (corpus folders, -runs=,
/// -max_total_time=…) and returns its exit status.
///
/// Why each target needs a main of its own: SwiftPM links an executable with
/// `--defsym main=<module>_main` and swiftc with -sanitize=fuzzer names a main.swift's
/// top-level code `LLVMFuzzerTestOneInput` instead, so neither the usual main.swift nor
/// libFuzzer's own main fits. Each target is built with -parse-as-library, exports its
/// body as `LLVMFuzzerTestOneInput` (libFuzzer's main, linked but unused, names it) and
/// defines `<module>_main` calling this.
public func runFuzzer(argc: CInt, argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?, _ body: FuzzBody) -> CInt {
    // The driver takes both by address because it may rewrite them.
    var count = argc
    var arguments = argv
    return LLVMFuzzerRunDriver(&count, &arguments, body)
}
