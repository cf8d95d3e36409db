import FuzzSupport
import InputReading

/// One input: two bytes choose a chunk size (1-32) and a line cut (1-40), the rest is read by
/// `LineReader` as a file would be. Properties: reading in small chunks and in one large chunk
/// hands on the same lines and ends the same way; lines are numbered 1, 2, 3…, hold no LF and
/// are never longer than the cut; and plain (not gzip) input is split exactly as a reference
/// splitter written the obvious way does.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzLines(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    guard let data, size >= 2 else { return 0 }
    let chunk = 1 + Int(data[0] % 32), maximum = 1 + Int(data[1] % 40)
    let bytes = Array(UnsafeBufferPointer(start: data + 2, count: size - 2))
    let small = read(bytes, chunk: chunk, maximum: maximum)
    let large = read(bytes, chunk: 1 << 16, maximum: maximum)
    let shown = "chunk \(chunk), cut \(maximum), input \(bytes.prefix(64))"
    fuzzCheck(kind(small.failure) == kind(large.failure), "chunking changed the ending: \(String(describing: small.failure)) / \(String(describing: large.failure)); \(shown)")
    if small.failure == nil { fuzzCheck(small.lines == large.lines, "chunking changed the lines; \(shown)") }
    fuzzCheck(small.numbers == Array(stride(from: 1, through: small.lines.count, by: 1)), "lines misnumbered; \(shown)")
    for line in small.lines {
        fuzzCheck(line.count <= maximum && !line.contains(0x0A), "a line longer than the cut or with LF; \(shown)")
    }
    if !(bytes.count >= 2 && bytes[0] == 0x1F && bytes[1] == 0x8B) {
        fuzzCheck(small.failure == nil, "plain input failed: \(String(describing: small.failure)); \(shown)")
        fuzzCheck(small.lines == reference(bytes, maximum: maximum), "lines differ from the reference splitter; \(shown)")
    }
    return 0
}

private struct Read {
    var lines: [[UInt8]] = []
    var numbers: [Int] = []
    var failure: InputFailure?
}

private func read(_ bytes: [UInt8], chunk: Int, maximum: Int) -> Read {
    var result = Read()
    do {
        _ = try LineReader(chunkBytes: chunk, maximumLineBytes: maximum).read(bytes: bytes, name: "fuzz") { line, number in
            var copy: [UInt8] = []
            for index in 0..<line.count { copy.append(line[index]) }
            result.lines.append(copy)
            result.numbers.append(number)
        }
    } catch let failure as InputFailure {
        result.failure = failure
    } catch {
        fuzzCheck(false, "unexpected error \(error)")
    }
    return result
}

/// The failure's case, without offsets (where zlib notices damage depends on how much it was given).
private func kind(_ failure: InputFailure?) -> String {
    switch failure?.kind {
    case nil: "none"
    case .unreadable?: "unreadable"
    case .corruptGzip?: "corrupt"
    case .truncatedGzip?: "truncated"
    case .trailingData?: "trailing"
    }
}

/// Lines split at LF, one CR before it dropped, cut to `maximum` bytes at a UTF-8 boundary.
private func reference(_ bytes: [UInt8], maximum: Int) -> [[UInt8]] {
    func cut(_ line: ArraySlice<UInt8>) -> [UInt8] {
        var line = Array(line)
        if line.last == 0x0D { line.removeLast() }
        guard line.count > maximum else { return line }
        var end = maximum
        while end > 0, line[end] & 0xC0 == 0x80 { end -= 1 }
        return Array(line[..<end])
    }
    var lines: [[UInt8]] = []
    var start = 0
    for index in bytes.indices where bytes[index] == 0x0A {
        lines.append(cut(bytes[start..<index]))
        start = index + 1
    }
    if start < bytes.count { lines.append(cut(bytes[start...])) }
    return lines
}

/// The process's main (see runFuzzer for why the target defines it).
@_cdecl("fuzz_lines_main")
public func fuzzLinesMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    runFuzzer(argc: argc, argv: argv, fuzzLines)
}
