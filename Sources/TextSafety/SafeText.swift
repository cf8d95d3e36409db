/// Text that came from a catalog file, a server reply or the user must never
/// reach a terminal with control characters in it: an ESC could repaint the
/// screen or retitle the window. These helpers find and neutralise them.
public enum SafeText {
    /// C0 controls, DEL, C1 controls, and bidirectional overrides that can make
    /// text display differently from what it says.
    public static func isUnsafe(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x00...0x1F, 0x7F...0x9F: true
        case 0x202A...0x202E, 0x2066...0x2069: true
        default: false
        }
    }

    public static func firstControlCharacter(in text: String) -> Unicode.Scalar? {
        // Catalog loading checks every text of every entry: scan the bytes, not the scalars.
        text.utf8.withContiguousStorageIfAvailable(firstUnsafeScalar(inUTF8:))
            ?? text.unicodeScalars.first(where: isUnsafe)
    }

    /// The first scalar `isUnsafe` names, found by its UTF-8 pattern: C0 controls and DEL
    /// are single bytes, C1 controls are C2 80–9F, the bidirectional controls
    /// E2 80 AA–AE and E2 81 A6–A9. The bytes must be valid UTF-8, as a String's are.
    public static func firstUnsafeScalar(inUTF8 bytes: UnsafeBufferPointer<UInt8>) -> Unicode.Scalar? {
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

    /// Replaces each unsafe scalar with a visible stand-in: C0 controls become
    /// their Control Pictures (U+2400 block, so ESC shows as ␛), others `�`.
    /// Tabs become a space so columns stay aligned.
    public static func visible(_ text: String) -> String {
        visible(text, keepingLineBreaks: false)
    }

    /// With `keepingLineBreaks`, line feeds stay (for multi-line messages such as
    /// help text); every other control character is still replaced.
    public static func visible(_ text: String, keepingLineBreaks: Bool) -> String {
        let kept: (Unicode.Scalar) -> Bool = { keepingLineBreaks && $0 == "\n" }
        guard text.unicodeScalars.contains(where: { isUnsafe($0) && !kept($0) }) else { return text }
        var scalars = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if !isUnsafe(scalar) || kept(scalar) {
                scalars.append(scalar)
            } else if scalar == "\t" {
                scalars.append(" ")
            } else if scalar.value < 0x20, let picture = Unicode.Scalar(0x2400 + scalar.value) {
                scalars.append(picture)
            } else if scalar.value == 0x7F {
                scalars.append("\u{2421}")
            } else {
                scalars.append("\u{FFFD}")
            }
        }
        return String(scalars)
    }
}
