import Intents

/// A natural command: its spec (phrasings and help) and its handler. Each one lives in
/// its own file in `commands/`.
public protocol Command: Sendable {
    var spec: CommandSpec { get }
    /// Returns a typed result; throws CommandError for anything the user must fix.
    func run(_ request: Request, in context: Context) throws -> Report
}

/// A parsed line: the slots its phrase captured.
public struct Request: Sendable {
    public var line: String
    public var phrase: Phrase
    public var slots: [String: String]
    /// `--json` and `as of DATE` from the end of the line.
    public var options: TrailingOptions

    public init(line: String, phrase: Phrase, slots: [String: String], options: TrailingOptions = TrailingOptions()) {
        self.line = line
        self.phrase = phrase
        self.slots = slots
        self.options = options
    }

    public subscript(slot: String) -> String? { slots[slot] }
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
