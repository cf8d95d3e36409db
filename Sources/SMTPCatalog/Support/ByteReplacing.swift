extension String {
    /// Every occurrence of `target` replaced from left to right, matched on UTF-8 bytes:
    /// what `replacing` gives when every byte is a character of its own (ASCII text, or an
    /// ASCII target that starts and ends with a character no mark can join, such as a space),
    /// without walking grapheme clusters. Labels are formatted, and a log's replies cleaned,
    /// with it on every frame and every reply.
    package func replacingBytes(of target: String, with replacement: String) -> String {
        let source = Array(utf8), pattern = Array(target.utf8)
        guard let first = pattern.first, source.contains(first) else { return self }
        var result: [UInt8] = []
        result.reserveCapacity(source.count + replacement.utf8.count)
        var index = 0
        var changed = false
        while index < source.count {
            if source[index] == first, index + pattern.count <= source.count,
               source[index..<index + pattern.count].elementsEqual(pattern) {
                result.append(contentsOf: replacement.utf8)
                index += pattern.count
                changed = true
            } else {
                result.append(source[index])
                index += 1
            }
        }
        return changed ? String(decoding: result, as: UTF8.self) : self
    }
}
