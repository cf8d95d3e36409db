import Glibc

/// The process's environment variables, read from `environ` itself. `ProcessInfo` holds
/// the same, but its first use sets up far more than the environment, and the explorer
/// would pay for that before its first screen (docs/performance.md, "Cold start").
public enum ProcessEnvironment {
    /// Each variable once; when one is set twice, the first wins, as with `getenv`.
    public static func current() -> [String: String] {
        var variables: [String: String] = [:]
        // Room for a usual environment at once: growing the table as it fills cost more than the rest.
        variables.reserveCapacity(64)
        var entry: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = environ
        while let current = entry, let pointer = current.pointee {
            let text = String(cString: pointer)
            if let equals = text.utf8.firstIndex(of: UInt8(ascii: "=")) {
                let name = String(text[..<equals])
                if variables[name] == nil { variables[name] = String(text[text.utf8.index(after: equals)...]) }
            }
            entry = current + 1
        }
        return variables
    }
}
