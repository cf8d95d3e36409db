import FoundationEssentials
import Glibc

/// A read that could not start or could not finish. The lines handed on before it
/// stay handed on; `summary` says how many there were.
public struct InputFailure: Error, CustomStringConvertible, Equatable {
    public enum Kind: Sendable, Equatable {
        /// Opening or reading failed (`errno`): a missing file, a directory, an I/O error.
        case unreadable(code: Int32, detail: String?)
        /// zlib found data that is not a gzip stream (`offset`: the compressed byte where it stopped).
        case corruptGzip(offset: Int, detail: String)
        /// The gzip stream ends inside a member: the file was cut short (a download, a copy of a log being written).
        case truncatedGzip(offset: Int)
        /// Bytes after the last complete gzip member that do not start another.
        case trailingData(offset: Int)
    }

    /// The source as messages name it (`InputSource.name`).
    public let source: String
    public let kind: Kind
    /// What was read before the failure.
    public let summary: ReadSummary

    public init(source: String, kind: Kind, summary: ReadSummary) {
        self.source = source
        self.kind = kind
        self.summary = summary
    }

    /// Could not be read at all, or stopped by the system (exit 74), rather than damaged data.
    public var isUnreadable: Bool {
        if case .unreadable = kind { return true }
        return false
    }

    /// What went wrong, without the source's name (`Is a directory`).
    public var reason: String {
        if case .unreadable(let code, let detail) = kind { return detail ?? String(cString: strerror(code)) }
        let full = description
        return String(full.dropFirst(source.count + 2))
    }

    /// One line naming the source and what went wrong, with the byte offset for damaged gzip data.
    public var description: String {
        let read = summary.lines == 1 ? "the line before it was read" : "the \(summary.lines) lines before it were read"
        switch kind {
        case .unreadable(let code, let detail):
            return "\(source): cannot be read: \(detail ?? String(cString: strerror(code)))"
        case .corruptGzip(let offset, let detail):
            return "\(source): damaged gzip data at byte \(offset) (\(detail)); \(read)"
        case .truncatedGzip(let offset):
            return "\(source): the gzip data is truncated at byte \(offset) (the file ends inside a compressed block); \(read)"
        case .trailingData(let offset):
            return "\(source): data after the end of the gzip stream, at byte \(offset), is not gzip and was not read; \(read)"
        }
    }
}
