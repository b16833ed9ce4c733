import Foundation

/// Ctrl-C while a command runs: the signal handler only raises a flag, and long-running
/// work checks it between rows, so the command stops and the shell stays.
public enum Interrupt {
    nonisolated(unsafe) private static var flag: sig_atomic_t = 0

    public static func install() {
        signal(SIGINT) { _ in Interrupt.flag = 1 }
    }

    public static var requested: Bool { flag != 0 }
    public static func reset() { flag = 0 }

    /// Throws `CommandError.interrupted` when Ctrl-C was pressed.
    public static func check() throws {
        if flag != 0 { throw CommandError.interrupted }
    }
}
