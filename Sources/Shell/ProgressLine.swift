import Foundation

/// A progress line on the terminal's standard error, shown only once work has taken
/// more than a second, and erased when the work ends.
public final class ProgressLine {
    private var start = Date()
    private var shown = false
    private let write: (String) -> Void

    public init(write: @escaping (String) -> Void) { self.write = write }

    /// Starts the clock for a new piece of work.
    public func begin() {
        start = Date()
        shown = false
    }

    /// `total` nil when not known yet (while a file is being read).
    public func update(_ label: String, done: Int, total: Int?, unit: String = "rows") {
        guard Date().timeIntervalSince(start) > 1 || shown else { return }
        shown = true
        if let total, total > 0 {
            write("\r\u{1B}[K\(label): \(done) of \(total) \(unit) (\(done * 100 / total)%)")
        } else {
            write("\r\u{1B}[K\(label): \(done) \(unit)")
        }
    }

    public func finish() {
        if shown { write("\r\u{1B}[K") }
        shown = false
    }
}
