/// An error for the person at the keyboard: what was wrong, with the offending value,
/// and what to type instead.
public struct CommandError: Error, Equatable, Sendable, CustomStringConvertible {
    public var message: String
    /// Further lines (file:line:column problems, usage).
    public var details: [String]

    public init(_ message: String, details: [String] = []) {
        self.message = message
        self.details = details
    }

    public var description: String { ([message] + details).joined(separator: "\n") }

    public static let interrupted = CommandError("interrupted")
}
