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
    /// JSON one compact document a line: set when more than one command runs (`-c … -c …`,
    /// or commands piped in), so that the output is JSON Lines.
    public var jsonLines = false
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
    public func run(_ line: String) -> Bool {
        switch parser.parse(line) {
        case .empty:
            return true
        case .incomplete(let indices):
            let usages = indices.prefix(3).map { commands[$0].spec.usage }
            return fail(CommandError("'\(PhraseMatcher.clean(line).excerpt)' is incomplete — usage: \(usages.joined(separator: " | "))"), line: line)
        case .unknown(let suggestions):
            let word = PhraseMatcher.clean(line)
            var message = "unknown command '\(word.excerpt)'"
            if let account = try? context.account(word) {
                message += " — did you mean 'score \(account.name)' or 'show \(account.name)'?"
            } else if !suggestions.isEmpty {
                message += " — did you mean " + suggestions.map { "'\(commands[$0].spec.usage)'" }.joined(separator: " or ") + "?"
            } else {
                message += " — type 'help' for the list of commands"
            }
            return fail(CommandError(message), line: line)
        case .matched(let match):
            let command = commands[match.command]
            let json = self.json || match.options.json
            var asOf: Day?
            if let typed = match.options.asOf {
                guard let day = Day(iso: typed) else {
                    return fail(CommandError("'\(typed.excerpt)' is not a date — write 'as of YYYY-MM-DD'"), json: json)
                }
                asOf = day
            }
            Interrupt.reset()
            if let warning = context.models.refresh() { output.writeError(Sanitizer.clean("warning: " + warning) + "\n") }
            let today = context.today
            if let asOf { context.today = asOf }
            context.wantsJSON = json
            context.listRows = json ? nil : renderer.listRows
            defer { context.today = today; context.wantsJSON = false }
            do {
                let request = Request(line: line, phrase: match.phrase, slots: match.slots, options: match.options)
                let report = try command.run(request, in: context)
                if report is ExitRequest {
                    exitRequested = true
                    return true
                }
                if json {
                    output.write(try encode(report) + "\n")
                } else {
                    var document = Document()
                    document.listRows = renderer.listRows
                    let quoted = { (text: String) in "'" + text.replacingOccurrences(of: "'", with: "'\\''") + "'" }
                    document.command = "cse -w \(quoted(context.workspace.location.description)) -c \(quoted(line))"
                    report.render(into: &document)
                    output.write(renderer.render(document))
                }
                Session.retire(report)
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

    /// Frees an answer on another core once it is shown: a book-wide one holds every
    /// account's summary, and the next prompt need not wait for them to go.
    static func retire(_ report: Report) {
        nonisolated(unsafe) let done = report
        DispatchQueue.global(qos: .utility).async { withExtendedLifetime(done) {} }
    }

    func fail(_ error: CommandError, line: String) -> Bool {
        fail(error, json: json || Parser.wantsJSON(line))
    }

    func fail(_ error: CommandError, json: Bool) -> Bool {
        if json {
            struct Payload: Encodable { var error: String; var details: [String] }
            output.writeError((try? encode(Payload(error: error.message, details: error.details))) ?? "{\"error\": \"\"}")
            output.writeError("\n")
        } else {
            // Wrapped between words at the terminal's width, like every other answer.
            var document = Document()
            document.wrapped(Span("error: "), text: error.message)
            for line in error.details { document.wrapped(Span("  "), text: line, hang: 2) }
            output.writeError(Renderer(width: renderer.width, colour: false).render(document))
        }
        return false
    }

    /// A result as JSON: indented, or one line a document when several commands run
    /// (JSON Lines, which a stream of documents must be to be read back).
    func encode<T: Encodable>(_ value: T) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = jsonLines ? [.sortedKeys, .withoutEscapingSlashes] : [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
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
            : failure.rowsChecked == 0 ? "cannot import \(failure.file) — nothing was imported"
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
