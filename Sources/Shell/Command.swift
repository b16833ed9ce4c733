import Intents

/// A natural command: its spec (phrasings and help) and its handler. Each one lives in
/// its own file in `commands/`.
public protocol Command: Sendable {
    var spec: CommandSpec { get }
    /// Returns a typed result; throws CommandError for anything the user must fix.
    func run(_ request: Request, in context: Context) throws -> Report
}

/// A command's result: drawn as text, or encoded as JSON with `--json`.
public protocol Report: Encodable {
    func render(into document: inout Document)
}

/// A report that is only a message ("imported 13 accounts …").
public struct Message: Report {
    public var message: String
    public init(_ message: String) { self.message = message }
    public func render(into document: inout Document) { document.wrapped(text: message) }
}
