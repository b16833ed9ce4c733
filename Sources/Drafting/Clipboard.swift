import Foundation

/// Puts text on the clipboard by the first way that reaches one: `CSE_CLIPBOARD=CMD` (a
/// shell command that reads the text on standard input), `pbcopy` on macOS, `wl-copy`
/// under Wayland, `xclip` or `xsel` under X, else the OSC 52 escape when standard output
/// is a terminal (works over SSH and in tmux with set-clipboard on).
public struct Clipboard: Sendable {
    public enum Method: Equatable, Sendable {
        case command(String)
        case osc52
    }

    public struct Unreachable: Error, Equatable, Sendable {
        public var reason: String
    }

    public var environment: [String: String]
    public var stdoutIsTerminal: Bool
    /// How long a clipboard command may take.
    public static let timeout: TimeInterval = 5

    public init(environment: [String: String], stdoutIsTerminal: Bool) {
        self.environment = environment
        self.stdoutIsTerminal = stdoutIsTerminal
    }

    /// How the text would travel, or why it cannot.
    public func method() -> Result<Method, Unreachable> {
        if let command = environment["CSE_CLIPBOARD"], !command.trimmingCharacters(in: .whitespaces).isEmpty { return .success(.command(command)) }
        #if os(macOS)
        if onPath("pbcopy") { return .success(.command("pbcopy")) }
        #endif
        if environment["WAYLAND_DISPLAY"] != nil, onPath("wl-copy") { return .success(.command("wl-copy")) }
        if environment["DISPLAY"] != nil {
            if onPath("xclip") { return .success(.command("xclip -selection clipboard")) }
            if onPath("xsel") { return .success(.command("xsel --clipboard --input")) }
        }
        if stdoutIsTerminal { return .success(.osc52) }
        return .failure(Unreachable(reason: "no clipboard here: no CSE_CLIPBOARD, no wl-copy, xclip or xsel with a display, and standard output is not a terminal for OSC 52"))
    }

    /// Copies `text`; returns how it went.
    public func copy(_ text: String) throws -> Method {
        let method = try method().get()
        switch method {
        case .command(let command):
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/bin/sh")
            process.arguments = ["-c", command]
            let pipe = Pipe()
            process.standardInput = pipe
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            do { try process.run() } catch { throw Unreachable(reason: "cannot run '\(command)': \(error.localizedDescription)") }
            // A command that exits without reading (no display over SSH) closes the pipe:
            // that is its failure to report, not a signal that ends cse.
            let previous = signal(SIGPIPE, SIG_IGN)
            defer { signal(SIGPIPE, previous) }
            let written: Bool
            do {
                try pipe.fileHandleForWriting.write(contentsOf: Data(text.utf8))
                written = true
            } catch {
                written = false
            }
            try? pipe.fileHandleForWriting.close()
            // xclip, xsel and wl-copy hand the text to a background copy of themselves and
            // return at once; one that hangs must not hang the shell.
            let deadline = Date().addingTimeInterval(Clipboard.timeout)
            while process.isRunning && Date() < deadline { usleep(10_000) }
            if process.isRunning {
                process.terminate()
                throw Unreachable(reason: "the clipboard command '\(command)' did not finish within \(Int(Clipboard.timeout)) s")
            }
            let how = process.terminationReason == .uncaughtSignal ? "was killed by signal" : "exited with status"
            guard process.terminationStatus == 0, process.terminationReason == .exit else {
                throw Unreachable(reason: "the clipboard command '\(command)' \(how) \(process.terminationStatus)")
            }
            guard written else { throw Unreachable(reason: "the clipboard command '\(command)' did not read the text") }
        case .osc52:
            // Written straight to the terminal: it is a clipboard transport, not output.
            let sequence = "\u{1B}]52;c;\(Data(text.utf8).base64EncodedString())\u{07}"
            FileHandle.standardOutput.write(Data(sequence.utf8))
        }
        return method
    }

    func onPath(_ program: String) -> Bool {
        (environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":").contains {
            FileManager.default.isExecutableFile(atPath: "\($0)/\(program)")
        }
    }
}
