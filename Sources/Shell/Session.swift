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
    /// Asks the person at the keyboard a yes-or-no question; nil when nobody can answer
    /// (piped, `-c`, a transcript), and a change that would be made on a guess is refused.
    public var confirm: ((String) -> Bool)?
    public var reader: Reader { context.reader }
    let output: OutputSink

    public init(context: Context, commands: [Command], renderer: Renderer, json: Bool, output: OutputSink) {
        self.context = context
        self.commands = commands
        self.renderer = renderer
        self.json = json
        self.output = output
    }

    /// The line a "did you mean" offered (the name it was a slip of in its place): a "yes"
    /// next runs it, anything else forgets it.
    var offered: String?

    /// Words that say yes to what was offered.
    static let yes: Set<String> = ["y", "yes", "yeah", "yep", "yup", "sure", "ok", "okay", "yes please", "是", "是的", "对", "对的", "好", "好的", "嗯"]
    static let no: Set<String> = ["n", "no", "nope", "nah", "no thanks", "不", "不是", "不对", "算了"]

    /// Runs one line; false when it failed.
    @discardableResult
    public func run(_ line: String) -> Bool {
        let offer = offered
        offered = nil
        // A control character (a NUL from a pipe) is no text a person typed, and cannot be
        // stored the same on both stores: the line is refused whole.
        if let bad = line.unicodeScalars.first(where: Importer.isUnstorable) {
            return fail(CommandError("the line holds a control character (U+\(String(format: "%04X", bad.value))), which cannot be stored — nothing was done"),
                        json: json)
        }
        if let offer, Session.yes.contains(Session.plain(line)) { return run(offer, sayBack: true) }
        if offer != nil, Session.no.contains(Session.plain(line)) {
            output.write(renderer.render(Session.note("nothing done")))
            return true
        }
        return run(line, sayBack: false)
    }

    /// `sayBack`: say how the line was taken even when it is a command as typed (a line offered).
    private func run(_ line: String, sayBack: Bool) -> Bool {
        let outcome: Reader.Outcome
        do {
            outcome = try reader.read(line, names: context.names, today: context.today, focus: context.focus)
        } catch {
            return fail(Session.describe(error), json: json)
        }
        switch outcome {
        case .empty:
            return true
        case .failed(let message, let near, let lineJSON):
            let json = self.json || lineJSON
            guard message.isEmpty else { return fail(CommandError(message), json: json) }
            return fail(unreadable(line, near: near), json: json)
        case .suggested(let message, let line, let lineJSON):
            offered = line
            return fail(CommandError(message), json: self.json || lineJSON)
        case .ambiguous(let readings):
            let ways = readings.map { "'\($0.words)'" }
            return fail(CommandError("'\(Reader.shown(line))' reads \(readings.count) ways: \(ways.dropLast().joined(separator: ", ")) or \(ways.last!) — type the one you mean"),
                        json: json || readings[0].request.json)
        case .reading(let reading):
            let json = self.json || reading.request.json
            if reading.isGuess {
                guard let confirm else {
                    let why = reading.guess.map { "\($0); " } ?? ""
                    return fail(CommandError("not done — \(why)did you mean: \(reading.words)? A change is made only from words that read "
                                             + "one way: type that to make it. Nothing was changed."), json: json)
                }
                if let why = reading.guess { output.write(renderer.render(Session.note(why))) }
                guard confirm(Sanitizer.clean("Did you mean: \(reading.words)? [y/N] ")) else {
                    output.write(renderer.render(Session.note("nothing changed")))
                    return true
                }
            } else if let action = reading.request.action, commands[reading.command].spec.asksFirst.contains(action), !reading.request.flag("yes") {
                guard let confirm else {
                    return fail(CommandError("not done — '\(reading.words)' asks first: add --yes to do it without a terminal ('undo' takes it back). "
                                             + "Nothing was changed."), json: json)
                }
                guard confirm(Sanitizer.clean("\(reading.words)? 'undo' takes it back. [y/N] ")) else {
                    output.write(renderer.render(Session.note("nothing changed")))
                    return true
                }
            } else if reading.how != .typed || sayBack {
                // How the line was taken, before the answer: "→ churn risk Hooli", and what of it was not.
                let unread = reading.unread.isEmpty ? "" : " · not understood: " + reading.unread.map { "'\($0)'" }.joined(separator: ", ")
                let said = renderer.render(Session.note("→ \(reading.words)" + unread))
                if json { output.writeError(said) } else { output.write(said) }
            }
            return execute(reading, json: json)
        }
    }

    /// A short answer as compared: lower case, without the spaces and marks around it.
    static func plain(_ line: String) -> String {
        var s = Substring(line.lowercased())
        while let c = s.first, c.isWhitespace || c.isPunctuation { s = s.dropFirst() }
        while let c = s.last, c.isWhitespace || c.isPunctuation { s = s.dropLast() }
        return String(s)
    }

    /// Runs a reading's command and shows its answer.
    func execute(_ reading: Reader.Reading, json: Bool) -> Bool {
        let command = commands[reading.command]
        let request = reading.request
        Interrupt.reset()
        if let warning = context.models.refresh() { output.writeError(Sanitizer.clean("warning: " + warning) + "\n") }
        let today = context.today
        if let asOf = request.asOf {
            // An answer as of a day to come would be a guess made to look like a record.
            guard asOf <= today else { return fail(CommandError("as of \(asOf) is after today (\(today)): ask as of a day that has happened"), json: json) }
            context.today = asOf
        }
        context.wantsJSON = json
        context.listRows = json ? nil : renderer.listRows
        defer { context.today = today; context.wantsJSON = false }
        do {
            let report = try command.run(request, in: context)
            context.focus.answered(request, writes: command.spec.writes)
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
                document.command = "cse -w \(quoted(context.workspace.location.description)) -c \(quoted(reading.words))"
                report.render(into: &document)
                output.write(renderer.render(document))
            }
            Session.retire(report)
            return true
        } catch {
            return fail(Session.describe(error), json: json)
        }
    }

    /// One dim line: how a line was taken, or that nothing was done.
    static func note(_ text: String) -> Document {
        var document = Document()
        document.wrapped(text: [Span(text, .dim)])
        return document
    }

    /// A line nothing reads: the commands it came closest to, each with an example, or how to ask.
    func unreadable(_ line: String, near: [Int]) -> CommandError {
        let typed = Reader.shown(line)
        guard !near.isEmpty else {
            return CommandError("cannot read '\(typed)' — ask as you would a colleague ('how is Acme doing?', 'which accounts renew this quarter?', 'Hooli会流失吗') or type 'help'")
        }
        let tries = near.prefix(3).map { i -> String in
            let spec = commands[i].spec
            return "'\(spec.usage)'" + (spec.examples.first.map { " (e.g. \($0))" } ?? "")
        }
        return CommandError("cannot read '\(typed)' — the nearest: \(tries.joined(separator: "; ")); 'help' lists everything")
    }

    /// An error as one line: a command's own, an import's problems, a workspace's fault.
    static func describe(_ error: Error) -> CommandError {
        switch error {
        case let error as CommandError: return error
        case let error as ImportFailure: return describe(error)
        case let error as WorkspaceError: return CommandError(error.description)
        default: return CommandError("\(error)")
        }
    }

    /// Frees an answer on another core once it is shown: a book-wide one holds every
    /// account's summary, and the next prompt need not wait for them to go.
    static func retire(_ report: Report) {
        nonisolated(unsafe) let done = report
        DispatchQueue.global(qos: .utility).async { withExtendedLifetime(done) {} }
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
