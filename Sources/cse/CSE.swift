import ArgumentParser
import CMalloc
import Commands
import Foundation
import Shell
import Workspace

@main
struct CSE: ParsableCommand {
    /// `cse -w DIR import FILE` reads as naturally as `cse import FILE -w DIR`: a subcommand
    /// name after the shared flags is moved to the front before parsing.
    static func main() {
        // The heap grows 256 MB at a time, not a few pages per system call: a book-wide answer
        // on 100,000 accounts makes a quarter of a gigabyte of summaries in a few hundred ms.
        _ = cse_heap_grows_by(256 << 20)
        // A book of customers' revenue and contacts is its user's alone: every file and folder
        // cse makes (the workspace, its journal, views, drafts, exports) is 0600 / 0700,
        // whatever the umask it was started with.
        umask(0o077)
        var args = Array(CommandLine.arguments.dropFirst())
        // Every subcommand names itself: a name made from the type's costs the runtime a search
        // of every protocol conformance in the binary, at every start.
        let names = Set(configuration.subcommands.map { $0._commandName })
        var i = 0
        while i < args.count, args[i].hasPrefix("-") {
            i += ["-w", "--workspace", "-c"].contains(args[i]) ? 2 : 1
        }
        if i > 0, i < args.count, names.contains(args[i]) {
            let name = args.remove(at: i)
            args.insert(name, at: 0)
        }
        main(args)
    }

    static let configuration = CommandConfiguration(
        commandName: "cse",
        abstract: "Customer Success Engine: health scores, risks and playbooks from your account workspace.",
        discussion: """
            cse [-w DIR|postgres://USER@HOST:PORT/DB] [--json] [-c COMMAND]…   open the shell, or run the commands and exit
            Type natural commands ('score Acme', 'list at-risk accounts', 'Acme的评分') in the shell, \
            with -c, or piped on standard input. The default workspace is ~/.cse ($CSE_WORKSPACE overrides): \
            the first time the shell opens on a terminal it is created with demo accounts to try, any other \
            first use creates it empty. CSE_TODAY=YYYY-MM-DD sets the date; NO_COLOR turns colour off.
            """,
        version: "cse \(cseVersion)",
        subcommands: [Run.self, Init.self, ImportFile.self, CopyWorkspace.self, Replay.self],
        defaultSubcommand: Run.self)
}

/// Flags every entry point shares.
struct WorkspaceOptions: ParsableArguments {
    @Option(name: [.short, .customLong("workspace")], help: "Workspace folder or postgres://USER@HOST:PORT/DB (default: $CSE_WORKSPACE, else ~/.cse).")
    var workspace: String?

    @Flag(help: "Print every result as JSON.")
    var json = false

    var environment: [String: String] { ProcessInfo.processInfo.environment }

