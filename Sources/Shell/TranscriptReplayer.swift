import Foundation
import Scoring
import Intents
import Workspace

/// Replays a transcript against a fresh workspace with a fixed clock and no colour, and
/// returns what the session printed, for comparison with what the transcript says.
public struct TranscriptReplayer {
    public let commands: [Command]
    public static let defaultWidth = 100

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
        let workspace = try makeWorkspace(directives["workspace"] ?? "demo", at: workspacePath, today: today, base: transcriptDirectory)
        if let templates = directives["templates"] {
            try fm.copyItem(atPath: (transcriptDirectory as NSString).appendingPathComponent(templates),
                            toPath: (workspacePath as NSString).appendingPathComponent("templates"))
        }
        if let model = directives["model"] {
            try fm.copyItem(atPath: (transcriptDirectory as NSString).appendingPathComponent(model),
                            toPath: (workspacePath as NSString).appendingPathComponent(ModelFile.name))
        }

        let output = BufferOutput()
        let context = Context(workspace: workspace, today: today, specs: commands.map(\.spec), directory: scratch, progress: nil)
        // `copy` in a transcript lands in a file of the scratch folder, never on a real clipboard.
        context.environment = ["CSE_CLIPBOARD": "cat > '\(scratch)/clipboard.txt'", "PATH": "/usr/bin:/bin"]
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

    /// `demo`, `empty`, or a folder under the transcript's folder holding a workspace
    /// or files to import (in name order).
    func makeWorkspace(_ spec: String, at path: String, today: Day, base: String) throws -> WorkspaceDirectory {
        switch spec {
        case "demo": return try WorkspaceDirectory.create(at: path, demoAsOf: today)
        case "empty": return try WorkspaceDirectory.create(at: path, demoAsOf: nil)
        default:
            let source = (base as NSString).appendingPathComponent(spec)
            let fm = FileManager.default
            if WorkspaceDirectory.exists(at: source) {
                try fm.copyItem(atPath: source, toPath: path)
                return try WorkspaceDirectory(path: path)
            }
            let workspace = try WorkspaceDirectory.create(at: path, demoAsOf: nil)
            for file in try fm.contentsOfDirectory(atPath: source).sorted() where !file.hasPrefix(".") {
                let plan = try Importer.read(path: (source as NSString).appendingPathComponent(file), shownAs: file, rules: .init(today: today))
                _ = try workspace.store.apply(plan.batch, progress: nil)
            }
            return workspace
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
