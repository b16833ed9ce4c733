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
        let process = Process()
        process.executableURL = URL(fileURLWithPath: program)
        process.arguments = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-extensions", "--no-first-run", "--no-pdf-header-footer",
                             "--user-data-dir=\(folder.appendingPathComponent("profile").path)", "--print-to-pdf=\(pdf.path)", html.absoluteString]
        let errors = Pipe()
        process.standardOutput = FileHandle.nullDevice
        process.standardError = errors
        process.standardInput = FileHandle.nullDevice
        // What Chromium says is read as it comes, so that a full pipe never stalls it.
        let said = Said()
        errors.fileHandleForReading.readabilityHandler = { handle in said.append(handle.availableData) }
        try process.run()
        let deadline = Date().addingTimeInterval(timeout)
        while process.isRunning {
            if interrupted() || Date() > deadline {
                process.terminate()
                process.waitUntilExit()
                errors.fileHandleForReading.readabilityHandler = nil
                if interrupted() { throw Failure(description: "interrupted — no PDF was written") }
                throw Failure(description: "Chromium took over \(Int(timeout)) s to print — no PDF was written")
            }
            Thread.sleep(forTimeInterval: 0.02)
        }
        errors.fileHandleForReading.readabilityHandler = nil
        guard process.terminationStatus == 0, let size = try? fm.attributesOfItem(atPath: pdf.path)[.size] as? Int, size > 0 else {
            let last = said.text.split(separator: "\n").last.map(String.init) ?? "no message"
            throw Failure(description: "Chromium (\(program)) could not print the page (exit \(process.terminationStatus)): \(last)")
        }
        // Beside the output, so the rename is atomic: the old file or the new one, never half of one.
        guard rename(pdf.path, output.path) == 0 else {
            throw Failure(description: String(cString: strerror(errno)))
        }
    }

    /// Chromium's standard error as it arrives.
    private final class Said: @unchecked Sendable {
        private let lock = NSLock()
        private var data = Data()
        func append(_ more: Data) { lock.withLock { data.append(more) } }
        var text: String { lock.withLock { String(decoding: data, as: UTF8.self) } }
    }
}
