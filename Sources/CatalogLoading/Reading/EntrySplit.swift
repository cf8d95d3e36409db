import SMTPCatalog
/// Where a large `entries` array can be cut in two, to read both halves at once.
enum EntrySplit {
    /// How far past the middle to look for a cut before giving up.
    private static let searchLimit = 1 << 20

    /// The offset of a comma between two entries (`}` `,` `{` outside any string)
    /// near the middle of `bytes[start..<end]`, or nil. The search starts at a line
    /// feed, because a raw line feed never occurs inside a JSON string, so string
    /// state is known from there. A cut that turns out not to lie between two
    /// entries makes the reader notice and read the file in one go instead.
    static func comma(in bytes: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int) -> Int? {
        let middle = start + (end - start) / 2
        guard var index = bytes[middle..<end].firstIndex(of: 0x0A) else { return nil }
        let limit = min(end, index + searchLimit)
        var inString = false
        var afterClose = false
        var comma: Int?
        while index < limit {
            let byte = bytes[index]
            index += 1
            if inString {
                if byte == UInt8(ascii: "\\") { index += 1 } else if byte == UInt8(ascii: "\"") { inString = false }
                continue
            }
            switch byte {
            case 0x20, 0x09, 0x0A, 0x0D:
                continue
            case UInt8(ascii: "}"):
                afterClose = true
                comma = nil
            case UInt8(ascii: ",") where afterClose && comma == nil:
                comma = index - 1
            case UInt8(ascii: "{") where comma != nil:
                return comma
            case UInt8(ascii: "\""):
                inString = true
                afterClose = false
                comma = nil
            default:
                afterClose = false
                comma = nil
            }
        }
        return nil
    }
}
