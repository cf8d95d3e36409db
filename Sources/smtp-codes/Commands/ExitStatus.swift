import ArgumentParser

/// Exit codes documented in the README, `--help` and the man page (sysexits where one fits).
enum ExitStatus {
    static let notFound = ExitCode(1)
    static let usage = ExitCode(64)        // EX_USAGE
    static let invalidCatalog = ExitCode(65) // EX_DATAERR
    static let resourcesMissing = ExitCode(66) // EX_NOINPUT
    static let ioError = ExitCode(74)       // EX_IOERR
    static let interrupted = ExitCode(130)  // 128 + SIGINT
    static let brokenPipe = ExitCode(141)   // 128 + SIGPIPE, as if the signal had not been ignored

    /// What each status means, in the order people look them up; `--help` and the
    /// man page's EXIT STATUS section are both written from this list.
    static let meanings: [(status: String, meaning: String)] = [
        ("0", "success"),
        ("1", "not found, no match, or no SMTP code in the input"),
        ("64", "usage error"),
        ("65", "invalid catalog (every problem is listed on stderr)"),
        ("66", "resources missing (the catalog bundle is not beside the binary)"),
        ("74", "input or output error (an input unreadable, disk full)"),
        ("130", "interrupted (143 terminated, 131 quit, 129 hung up or terminal closed)"),
        ("141", "standard output closed early (| head)"),
    ]

    /// The EXIT STATUS block at the end of `smtp-codes --help`.
    static let helpText = (["EXIT STATUS"] + meanings.map { status, meaning in
        "  " + status + String(repeating: " ", count: max(1, 5 - status.count)) + meaning
    }).joined(separator: "\n")
}
