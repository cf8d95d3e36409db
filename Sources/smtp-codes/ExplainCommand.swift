import ArgumentParser
import Foundation
import CatalogDocuments
import CatalogLoading
import CatalogSearch
import ReplyExplainer
import SMTPCatalog
import TerminalScreen

struct ExplainCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "explain",
        abstract: "Explain pasted SMTP reply lines, log lines or bounce text.",
        discussion: """
            Reads the lines given as arguments, or standard input when there are none
            or the argument is "-". Understands bare replies, multi-line replies
            (550-… continuation lines), Postfix and Exim log lines, DSN Diagnostic-Code
            fields and qmail's (#5.1.1).

            Examples:
              smtp-codes explain '550 5.1.1 <bob@example.com>: Recipient address rejected: User unknown'
              grep 'said:' /var/log/mail.log | smtp-codes explain
              pbpaste | smtp-codes explain --json
            """
    )

    @OptionGroup var options: GlobalOptions
    @Flag(help: "Print a JSON array with one object per reply.") var json = false
    @Argument(help: "Reply lines; none or \"-\" reads standard input.") var lines: [String] = []

    func run() throws {
        let context = try CommandContext(options)
        let input: String
        if lines.isEmpty || lines == ["-"] {
            guard isatty(STDIN_FILENO) == 0 else {
                Output.error(context.labels["explain.stdin_help"])
                throw ExitStatus.usage
            }
            input = try Self.readStandardInput()
        } else {
            input = lines.joined(separator: "\n")
        }
        try Self.explain(input, context: context, json: json)
    }

    /// The most of standard input `explain` reads; what follows is ignored with a warning.
    static let maximumInputBytes = 256 << 20

    /// All of standard input up to `maximumInputBytes`; an unreadable input (a directory,
    /// a closed descriptor) is reported and exits 74.
    static func readStandardInput() throws -> String {
        do {
            let contents = try BoundedInput.read(descriptor: STDIN_FILENO, limit: maximumInputBytes)
            if contents.wasCut {
                Output.error("standard input is larger than \(maximumInputBytes >> 20) MiB; only the first \(maximumInputBytes >> 20) MiB were read")
            }
            return String(decoding: contents.data, as: UTF8.self)
        } catch {
            Output.error("cannot read standard input: \(error)")
            throw ExitStatus.ioError
        }
    }

    /// Explains every reply in `input`; also used when text is piped into a bare `smtp-codes`.
    static func explain(_ input: String, context: CommandContext, json: Bool) throws {
        let explanations = ReplyParser.parse(input).map {
            ReplyExplanation($0, catalog: context.catalog, labels: context.labels)
        }
        if json {
            try context.output.json(explanations.map(ExplanationDocument.init))
        } else if !explanations.isEmpty {
            let printer = ExplanationPrinter(labels: context.labels, output: context.output)
            try context.output.write(explanations.map(printer.render).joined(separator: "\n\n"))
        }
        if explanations.isEmpty {
            Output.error(context.labels["explain.none"])
            throw ExitStatus.notFound
        }
    }
}

/// The JSON shape of one explained reply (documented in the README).
struct ExplanationDocument: Encodable {
    let replyCode: String?
    let enhancedCode: String?
    let command: String?
    let text: String
    let permanent: Bool
    let basic: CodeDocument?
    let enhanced: CodeDocument?
    let verdict: String
    let fault: String?
    let notes: [String]

    enum CodingKeys: String, CodingKey {
        case replyCode = "reply_code", enhancedCode = "enhanced_code", command, text, permanent
        case basic, enhanced, verdict, fault, notes
    }

    init(_ explanation: ReplyExplanation) {
        let reply = explanation.reply
        replyCode = reply.replyCode.map(String.init)
        enhancedCode = reply.enhancedCode
        command = reply.command
        text = SafeText.visible(reply.text)
        permanent = reply.isPermanent
        basic = explanation.basic.map(CodeDocument.init)
        enhanced = explanation.enhanced.map(CodeDocument.init)
        verdict = explanation.verdict
        fault = explanation.fault
        notes = explanation.notes
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(replyCode, forKey: .replyCode)
        try container.encode(enhancedCode, forKey: .enhancedCode)
        try container.encode(command, forKey: .command)
        try container.encode(text, forKey: .text)
        try container.encode(permanent, forKey: .permanent)
        try container.encode(basic, forKey: .basic)
        try container.encode(enhanced, forKey: .enhanced)
        try container.encode(verdict, forKey: .verdict)
        try container.encode(fault, forKey: .fault)
        try container.encode(notes, forKey: .notes)
    }
}

/// Plain-text explanation of one reply.
struct ExplanationPrinter {
    /// Wide enough for the longest label in either language, plus a space.
    static let labelWidth = 22
    let labels: LabelTable
    let output: Output

    func render(_ explanation: ReplyExplanation) -> String {
        let formatter = EntryFormatter(labels: labels, output: output)
        let reply = explanation.reply
        let codes = [reply.replyCode.map(String.init), reply.enhancedCode].compactMap { $0 }.joined(separator: " ")
        var lines = [output.classColored(output.bold(codes), digit: reply.effectiveClass) + "  " + output.bold(explanation.verdict)]
        func field(_ key: String, _ value: String) {
            let label = TextWrapper.pad(labels[key] + ":", width: Self.labelWidth)
            let wrapped = TextWrapper.wrap(SafeText.visible(value), width: max(20, formatter.textWidth - Self.labelWidth))
            lines.append(output.bold(label) + wrapped.joined(separator: "\n" + String(repeating: " ", count: Self.labelWidth)))
        }
        if let basic = explanation.basic {
            field("explain.basic", "\(basic.code) \(basic.entry.title) (\(basic.classLabel) \(basic.className)). \(basic.entry.summary)")
        }
        if let enhanced = explanation.enhanced {
            field("explain.enhanced", "\(enhanced.code) \(enhanced.entry.title) (\(enhanced.className)). \(enhanced.entry.summary)")
        }
        if let subject = explanation.subject {
            field("explain.subject", "\(subject.code) \(subject.entry.title)")
        }
        if let command = reply.command { field("explain.command", command) }
        if !reply.text.isEmpty { field("explain.server_said", reply.text) }
        if let fault = explanation.fault { field("explain.fault", fault) }
        for note in explanation.notes { field("explain.notes", note) }
        if let fix = (explanation.enhanced ?? explanation.basic)?.entry.fix {
            lines.append(formatter.section(labels["section.fix"], fix))
        }
        return lines.joined(separator: "\n")
    }
}
