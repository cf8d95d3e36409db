import FoundationEssentials

/// Interface labels in one language, read from `Resources/locales/<lang>.json`.
/// Missing keys fall back to English, so a partial translation still reads.
public struct LabelTable: Sendable {
    public let language: Language
    private let labels: [String: String]
    private let fallback: [String: String]

    public init(language: Language, labels: [String: String], fallback: [String: String] = [:]) {
        self.language = language
        self.labels = labels
        self.fallback = fallback
    }

    public var keys: Set<String> { Set(labels.keys) }

    /// The label for `key`; an unknown key shows itself, which a test catches.
    public subscript(_ key: String) -> String {
        labels[key] ?? fallback[key] ?? key
    }

    /// The label with `%1$@`, `%2$@`, … replaced by the arguments in order.
    public func format(_ key: String, _ arguments: String...) -> String {
        var text = self[key]
        for (index, argument) in arguments.enumerated().reversed() {
            let placeholder = "%\(index + 1)$@"
            // In ASCII every byte is a character, so the bytes can be matched directly;
            // the generic `replacing` walks characters (the list's title is formatted on every frame).
            text = text.utf8.allSatisfy({ $0 < 0x80 })
                ? Self.replacingBytes(of: placeholder, with: argument, in: text)
                : text.replacing(placeholder, with: argument)
        }
        return text
    }

    /// Every occurrence of `target` in `text` replaced from left to right, as `replacing` does.
    static func replacingBytes(of target: String, with replacement: String, in text: String) -> String {
        let source = Array(text.utf8), pattern = Array(target.utf8)
        guard let first = pattern.first else { return text }
        var result: [UInt8] = []
        result.reserveCapacity(source.count + replacement.utf8.count)
        var index = 0
        while index < source.count {
            if source[index] == first, index + pattern.count <= source.count,
               source[index..<index + pattern.count].elementsEqual(pattern) {
                result.append(contentsOf: replacement.utf8)
                index += pattern.count
            } else {
                result.append(source[index])
                index += 1
            }
        }
        return String(decoding: result, as: UTF8.self)
    }
}
