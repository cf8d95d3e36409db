extension Array where Element == String {
    /// The strings with `separator` between them, as `joined(separator:)` gives them.
    /// Written out for arrays of strings: the standard library's is generic, and its first
    /// call in a process resolves its types at run time, which took longer than the rest of
    /// laying out the explorer's first detail pane (docs/performance.md, "Fourth pass").
    public func joined(by separator: String) -> String {
        var result = ""
        for (index, part) in enumerated() {
            if index > 0 { result += separator }
            result += part
        }
        return result
    }
}
