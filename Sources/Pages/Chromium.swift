import Foundation

/// Prints a page to PDF through headless Chromium (or Chrome), when one is installed.
public enum Chromium {
    /// The programs looked for on the PATH, in order.
    static let names = ["chromium", "chromium-browser", "google-chrome", "google-chrome-stable"]
    /// How to get one.
    public static let install = "install it ('sudo apt-get install chromium' on Debian or Ubuntu), or set CSE_CHROMIUM to a Chromium or Chrome program"
    /// How long a print may take.
    static let timeout: TimeInterval = 120

    public struct Failure: Error, CustomStringConvertible {
        public var description: String
    }

    /// `CSE_CHROMIUM` when set, else the first of `names` on the PATH.
    public static func find(_ environment: [String: String]) -> String? {
        if let chosen = environment["CSE_CHROMIUM"], !chosen.isEmpty {
            return FileManager.default.isExecutableFile(atPath: chosen) ? chosen : nil
        }
        let path = (environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin").split(separator: ":")
        for name in names {
            for dir in path where FileManager.default.isExecutableFile(atPath: "\(dir)/\(name)") { return "\(dir)/\(name)" }
        }
        return nil
    }

    /// Writes `page` as a PDF at `output`, whole or not at all: printed into a folder beside it,
    /// then moved into place. `interrupted` is asked while Chromium works; when it says yes,
    /// Chromium is stopped and nothing is written.
    public static func print(_ page: HTMLPage, to output: URL, program: String, interrupted: () -> Bool) throws {
        let fm = FileManager.default
        let folder = output.deletingLastPathComponent().appendingPathComponent(".cse-print-\(ProcessInfo.processInfo.processIdentifier)-\(UInt32.random(in: 0...UInt32.max))")
        try fm.createDirectory(at: folder, withIntermediateDirectories: false)
        defer { try? fm.removeItem(at: folder) }
        let html = folder.appendingPathComponent("page.html"), pdf = folder.appendingPathComponent("page.pdf")
        try Data(page.html.utf8).write(to: html)
        let arguments = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-extensions", "--no-first-run", "--no-pdf-header-footer",
                         "--user-data-dir=\(folder.appendingPathComponent("profile").path)", "--print-to-pdf=\(pdf.path)", html.absoluteString]
        // Without its sandbox, which fails as root: it prints a page of our own, with no script.
        // What Chromium says goes to a file beside the page.
        let said = folder.appendingPathComponent("chromium.log")
        let pid = try spawn(program, arguments, log: said.path)
        let deadline = Date().addingTimeInterval(timeout)
        var status: Int32 = 0
        while waitpid(pid, &status, WNOHANG) == 0 {
            let stopped = interrupted()
            if stopped || Date() > deadline {
                stop(pid)
                if stopped { throw Failure(description: "interrupted — no PDF was written") }
                throw Failure(description: "Chromium took over \(Int(timeout)) s to print — no PDF was written")
            }
            Thread.sleep(forTimeInterval: 0.02)
        }
        // Exited (not killed by a signal) with status 0, and a PDF written.
        let exited = status & 0x7F == 0, code = (status >> 8) & 0xFF
        guard exited, code == 0, let size = try? fm.attributesOfItem(atPath: pdf.path)[.size] as? Int, size > 0 else {
            let text = (try? String(contentsOf: said, encoding: .utf8)) ?? ""
            let last = text.split(separator: "\n").last.map(String.init) ?? "no message"
            throw Failure(description: "Chromium (\(program)) could not print the page (\(exited ? "exit \(code)" : "signal \(status & 0x7F)")): \(last)")
        }
        // Beside the output, so the rename is atomic: the old file or the new one, never half of one.
        guard rename(pdf.path, output.path) == 0 else {
            throw Failure(description: String(cString: strerror(errno)))
        }
    }

    /// Starts `program` in a process group of its own (so that stopping it stops the helpers it
    /// starts), reading nothing and writing to `log`.
    private static func spawn(_ program: String, _ arguments: [String], log: String) throws -> pid_t {
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETPGROUP))
        posix_spawnattr_setpgroup(&attributes, 0)
        var files = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&files)
        defer { posix_spawn_file_actions_destroy(&files) }
        posix_spawn_file_actions_addopen(&files, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&files, 1, log, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        posix_spawn_file_actions_adddup2(&files, 1, 2)
        let argv = ([program] + arguments).map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var pid: pid_t = 0
        let rc = posix_spawn(&pid, program, &files, &attributes, argv, environ)
        guard rc == 0 else { throw Failure(description: "cannot run \(program): \(String(cString: strerror(rc)))") }
        return pid
    }

    /// Asks the process group to stop, makes it stop two seconds later if it has not, and
    /// waits for the process.
    private static func stop(_ pid: pid_t) {
        var status: Int32 = 0
        kill(-pid, SIGTERM)
        let deadline = Date().addingTimeInterval(2)
        while waitpid(pid, &status, WNOHANG) == 0 {
            guard Date() < deadline else {
                kill(-pid, SIGKILL)
                waitpid(pid, &status, 0)
                return
            }
            Thread.sleep(forTimeInterval: 0.02)
        }
        // The leader is gone; its helpers go with the group.
        kill(-pid, SIGKILL)
    }
}
