import Foundation
import Intents
import Workspace

/// Runs lines: parse, dispatch to the command, render the result as text or JSON.
/// The REPL, `-c`, piped input and transcript replay all go through `run(_:)`.
public final class Session {
    public let context: Context
    public let commands: [Command]
    public var renderer: Renderer
    /// `--json` given on the command line: every result as JSON.
    public var json: Bool
    public private(set) var exitRequested = false
    let parser: Parser
    let output: OutputSink

    public init(context: Context, commands: [Command], renderer: Renderer, json: Bool, output: OutputSink) {
        self.context = context
        self.commands = commands
        self.renderer = renderer
        self.json = json
        self.output = output
        self.parser = Parser(specs: commands.map(\.spec))
    }

    /// Runs one line; false when it failed.
    @discardableResult
    public func run(_ rawLine: String) -> Bool {
        var line = rawLine
        var json = self.json
        if let range = line.range(of: #"(^|\s)--json(\s|$)"#, options: .regularExpression) {
            json = true
            line.replaceSubrange(range, with: " ")
        }
        var asOf: Day?
        if let range = line.range(of: #"(?i)(\s+as\s+of\s+|\s*截至\s*)\S.*$"#, options: .regularExpression) {
            let clause = String(line[range])
            let marker = clause.range(of: #"(?i)(as\s+of|截至)\s*"#, options: .regularExpression)!
            let date = PhraseMatcher.clean(String(clause[marker.upperBound...]))
            guard let day = Day(iso: date) else {
                return fail(CommandError("'\(date)' is not a date — write 'as of YYYY-MM-DD'"), json: json)
            }
            asOf = day
            line.removeSubrange(range)
        }
        switch parser.parse(line) {
        case .empty:
            return true
        case .incomplete(let indices):
            let usages = indices.prefix(3).map { commands[$0].spec.usage }
            return fail(CommandError("'\(PhraseMatcher.clean(line))' is incomplete — usage: \(usages.joined(separator: " | "))"), json: json)
        case .unknown(let suggestions):
            let word = PhraseMatcher.clean(line)
            var message = "unknown command '\(word)'"
            if let account = try? context.account(word) {
                message += " — did you mean 'score \(account.name)' or 'show \(account.name)'?"
            } else if !suggestions.isEmpty {
                message += " — did you mean " + suggestions.map { "'\(commands[$0].spec.usage)'" }.joined(separator: " or ") + "?"
            } else {
                message += " — type 'help' for the list of commands"
            }
            return fail(CommandError(message), json: json)
        case .matched(let match):
            let command = commands[match.command]
            Interrupt.reset()
            if let warning = context.models.refresh() { output.writeError(Sanitizer.clean("warning: " + warning) + "\n") }
            if let asOf, command.writes {
                return fail(CommandError("'as of \(asOf)' works only on commands that read: '\(command.spec.name)' changes the workspace"), json: json)
            }
            let today = context.today
            if let asOf { context.today = asOf }
            defer { context.today = today }
            do {
                let report = try command.run(Request(line: line, phrase: match.phrase, slots: match.slots), in: context)
                if report is ExitRequest {
                    exitRequested = true
                    return true
                }
                if json {
                    output.write(try Session.json(report) + "\n")
                } else {
                    var document = Document()
                    report.render(into: &document)
                    output.write(renderer.render(document))
                }
                return true
            } catch let error as CommandError {
                return fail(error, json: json)
            } catch let error as ImportFailure {
                return fail(Session.describe(error), json: json)
            } catch let error as WorkspaceError {
                return fail(CommandError(error.description), json: json)
            } catch {
                return fail(CommandError("\(error)"), json: json)
            }
        }
    }

    func fail(_ error: CommandError, json: Bool) -> Bool {
        if json {
            struct Payload: Encodable { var error: String; var details: [String] }
            output.writeError((try? Session.json(Payload(error: error.message, details: error.details))) ?? "{\"error\": \"\"}")
            output.writeError("\n")
        } else {
            output.writeError(Sanitizer.clean("error: " + error.message) + "\n")
            for line in error.details { output.writeError("  " + Sanitizer.clean(line) + "\n") }
        }
        return false
    }

    static func json<T: Encodable>(_ value: T) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }

    /// An import refused: the count, then each problem on its own line.
    static func describe(_ failure: ImportFailure) -> CommandError {
        let shown = failure.problems.prefix(Importer.problemLimit).map(\.description)
        var details = Array(shown)
        if failure.problems.count > shown.count { details.append("… and \(failure.problems.count - shown.count) more") }
        let n = failure.problems.count
        let message = failure.problems.count == 1 && failure.problems[0].line == 0
            ? "cannot import \(failure.file): \(failure.problems[0].message)"
            : "\(failure.file): \(n) problem\(n == 1 ? "" : "s") in \(failure.rowsChecked) row\(failure.rowsChecked == 1 ? "" : "s") — nothing was imported"
        if failure.problems.count == 1 && failure.problems[0].line == 0 { details = [] }
        return CommandError(message, details: details)
    }
}

/// Returned by `quit`: the REPL ends after printing nothing.
public struct ExitRequest: Report {
    public init() {}
    public func render(into document: inout Document) {}
}

/// Where output goes: stdout and stderr, or one buffer when replaying a transcript.
public protocol OutputSink: AnyObject {
    func write(_ text: String)
    func writeError(_ text: String)
}

public final class StandardOutput: OutputSink {
    public init() {}
    public func write(_ text: String) { FileHandle.standardOutput.write(Data(text.utf8)) }
    public func writeError(_ text: String) { FileHandle.standardError.write(Data(text.utf8)) }
}

public final class BufferOutput: OutputSink {
    public private(set) var text = ""
    public init() {}
    public func write(_ text: String) { self.text += text }
    public func writeError(_ text: String) { self.text += text }
    public func take() -> String { defer { text = "" }; return text }
}