    /// The workspace to use, and whether it is the default folder (created with the demo on first use).
    func location() throws -> (WorkspaceLocation, isDefault: Bool) {
        if let workspace { return (try WorkspaceLocation.parse(workspace, environment: environment), false) }
        if let env = environment["CSE_WORKSPACE"], !env.isEmpty { return (try WorkspaceLocation.parse(env, environment: environment), false) }
        let home = environment["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? NSHomeDirectory()
        return (.folder((home as NSString).appendingPathComponent(".cse")), true)
    }

    /// Today, from CSE_TODAY or the local calendar: read here, at the edge, and passed in.
    func today() throws -> Day {
        if let text = environment["CSE_TODAY"], !text.isEmpty {
            guard let day = Day(iso: text) else {
                FileHandle.standardError.write(Data("error: CSE_TODAY='\(text)' is not a date: write YYYY-MM-DD\n".utf8))
                throw ExitCode.failure
            }
            return day
        }
        let c = Calendar.current.dateComponents([.year, .month, .day], from: Date())
        return Day(year: c.year!, month: c.month!, day: c.day!)!
    }

    /// Opens the workspace. The default one is created on first use: with the demo accounts
    /// when `demo` (the bare interactive first run, to look around), else empty, so that a
    /// first `cse import FILE` never mixes someone's accounts with the demo's.
    func open(today: Day, demo: Bool) throws -> WorkspaceDirectory {
        let (location, isDefault) = try self.location()
        if isDefault, case .folder(let path) = location, !WorkspaceDirectory.exists(at: path) {
            let workspace = try WorkspaceDirectory.create(at: path, demoAsOf: demo ? today : nil)
            let note = demo
                ? "created a demo workspace at \(path) with \(try workspace.store.accounts().count) made-up accounts to try cse on; "
                    + "for your own data make an empty one with 'cse init DIR' and use 'cse -w DIR'"
                : "created an empty workspace at \(path) — import your accounts into it with 'import FILE'"
            FileHandle.standardError.write(Data((note + "\n").utf8))
            return workspace
        }
        return try WorkspaceDirectory(location: location, environment: environment)
    }

    func session(today: Day, workspace: WorkspaceDirectory, output: OutputSink) -> Session {
        let env = environment
        let stdoutIsTerminal = Terminal.isTerminal(STDOUT_FILENO)
        let width = (stdoutIsTerminal ? Terminal.columns(of: STDOUT_FILENO) : nil) ?? env["COLUMNS"].flatMap(Int.init) ?? 100
        let progress = Terminal.isTerminal(STDERR_FILENO) ? ProgressLine { FileHandle.standardError.write(Data($0.utf8)) } : nil
        let context = Context(workspace: workspace, today: today, specs: Catalog.commands.map(\.spec),
                              directory: FileManager.default.currentDirectoryPath, progress: progress)
        context.environment = env
        context.stdoutIsTerminal = stdoutIsTerminal
        return Session(context: context, commands: Catalog.commands,
                       renderer: Renderer(width: width, colour: Terminal.wantsColour(fd: STDOUT_FILENO, environment: env),
                                          height: stdoutIsTerminal ? Terminal.rows(of: STDOUT_FILENO) : nil),
                       json: json, output: output)
    }
}

/// `cse [-c CMD]…`: the shell, or the given commands, or commands piped in.
struct Run: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "shell", abstract: "Open the shell (the default).")

    @OptionGroup var options: WorkspaceOptions

    @Option(name: .short, help: ArgumentHelp("Run a command and exit (repeatable); the exit status is non-zero if one fails.", valueName: "command"))
    var c: [String] = []

    func run() throws {
        let today = try options.today()
        let interactive = c.isEmpty && Terminal.isTerminal(STDIN_FILENO)
        let workspace = try openOrExit(options, today: today, demo: interactive)
        let session = options.session(today: today, workspace: workspace, output: StandardOutput())
        // More than one result: JSON Lines (one compact document a line), not documents back to back.
        session.jsonLines = c.count > 1 || (c.isEmpty && !interactive)
        Interrupt.install()
        if !c.isEmpty {
            var failed = false
            for line in c where !session.exitRequested {
                if !session.run(line) { failed = true }
                if Interrupt.requested { throw ExitCode(130) }
            }
            // Done: the workspace is closed, and the process ends here without freeing what the
            // session read one value at a time (a whole book's summaries) on the way out.
            try? workspace.store.close()
            Foundation.exit(failed ? ExitCode.failure.rawValue : 0)
        } else if interactive {
            REPL.run(session, banner: "cse — \(workspace.location) — today is \(today). Type 'help', or Ctrl-D to leave.")
        } else {
            var failed = false
            while !session.exitRequested, let line = readLine() {
                if !session.run(line) { failed = true }
                if Interrupt.requested { throw ExitCode(130) }
            }
            if failed { throw ExitCode.failure }
        }
    }
}

/// Prints a workspace error on one line and exits, instead of a stack of Swift error text.
func openOrExit(_ options: WorkspaceOptions, today: Day, demo: Bool = false) throws -> WorkspaceDirectory {
    try orExit { try options.open(today: today, demo: demo) }
}

