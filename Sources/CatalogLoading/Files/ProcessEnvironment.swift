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
            // Name and value straight from the C string's bytes: no String of the whole
            // entry to make and throw away (the first release of a String's storage alone
            // took a visible part of the explorer's start).
            let bytes = UnsafeRawBufferPointer(start: pointer, count: strlen(pointer))
            if let equals = bytes.firstIndex(of: UInt8(ascii: "=")) {
                let name = String(decoding: bytes[..<equals], as: UTF8.self)
                if variables[name] == nil {
                    variables[name] = String(decoding: bytes[(equals + 1)...], as: UTF8.self)
                }
            }
            entry = current + 1
        }
        return variables
    }
}
