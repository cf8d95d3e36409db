import FoundationEssentials
import Glibc
import CatalogDocuments
import CatalogLoading
import CatalogSearch
import ReplyExplainer
import SMTPCatalog

/// Where and how a command writes: colour decided once, errors to stderr.
struct Output {
    let useColor: Bool
    let width: Int
    let isTerminal: Bool

    init(color: ColorChoice, environment: [String: String] = ProcessEnvironment.current()) {
        let isTerminal = isatty(STDOUT_FILENO) == 1
        self.isTerminal = isTerminal
        useColor = color.allowsColor(onTerminal: isTerminal, environment: environment)
        width = Output.terminalWidth(isTerminal: isTerminal, environment: environment)
    }

    /// The terminal's width, `COLUMNS` when set, else 80 for pipes so output stays stable.
    static func terminalWidth(isTerminal: Bool, environment: [String: String], descriptor: Int32 = STDOUT_FILENO) -> Int {
        if let columns = environment["COLUMNS"].flatMap(Int.init), columns > 0 { return columns }
        var size = winsize()
        if isTerminal, ioctl(descriptor, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 {
            return Int(size.ws_col)
        }
        return 80
    }

    /// Writes `text` and a final newline to standard output; a closed pipe or a full
    /// disk throws `OutputFailure`.
    func write(_ text: String) throws(OutputFailure) {
        try Self.write(text.hasSuffix("\n") ? text : text + "\n", to: STDOUT_FILENO)
    }

    /// Errors go to stderr; if even that fails there is nobody left to tell.
    static func error(_ text: String) {
        try? write(SafeText.visible(text, keepingLineBreaks: true) + "\n", to: STDERR_FILENO, label: "smtp-codes: ")
    }

    /// Writes all of `text` (after `label`); see `write(bytes:to:)`.
    static func write(_ text: String, to descriptor: Int32, label: String = "") throws(OutputFailure) {
        try write(bytes: Array((label + text).utf8), to: descriptor)
    }

    /// Writes `bytes` whole with `write(2)`, again after a signal or a partial write; a closed
    /// pipe or a full disk throws `OutputFailure` with the `errno`.
    static func write(bytes: [UInt8], to descriptor: Int32) throws(OutputFailure) {
        if let failure = DescriptorWriter.writeAll(bytes, to: descriptor) { throw OutputFailure(code: failure) }
    }

    /// ANSI styling, applied only when colour is on.
    func style(_ text: String, _ codes: String) -> String {
        useColor ? "\u{1B}[\(codes)m\(text)\u{1B}[0m" : text
    }

    func bold(_ text: String) -> String { style(text, "1") }

    /// The one mapping from a document role to terminal styling, for every command:
    /// titles bold in their class colour, class lines in it, headings bold.
    func styled(_ text: String, _ role: DocumentLine.Role, classDigit: Int? = nil) -> String {
        switch role {
        case .title: classColored(bold(text), digit: classDigit)
        case .classLine: classColored(text, digit: classDigit)
        case .heading: bold(text)
        case .source: style(text, "2")
        case .body, .caveat, .blank: text
        }
    }

    /// A triage line: group names and headings bold, bars and sparklines in their class colour,
    /// small print dim, warnings about the input yellow. Nothing but the text without colour.
    func styled(_ line: TriageDocument.Line) -> String {
        line.segments.map { segment in
            switch segment.role {
            case .heading, .group: bold(segment.text)
            case .body: segment.text
            case .label: style(segment.text, "2")
            case .bar: segment.classDigit == nil ? segment.text : classColored(segment.text, digit: segment.classDigit)
            case .note: style(segment.text, "33")
            }
        }.joined()
    }

    /// The class colour used everywhere: 2 green, 3 cyan, 4 yellow, 5 red.
    func classColored(_ text: String, digit: Int?) -> String {
        switch digit {
        case 2: style(text, "32")
        case 3: style(text, "36")
        case 4: style(text, "33")
        case 5: style(text, "31")
        default: style(text, "35")
        }
    }

    func json<T: Encodable>(_ value: T) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        try write(String(decoding: try encoder.encode(value), as: UTF8.self))
    }
}
