import ArgumentParser
import ReplyExplainer

/// `--format`: a format named, or `auto` to have it detected from the first lines.
enum FormatChoice: String, ExpressibleByArgument, CaseIterable {
    case auto, reply, postfix, exim, sendmail, mail, transcript

    var format: InputFormat? { self == .auto ? nil : InputFormat(rawValue: rawValue) }

    static let help = "Input format: auto (detected), reply, postfix, exim, sendmail, mail (a DSN or an mbox of bounces) or transcript (an SMTP session)."
}

extension TriageGrouping: ExpressibleByArgument {}
