import CZlib

/// Inflates gzip data as it arrives, member after member (`cat a.gz b.gz` is one valid
/// gzip file), into an output buffer of fixed size that the caller empties after each
/// call. The only user of zlib.
final class GzipInflater {
    enum Failure: Error {
        /// zlib's message, and how many bytes of this call's input it had consumed.
        case corrupt(String, consumed: Int)
        /// After a complete member, bytes that do not start another one.
        case trailingData(consumed: Int)
    }

    private var stream = z_stream()
    private var output: UnsafeMutableBufferPointer<UInt8>
    /// Inside a member (its header begun, its trailer not yet read).
    private(set) var isInsideMember = false
    /// A member ended and the next bytes decide what follows: another member, zero padding, or garbage.
    private var betweenMembers = false
    /// Zero bytes after the last member (some tools pad to a block size), skipped as gzip(1) does.
    private var inPadding = false

    init(outputBytes: Int) throws(Failure) {
        output = .allocate(capacity: outputBytes)
        let status = smtp_inflate_init_gzip(&stream)
        guard status == Z_OK else {
            output.deallocate()
            throw .corrupt(Self.message(stream, status), consumed: 0)
        }
    }

    deinit {
        inflateEnd(&stream)
        output.deallocate()
    }

    /// Inflates all of `input`, handing each filled part of the output buffer to `body`.
    func inflate(_ input: UnsafeBufferPointer<UInt8>, _ body: (UnsafeBufferPointer<UInt8>) throws -> Void) throws {
        guard var next = input.baseAddress else { return }
        var available = input.count
        let start = next
        func consumed() -> Int { next - start }
        while available > 0 {
            if betweenMembers || inPadding {
                // Zero padding after the data is skipped; a gzip magic starts another member.
                if next[0] == 0 {
                    inPadding = true
                    next += 1
                    available -= 1
                    continue
                }
                guard !inPadding, next[0] == 0x1F else { throw Failure.trailingData(consumed: consumed()) }
                betweenMembers = false
                inflateReset(&stream)
            }
            stream.next_in = UnsafeMutablePointer(mutating: next)
            stream.avail_in = UInt32(truncatingIfNeeded: min(available, Int(UInt32.max)))
            let given = Int(stream.avail_in)
            stream.next_out = output.baseAddress
            stream.avail_out = UInt32(output.count)
            let status = CZlib.inflate(&stream, Z_NO_FLUSH)
            let used = given - Int(stream.avail_in)
            next += used
            available -= used
            let produced = output.count - Int(stream.avail_out)
            if used > 0 || produced > 0 { isInsideMember = true }
            switch status {
            case Z_OK, Z_BUF_ERROR:
                break
            case Z_STREAM_END:
                isInsideMember = false
                betweenMembers = true
            default:
                throw Failure.corrupt(Self.message(stream, status), consumed: consumed())
            }
            if produced > 0 { try body(UnsafeBufferPointer(rebasing: output[..<produced])) }
            // No input used and no output made: zlib needs more input than this call has.
            if used == 0, produced == 0, status != Z_STREAM_END { break }
        }
        // The output buffer may still hold more for this input (it was full): drain it.
        while isInsideMember {
            stream.next_in = nil
            stream.avail_in = 0
            stream.next_out = output.baseAddress
            stream.avail_out = UInt32(output.count)
            let status = CZlib.inflate(&stream, Z_NO_FLUSH)
            let produced = output.count - Int(stream.avail_out)
            if status == Z_STREAM_END {
                isInsideMember = false
                betweenMembers = true
            } else if status != Z_OK && status != Z_BUF_ERROR {
                throw Failure.corrupt(Self.message(stream, status), consumed: consumed())
            }
            if produced > 0 { try body(UnsafeBufferPointer(rebasing: output[..<produced])) }
            if produced == 0 { break }
        }
    }

    private static func message(_ stream: z_stream, _ status: Int32) -> String {
        if let text = stream.msg { return String(cString: text) }
        switch status {
        case Z_NEED_DICT: return "a preset dictionary is needed"
        case Z_MEM_ERROR: return "out of memory"
        case Z_STREAM_ERROR: return "inconsistent stream state"
        default: return "zlib error \(status)"
        }
    }
}
