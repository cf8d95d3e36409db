import SMTPCatalog

/// `SafeText.isUnsafe` on UTF-8 bytes: catalog loading checks every text of every
/// entry, so it scans bytes eight at a time rather than decoding scalars.
package enum ControlBytes {
    /// The first scalar `isUnsafe` names, found by its UTF-8 pattern: C0 controls and DEL
    /// are single bytes, C1 controls are C2 80–9F, the bidirectional controls
    /// E2 80 AA–AE and E2 81 A6–A9. The bytes must be valid UTF-8, as a String's are.
    package static func firstUnsafeScalar(in bytes: UnsafeBufferPointer<UInt8>) -> Unicode.Scalar? {
        var index = 0
        let end = bytes.count
        while index < end {
            index = ByteScan.endOfPrintableASCII(in: bytes, from: index)
            guard index < end else { break }
            let byte = bytes[index]
            if byte < 0x20 || byte == 0x7F { return Unicode.Scalar(byte) }
            if byte == 0xC2, index + 1 < end, (0x80...0x9F).contains(bytes[index + 1]) {
                return Unicode.Scalar(bytes[index + 1])
            }
            if byte == 0xE2, index + 2 < end {
                let second = bytes[index + 1], third = bytes[index + 2]
                if (second == 0x80 && (0xAA...0xAE).contains(third)) || (second == 0x81 && (0xA6...0xA9).contains(third)) {
                    return Unicode.Scalar(0x2000 | UInt32(second & 0x3F) << 6 | UInt32(third & 0x3F))
                }
            }
            index += 1
        }
        return nil
    }
}
