/// Where lines come from: a file named on the command line, or standard input.
public enum InputSource: Sendable, Equatable {
    case standardInput
    case file(String)

    /// The command-line spelling: `-` is standard input, anything else a path.
    public init(argument: String) {
        self = argument == "-" ? .standardInput : .file(argument)
    }

    /// How messages name it: the path as given, or "standard input".
    public var name: String {
        switch self {
        case .standardInput: "standard input"
        case .file(let path): path
        }
    }

    /// How output that points back into the input names it (`file` in NDJSON): the path, or `-`.
    public var argument: String {
        switch self {
        case .standardInput: "-"
        case .file(let path): path
        }
    }
}

/// How far a read has come, for a progress line.
public struct InputProgress: Sendable, Equatable {
    /// Bytes read from the source so far (compressed bytes when the input is gzip).
    public let bytesRead: Int
    /// The source's size when it is a regular file; nil for pipes and terminals.
    public let totalBytes: Int?
    /// A pipe, terminal or socket had nothing more to give at once: the next read waits for
    /// the writer. Never set for regular files and bytes in memory, which always have more
    /// or end. A streaming reader settles and writes what it holds here, so that a reply is
    /// answered while its writer waits for the answer (`RDD.pipe`, `exec` stages).
    public var inputWaits = false
}

/// What a finished (or stopped) read handed on.
public struct ReadSummary: Sendable, Equatable {
    /// Lines handed to the callback, cut lines included.
    public var lines = 0
    /// Lines longer than the cut: their first bytes were handed on, the rest skipped.
    public var cutLines = 0
    /// Bytes read from the source (compressed bytes when the input is gzip).
    public var bytesRead = 0
    /// Bytes of text after inflating (equal to `bytesRead` for plain input).
    public var contentBytes = 0
    /// The input started with gzip's magic bytes and was inflated.
    public var isCompressed = false
    /// Reading stopped at the content limit with more to come.
    public var stoppedAtLimit = false

    public init() {}
}
