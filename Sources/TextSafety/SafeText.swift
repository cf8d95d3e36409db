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
        text.unicodeScalars.first(where: isUnsafe)
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
        // Nearly all text is printable ASCII: one pass over its bytes settles that without
        // decoding a scalar (`--ndjson` makes every reply's fields visible).
        let printableASCII = text.utf8.withContiguousStorageIfAvailable { bytes in
            bytes.allSatisfy { ($0 >= 0x20 && $0 < 0x7F) || (keepingLineBreaks && $0 == 0x0A) }
        }
        if printableASCII == true { return text }
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
