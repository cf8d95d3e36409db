import SMTPCatalog

/// Validates the objects of `reasons.json` and `codes.json`.
enum ReasonReader {
    static let reasonFields: Set<String> = ["id", "title", "meaning", "who_acts", "retry", "hard", "action", "sisimai", "ses", "kumomta"]

    static func reasons(_ items: [[String: JSONValue]], file: String, issues: inout [CatalogIssue]) -> [Reason] {
        var result: [Reason] = []
        var seen = Set<String>()
        for (position, object) in items.enumerated() {
            let label: String
            if case .string(let id)? = object["id"] { label = SafeText.visible(id) } else { label = "#\(position + 1)" }
            var reader = ObjectReader(object, file: file, entry: label, allowed: reasonFields)
            let id = reader.text("id")
            if let id, !RuleReader.isSlug(id) { reader.report("id", "must be lower case letters, digits and _") }
            if let id, !seen.insert(id).inserted { reader.report("id", "is used by another reason") }
            let title = reader.text("title"), meaning = reader.text("meaning"), action = reader.text("action")
            let whoActs = reader.choice("who_acts", WhoActs.self), retry = reader.choice("retry", RetryAdvice.self)
            let hard = reader.bool("hard")
            let sisimai = reader.text("sisimai"), ses = reader.text("ses"), kumomta = reader.text("kumomta")
            issues += reader.issues
            guard reader.issues.isEmpty, let id, let title, let meaning, let action, let whoActs, let retry, let hard,
                  let sisimai, let ses, let kumomta else { continue }
            result.append(Reason(id: id, title: title, meaning: meaning, whoActs: whoActs, retry: retry, hard: hard,
                                 action: action, sisimai: sisimai, ses: ses, kumomta: kumomta))
        }
        return result
    }

    static func codeReasons(_ items: [[String: JSONValue]], file: String, known: Set<String>, issues: inout [CatalogIssue]) -> [CodeReason] {
        var result: [CodeReason] = []
        for (position, object) in items.enumerated() {
            var reader = ObjectReader(object, file: file, entry: "#\(position + 1)", allowed: ["code", "command", "reason"])
            let code = reader.text("code").flatMap { text -> ReplyCodePattern? in
                guard let pattern = ReplyCodePattern(parsing: text) else {
                    reader.report("code", "\"\(SafeText.visible(text))\" is not a code, class (5xx) or subject (X.7)")
                    return nil
                }
                return pattern
            }
            let command = reader.text("command", required: false)
            if let command, !command.allSatisfy({ $0.isASCII && ($0.isUppercase || $0 == "-") }) {
                reader.report("command", "must be an SMTP command in capitals (MAIL, RCPT, DATA, CONNECT …)")
            }
            let reason = RuleReader.reason(&reader, known: known)
            issues += reader.issues
            guard reader.issues.isEmpty, let code, let reason else { continue }
            result.append(CodeReason(code: code, command: command, reason: reason))
        }
        return result
    }
}