/// Runs `body`; a workspace's or a server's error is printed on one line and exits.
func orExit<T>(_ body: () throws -> T) throws -> T {
    do {
        return try body()
    } catch let error as WorkspaceError {
        // A path or an address is typed by someone: its control characters are shown, not run.
        FileHandle.standardError.write(Data("error: \(Sanitizer.clean(error.description))\n".utf8))
        throw ExitCode.failure
    } catch let error as PostgresError {
        FileHandle.standardError.write(Data("error: \(Sanitizer.clean(error.description))\n".utf8))
        throw ExitCode.failure
    }
}

/// `cse init DIR|postgres://… [--demo]`.
struct Init: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "init", abstract: "Create a workspace (with --demo: the demo accounts, dated from today).")

    @Argument(help: "Folder, or postgres://USER@HOST:PORT/DB (an empty database), to create the workspace in.") var directory: String
    @Flag(help: "Fill it with the demo accounts.") var demo = false

    func run() throws {
        let options = WorkspaceOptions()
        let today = try options.today()
        try orExit {
            let location = try WorkspaceLocation.parse(directory, environment: options.environment)
            try WorkspaceDirectory.create(at: location, demoAsOf: demo ? today : nil, environment: options.environment)
        }
        print(Sanitizer.clean("created \(demo ? "a demo" : "an empty") workspace at \(directory)" + (demo ? " (data as of \(today))" : "")))
    }
}

/// `cse import FILE`: the shell's `import` without opening the shell.
struct ImportFile: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "import",
        abstract: "Import accounts, snapshots, events, contacts, a ledger or product events (CSV, YAML, JSON, NDJSON); 'cse -c \"help import\"' says more.")

    @OptionGroup var options: WorkspaceOptions
    @Argument(help: "The file to import.") var file: String
    @Flag(help: "Create accounts whose names are near one the workspace has, instead of refusing the file.") var create = false

    func run() throws {
        let today = try options.today()
        let workspace = try openOrExit(options, today: today)
        let session = options.session(today: today, workspace: workspace, output: StandardOutput())
        Interrupt.install()
        if !session.run("import \(file)" + (create ? " --create" : "")) { throw ExitCode.failure }
    }
}

/// `cse replay FILE|DIR… [--update] [--postgres URL]`.
struct Replay: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "replay", abstract: "Replay transcripts and show a diff where the output differs.")

    @Argument(help: "Transcript files or folders of them.") var paths: [String] = ["transcripts"]
    @Flag(help: "Rewrite each transcript with what the session printed.") var update = false
    @Option(help: ArgumentHelp("Replay on this PostgreSQL server instead, a database of its own per transcript (created, then dropped).",
                               valueName: "postgres://USER@HOST:PORT/DB")) var postgres: String?

    func run() throws {
        var replayer = TranscriptReplayer(commands: Catalog.commands)
        if let postgres {
            let environment = WorkspaceOptions().environment
            replayer.postgres = try orExit { (try PostgresAddress(parsing: postgres, defaultUser: environment["USER"] ?? "postgres"), environment) }
        }
        var passed = 0, failed = 0
        for path in TranscriptReplayer.files(in: paths) {
            do {
                let outcome = try replayer.replay(path: path)
                if outcome.passed {
                    passed += 1
                    print("ok    \(path)")
                } else if update {
                    try outcome.actual.text.write(toFile: path, atomically: true, encoding: .utf8)
                    passed += 1
                    print("wrote \(path)")
                } else {
                    failed += 1
                    print("FAIL  \(path)")
                    print(outcome.diff)
                }
            } catch {
                failed += 1
                print("FAIL  \(path): \(error)")
            }
        }
        print("\(passed) passed, \(failed) failed")
        if failed > 0 { throw ExitCode.failure }
    }
}
