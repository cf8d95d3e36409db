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
                ? text.replacingBytes(of: placeholder, with: argument)
                : text.replacing(placeholder, with: argument)
        }
        return text
    }
}
