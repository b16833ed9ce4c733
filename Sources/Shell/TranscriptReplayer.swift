import Foundation
import Scoring
import Intents
import Workspace

/// Replays a transcript against a fresh workspace with a fixed clock and no colour, and
/// returns what the session printed, for comparison with what the transcript says.
public struct TranscriptReplayer {
    public let commands: [Command]
    public static let defaultWidth = 100

    /// When set, each transcript runs on a database of its own on this server (created, then
    /// dropped), instead of a SQLite file: the same transcripts check both stores.
    public var postgres: (server: PostgresAddress, environment: [String: String])?

    public init(commands: [Command]) { self.commands = commands }

    public struct Outcome {
        public var path: String
        public var expected: Transcript
        public var actual: Transcript
        public var passed: Bool { expected.text == actual.text }
        public var diff: String {
            LineDiff.unified(expected: expected.text.components(separatedBy: "\n"), actual: actual.text.components(separatedBy: "\n"),
                             labels: (path, path + " (replayed)"))
        }
    }

    public func replay(path: String) throws -> Outcome {
        let text = try String(contentsOfFile: path, encoding: .utf8)
        let expected = Transcript(parsing: text)
        let directives = expected.directives
        guard let todayText = directives["today"], let today = Day(iso: todayText) else {
            throw CommandError("\(path): needs a '# today: YYYY-MM-DD' line before the first prompt")
        }
        let width = directives["width"].flatMap(Int.init) ?? Self.defaultWidth
        let fm = FileManager.default
        let scratch = (NSTemporaryDirectory() as NSString).appendingPathComponent("cse-replay-\(UUID().uuidString)")
        try fm.createDirectory(atPath: scratch, withIntermediateDirectories: true)
        defer { try? fm.removeItem(atPath: scratch) }
        let absolute = path.hasPrefix("/") ? path : (fm.currentDirectoryPath as NSString).appendingPathComponent(path)
        let transcriptDirectory = (absolute as NSString).deletingLastPathComponent
        let fixtures = (transcriptDirectory as NSString).appendingPathComponent("fixtures")
        if fm.fileExists(atPath: fixtures) {
            try fm.createSymbolicLink(atPath: (scratch as NSString).appendingPathComponent("fixtures"), withDestinationPath: fixtures)
        }
        let workspacePath = (scratch as NSString).appendingPathComponent("workspace")
        var database: String?
        if let postgres {
            let name = "cse_replay_\(UUID().uuidString.prefix(8).lowercased())"
            try PostgresDatabase.createDatabase(name, like: postgres.server, environment: postgres.environment)
            database = name
        }
        defer {
            if let database, let postgres { try? PostgresDatabase.dropDatabase(database, like: postgres.server, environment: postgres.environment) }
        }
        let location = database.map { WorkspaceLocation.postgres(postgres!.server.with(database: $0)) } ?? .folder(workspacePath)
        let workspace = try makeWorkspace(directives["workspace"] ?? "demo", at: location, files: workspacePath, today: today)
        if let templates = directives["templates"] {
            try fm.copyItem(atPath: (transcriptDirectory as NSString).appendingPathComponent(templates),
                            toPath: (workspacePath as NSString).appendingPathComponent("templates"))
        }
        if let model = directives["model"] {
            try fm.copyItem(atPath: (transcriptDirectory as NSString).appendingPathComponent(model),
                            toPath: (workspacePath as NSString).appendingPathComponent(ModelFile.name))
        }
        // `# mapping: FILE` is the workspace's mapping.yaml (CRM export columns → cse columns).
        if let mapping = directives["mapping"] {
            try fm.copyItem(atPath: (transcriptDirectory as NSString).appendingPathComponent(mapping),
                            toPath: (workspacePath as NSString).appendingPathComponent(ColumnMapping.fileName))
        }

        let output = BufferOutput()
        let context = Context(workspace: workspace, today: today, specs: commands.map(\.spec), directory: scratch, progress: nil)
        // `copy` in a transcript lands in a file of the scratch folder, never on a real clipboard.
        context.timeOfDay = { "09:00" }
        context.environment = ["CSE_CLIPBOARD": "cat > '\(scratch)/clipboard.txt'", "PATH": "/usr/bin:/bin"]
        // `# user: NAME` is who is at the keyboard (CSE_USER); else "you".
        if let user = directives["user"] { context.environment["CSE_USER"] = user }
        let session = Session(context: context, commands: commands, renderer: Renderer(width: width, colour: false), json: false, output: output)
        var actual = Transcript(preamble: expected.preamble, steps: [])
        for step in expected.steps {
            // After quit, a piped session reads no further lines.
            if !session.exitRequested { session.run(step.input) }
            var lines = output.take().components(separatedBy: "\n").map(Transcript.trimTrailing)
            if lines.last == "" { lines.removeLast() }
            actual.steps.append(Transcript.Step(input: step.input, output: lines))
        }
        if !actual.steps.isEmpty {
            while actual.steps[actual.steps.count - 1].output.last == "" { actual.steps[actual.steps.count - 1].output.removeLast() }
        }
        return Outcome(path: path, expected: expected, actual: actual)
    }

    /// `demo` or `empty`.
    func makeWorkspace(_ spec: String, at location: WorkspaceLocation, files: String, today: Day) throws -> WorkspaceDirectory {
        switch spec {
        case "demo", "empty":
            try FileManager.default.createDirectory(atPath: files, withIntermediateDirectories: true)
            return try WorkspaceDirectory.create(at: location, demoAsOf: spec == "demo" ? today : nil, environment: postgres?.environment ?? [:], files: files)
        default: throw CommandError("'# workspace: \(spec)': a transcript starts from 'demo' or 'empty'")
        }
    }

    /// Transcript files under the given files and folders, sorted.
    public static func files(in paths: [String]) -> [String] {
        let fm = FileManager.default
        var result: [String] = []
        for path in paths {
            var isDirectory: ObjCBool = false
            guard fm.fileExists(atPath: path, isDirectory: &isDirectory) else { result.append(path); continue }
            if isDirectory.boolValue {
                let names = (try? fm.contentsOfDirectory(atPath: path)) ?? []
                result += names.filter { $0.hasSuffix(".txt") || $0.hasSuffix(".cse") }.sorted().map { (path as NSString).appendingPathComponent($0) }
            } else {
                result.append(path)
            }
        }
        return result
    }
}
