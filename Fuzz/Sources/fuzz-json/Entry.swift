import Foundation
import FuzzSupport
@testable import CatalogLoading
import SMTPCatalog

/// One input: the catalog JSON reader against RFC 8259 and Foundation, then the
/// catalog loader's pull path (member by member, the memcmp key match) on the same
/// bytes, which must only ever throw, never trap.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzJSON(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    for disagreement in Differential.compare(bytes) {
        switch disagreement {
        case .readerDecision(let accepted):
            fuzzCheck(false, "reader \(accepted ? "accepted" : "rejected") \(describe(bytes)) against RFC 8259")
        case .value(let path, let ours, let theirs):
            fuzzCheck(false, "value differs at \(path): reader \(ours), Foundation \(theirs) for \(describe(bytes))")
        case .foundationDecision(let accepted):
            FoundationLog.record(accepted: accepted, bytes)
        }
    }
    _ = try? CatalogLoader.load(data: Data(bytes), named: "fuzz.json")
    return 0
}

/// The input as an escaped string literal, short enough for a crash report.
func describe(_ bytes: [UInt8]) -> String {
    let text = bytes.prefix(200).map { byte -> String in
        switch byte {
        case 0x20..<0x7F where byte != 0x5C && byte != 0x22: String(UnicodeScalar(byte))
        default: String(format: "\\x%02X", byte)
        }
    }.joined()
    return "\"\(text)\"\(bytes.count > 200 ? "… (\(bytes.count) bytes)" : "")"
}

/// Inputs on which Foundation strays from RFC 8259, written to $FUZZ_JSON_LOG when set,
/// sorted by the leniency that explains them; a few samples of each known one and
/// more of the unexplained, with running counts, so the file stays small.
enum FoundationLog {
    nonisolated(unsafe) private static var counts: [String: Int] = [:]
    private static let handle: FileHandle? = {
        guard let path = ProcessInfo.processInfo.environment["FUZZ_JSON_LOG"],
              FileManager.default.createFile(atPath: path, contents: nil) else { return nil }
        return FileHandle(forWritingAtPath: path)
    }()

    static func record(accepted: Bool, _ bytes: [UInt8]) {
        guard let handle else { return }
        let category = (accepted ? "accepts: " : "rejects: ") + reason(accepted: accepted, bytes)
        let count = counts[category, default: 0] + 1
        counts[category] = count
        let limit = category.hasSuffix("unexplained") ? 200 : 5
        if count <= limit || [10, 100, 1000, 10000, 100000].contains(count) {
            handle.write(Data("\(category) #\(count) \(describe(bytes))\n".utf8))
        }
    }

    /// Foundation's known leniencies and limits, tried in turn.
    private static func reason(accepted: Bool, _ bytes: [UInt8]) -> String {
        if bytes.contains(0) { return "NUL bytes (read as UTF-16 or UTF-32)" }
        if accepted, hasTrailingComma(bytes) { return "trailing comma" }
        if !accepted, let value = try? JSONParser.withParser(bytes, { try $0.parseDocument() }), hasInfinity(value) {
            return "number beyond Double's range"
        }
        return "unexplained"
    }

    private static func hasTrailingComma(_ bytes: [UInt8]) -> Bool {
        let meaningful = bytes.filter { ![0x20, 0x09, 0x0A, 0x0D].contains($0) }
        return zip(meaningful, meaningful.dropFirst()).contains { $0 == UInt8(ascii: ",") && ($1 == UInt8(ascii: "]") || $1 == UInt8(ascii: "}")) }
    }

    private static func hasInfinity(_ value: JSONValue) -> Bool {
        switch value {
        case .number(let number): number.isInfinite
        case .array(let elements): elements.contains(where: hasInfinity)
        case .object(let members): members.values.contains(where: hasInfinity)
        default: false
        }
    }
}

/// The process's main (see runFuzzer for why the target defines it).
@_cdecl("fuzz_json_main")
public func fuzzJSONMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    runFuzzer(argc: argc, argv: argv, fuzzJSON)
}
