import ArgumentParser
import FoundationEssentials
import Glibc

/// Standard output could not be written: the reader went away (`| head`) or the
/// disk is full (`> /dev/full`).
struct OutputFailure: Error, CustomStringConvertible {
    /// The `errno` value.
    let code: Int32
    var description: String { String(cString: strerror(code)) }

    /// A reader that stopped reading is not an error worth a message: leave quietly with
    /// the status SIGPIPE would have given. Anything else is said once, with EX_IOERR.
    var exitCode: ExitCode {
        if code == EPIPE { return ExitStatus.brokenPipe }
        Output.error("cannot write to standard output: \(description)")
        return ExitStatus.ioError
    }
}
