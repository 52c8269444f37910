import Foundation

/// A one-line progress bar on standard error, drawn only when standard error is a terminal.
struct ProgressBar {
    private let total: Int?
    private let enabled: Bool
    private var lastDrawn = -1

    /// A bar for `total` items (nil when unknown); shown only if `wanted` and stderr is a terminal.
    init(total: Int?, wanted: Bool) {
        self.total = total
        self.enabled = wanted && isatty(STDERR_FILENO) != 0
    }

    /// Redraws the bar after `done` items.
    mutating func update(_ done: Int) {
        guard enabled, done != lastDrawn else { return }
        lastDrawn = done
        var line: String
        if let total, total > 0 {
            let width = 30
            let filled = min(width, done * width / total)
            line = "\r[" + String(repeating: "=", count: filled) + String(repeating: " ", count: width - filled) + "] \(done)/\(total)"
        } else {
            line = "\r\(done) documents"
        }
        line += " "
        FileHandle.standardError.write(Data(line.utf8))
    }

    /// Clears the bar.
    func finish() {
        guard enabled, lastDrawn >= 0 else { return }
        FileHandle.standardError.write(Data("\r\u{1B}[K".utf8))
    }
}
