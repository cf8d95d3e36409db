import CNcursesw
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// What the stand-in "previous handler" saw; written from a signal handler.
nonisolated(unsafe) private var chainedSignal: Int32 = 0
nonisolated(unsafe) private var chainedCode: Int32 = 0

/// The crash handlers run in this process: SIGFPE is raised for real, with a
/// recording handler standing in for the Swift backtracer or a sanitizer.
@Suite(.serialized) struct CrashHandlerChainingTests {
    private static let crashSignals = [SIGILL, SIGTRAP, SIGABRT, SIGSEGV, SIGBUS, SIGFPE]

    /// Runs `body`, then puts every crash signal's action back as it was.
    private func preservingCrashActions(_ body: () throws -> Void) rethrows {
        var saved: [(Int32, sigaction)] = []
        for signal in Self.crashSignals {
            var action = sigaction()
            sigaction(signal, nil, &action)
            saved.append((signal, action))
        }
        defer {
            for (signal, action) in saved {
                var previous = action
                sigaction(signal, &previous, nil)
            }
        }
        try body()
    }

    private func currentHandler(_ signal: Int32) -> UnsafeRawPointer? {
        var action = sigaction()
        sigaction(signal, nil, &action)
        return unsafeBitCast(action.__sigaction_handler.sa_handler, to: UnsafeRawPointer?.self)
    }

    @Test func theHandlerBeforeOursStillGetsTheCrash() {
        preservingCrashActions {
            var recorder = sigaction()
            recorder.__sigaction_handler.sa_sigaction = { signal, info, _ in
                chainedSignal = signal
                chainedCode = info?.pointee.si_code ?? 0
            }
            recorder.sa_flags = SA_SIGINFO
            sigemptyset(&recorder.sa_mask)
            sigaction(SIGFPE, &recorder, nil)
            let recorderAddress = currentHandler(SIGFPE)

            smtp_install_crash_handlers()
            #expect(currentHandler(SIGFPE) != recorderAddress, "the crash handler was not installed")
            chainedSignal = 0
            raise(SIGFPE)
            #expect(chainedSignal == SIGFPE)
            // The very siginfo of the signal reached it: raise() sends with SI_TKILL.
            #expect(chainedCode == SI_TKILL)
            #expect(currentHandler(SIGFPE) == recorderAddress, "the previous handler was not put back")
        }
    }

    @Test func aCrashSignalIgnoredAtStartStaysIgnored() {
        preservingCrashActions {
            signal(SIGFPE, SIG_IGN)
            smtp_install_crash_handlers()
            #expect(currentHandler(SIGFPE) == unsafeBitCast(SIG_IGN, to: UnsafeRawPointer?.self))
        }
    }
}
