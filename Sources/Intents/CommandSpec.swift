/// What a command says about itself: its name, the ways to say it, and its help.
/// Each command file in `commands/` declares one.
public struct CommandSpec: Sendable {
    public var name: String
    public var phrases: [Phrase]
    /// `score ACCOUNT [as of DATE]`: shown in `help`.
    public var usage: String
    public var summary: String
    public var details: String
    /// Lines that must parse to this command (checked by the tests).
    public var examples: [String]
    /// Slots whose value is an account name (resolved, and tab-completed).
    public var accountSlots: Set<String>
    /// The command changes the workspace: `as of DATE` is no option of it, but text.
    public var writes: Bool
    /// Slots whose value is a file path (tab-completed from the folder).
    public var fileSlots: Set<String>
    /// Words that may start a slot before the account in it ("draft qbr recap Acme": the
    /// slot `rest` starts with a kind): tab completion offers them, and names after them.
    public var keywords: [String: [String]]

    public init(name: String, phrases: [String], usage: String, summary: String, details: String = "",
                examples: [String], accountSlots: Set<String> = ["account"], writes: Bool = false,
                fileSlots: Set<String> = [], keywords: [String: [String]] = [:]) {
        self.name = name
        self.phrases = phrases.map(Phrase.init)
        self.usage = usage
        self.summary = summary
        self.details = details
        self.examples = examples
        self.accountSlots = accountSlots
        self.writes = writes
        self.fileSlots = fileSlots
        self.keywords = keywords
    }
}
