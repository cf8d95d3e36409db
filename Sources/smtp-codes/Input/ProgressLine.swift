import FoundationEssentials
import CatalogLoading
import Dispatch
import Glibc
import InputReading
import TextSafety

/// The progress line on standard error while a large input is read: only when standard error
/// is a terminal and the input is over `threshold` bytes (or, of unknown size, has passed it).
/// Redrawn at most five times a second, with carriage returns and spaces only (no escape
/// sequences, so even a dumb terminal shows it), and cleared at the end.
final class ProgressLine {
    static let threshold = 16 << 20
    private let enabled: Bool
    private var shownWidth = 0
    private var lastDrawn: UInt64 = 0

    init(environment: [String: String] = ProcessEnvironment.current()) {
        enabled = isatty(STDERR_FILENO) == 1 && environment["TERM"] != "dumb"
    }

    func update(_ source: InputSource, _ progress: InputProgress) {
        guard enabled, max(progress.totalBytes ?? 0, progress.bytesRead) > Self.threshold else { return }
        let now = DispatchTime.now().uptimeNanoseconds
        guard now - lastDrawn > 200_000_000 || shownWidth == 0 else { return }
        lastDrawn = now
        let read = progress.bytesRead >> 20
        var text = "reading \(SafeText.visible(source.name)): \(read) MiB"
        if let total = progress.totalBytes, total > 0 {
            text += " of \(total >> 20) MiB (\(min(100, progress.bytesRead * 100 / total))%)"
        }
        let width = Output.terminalWidth(isTerminal: true, environment: [:], descriptor: STDERR_FILENO) - 1
        if text.count > width { text = String(text.suffix(max(10, width))) }
        draw(text)
    }

    /// Removes the line, so that what follows starts on a clean line.
    func clear() {
        guard shownWidth > 0 else { return }
        try? Output.write("\r" + String(repeating: " ", count: shownWidth) + "\r", to: STDERR_FILENO)
        shownWidth = 0
    }

    private func draw(_ text: String) {
        let padding = String(repeating: " ", count: max(0, shownWidth - text.count))
        try? Output.write("\r" + text + padding, to: STDERR_FILENO)
        shownWidth = max(shownWidth, text.count)
    }
}
