import ChatCore
import IntentMatching
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A progress bar for training on standard error, redrawn in place with `\r`; drawn only when
/// standard error is a terminal, so pipes and logs stay clean.
///
/// `training linear       [##########--------------------]  33%`
struct TrainingProgressBar {
    let isEnabled: Bool
    private var lastLine = ""

    init(isEnabled: Bool = isatty(STDERR_FILENO) == 1) {
        self.isEnabled = isEnabled
    }

    /// Redraws the bar for `progress` when what it shows has changed.
    mutating func show(_ progress: TrainingProgress) {
        guard isEnabled else { return }
        let width = 30
        let fraction = progress.total > 0 ? min(1, max(0, Double(progress.completed) / Double(progress.total))) : 0
        let filled = Int(fraction * Double(width))
        let stage = progress.stage + String(repeating: " ", count: max(0, 12 - progress.stage.count))
        let percent = String(Int(fraction * 100))
        let line = "training \(stage) [" + String(repeating: "#", count: filled) + String(repeating: "-", count: width - filled)
            + "] " + String(repeating: " ", count: 3 - percent.count) + percent + "%"
        guard line != lastLine else { return }
        lastLine = line
        Self.write("\r" + line + "\u{1B}[K")
    }

    /// Clears the bar's line.
    mutating func finish() {
        guard isEnabled, !lastLine.isEmpty else { return }
        lastLine = ""
        Self.write("\r\u{1B}[K")
    }

    private static func write(_ text: String) {
        var text = text
        text.withUTF8 { _ = Glibc.write(STDERR_FILENO, $0.baseAddress, $0.count) }
    }
}
