import CNcursesw

/// Gathers what the terminal sends between its paste markers (bracketed paste,
/// `ESC[200~` … `ESC[201~`) into one text, so nothing pasted is read as keys:
/// a pasted line break is not Enter and a pasted `q` does not quit.
package struct PasteAssembler {
    /// What to do with one result of `wget_wch`.
    package enum Step: Equatable {
        /// Not part of a paste: decode it as usual.
        case pass
        /// Taken by the paste (or one of its markers); nothing to report yet.
        case consumed
        /// The paste is complete.
        case finished(String)
    }

    /// A paste is cut after this many characters (the rest is still read and
    /// dropped): a search query has no use for more, and memory stays bounded.
    package static let maximumLength = 4096
    /// Input timeouts in a row after which a paste whose end marker never came is
    /// closed with what has arrived; terminals send a paste in one burst, so this
    /// only guards against keys being swallowed forever after a lost marker.
    package static let idleLimit = 7

    package private(set) var isCollecting = false
    private var text = String.UnicodeScalarView()
    private var length = 0
    private var idleReads = 0

    package init() {}

    /// `status` and `value` as `wget_wch` returned them (OK or KEY_CODE_YES).
    package mutating func feed(status: Int32, value: UInt32) -> Step {
        idleReads = 0
        let keyCode = status == KEY_CODE_YES ? Int32(bitPattern: value) : nil
        guard isCollecting else {
            if keyCode == smtp_KEY_PASTE_BEGIN {
                isCollecting = true
                return .consumed
            }
            // A stray end marker means nothing on its own.
            return keyCode == smtp_KEY_PASTE_END ? .consumed : .pass
        }
        switch keyCode {
        case smtp_KEY_PASTE_END?:
            return .finished(finish())
        case KEY_RESIZE?, KEY_MOUSE?:
            // Not typed by the paste: the window really changed or the mouse was used.
            return .pass
        case .some:
            // An escape sequence inside the pasted text that ncurses took for a key.
            return .consumed
        case nil:
            if status == OK, length < Self.maximumLength, let scalar = Unicode.Scalar(value) {
                text.append(scalar)
                length += 1
            }
            return .consumed
        }
    }

    /// Call when a read timed out with nothing; gives the text of a paste that has
    /// waited too long for its end marker.
    package mutating func idle() -> String? {
        guard isCollecting else { return nil }
        idleReads += 1
        return idleReads >= Self.idleLimit ? finish() : nil
    }

    private mutating func finish() -> String {
        let result = String(text)
        self = PasteAssembler()
        return result
    }
}
