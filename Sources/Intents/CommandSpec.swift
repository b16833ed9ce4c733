/// What a command says about itself: its name, the ways to say it with their typed slots
/// and options, the words a question uses for it, and its help. Each command file in
/// `commands/` declares one; the reader reads every line against all of them, once.
public struct CommandSpec: Sendable {
    public var name: String
    public var phrases: [Phrase]
    /// The type of each slot the phrases use.
    public var slots: [String: SlotType]
    public var options: [OptionSpec]
    /// `score ACCOUNT [as of DATE]`: shown in `help`.
    public var usage: String
    public var summary: String
    public var details: String
    /// Lines that must read as this command (checked by the tests).
    public var examples: [String]
    /// The command changes the workspace: it runs only from a reading that is not a guess,
    /// and `as of DATE` is no option of it.
    public var writes: Bool
    /// Actions that ask before they run ('account delete'), unless the line says --yes.
    public var asksFirst: Set<String>
    /// How a question asks for it: one way for each action a question can ask for.
    public var natural: [Natural]
    /// What to say when words after the command read as none of its options ("use at-risk,
    /// a tier …"); else its usage.
    public var optionsHelp: String?

    /// Slots named after their type need no declaration: `{account}`, `{text}`, `{number}`,
    /// `{file}`, `{csm}`, `{metric}`, `{period}`, `{command}`.
    static let typedByName: [String: SlotType] = ["account": .account, "text": .text, "number": .number, "file": .file,
                                                    "csm": .csm, "metric": .metric, "period": .period, "command": .command]

    public init(name: String, phrases: [String] = [], actions: KeyValuePairs<String, [String]> = [:],
                fixed: KeyValuePairs<String, [String: SlotValue]> = [:], slots: [String: SlotType] = [:],
                options: [OptionSpec] = [], usage: String, summary: String, details: String = "", examples: [String],
                writes: Bool = false, asksFirst: Set<String> = [], optionsHelp: String? = nil, natural: Natural...) {
        self.name = name
        self.phrases = phrases.map { Phrase($0) } + actions.flatMap { action in action.value.map { Phrase($0, action: action.key) } }
            + fixed.map { Phrase($0.key, fixed: $0.value) }
        var types = slots
        for phrase in self.phrases {
            for slot in phrase.slots where types[slot] == nil {
                guard let type = CommandSpec.typedByName[slot] else { preconditionFailure("\(name): slot {\(slot)} of '\(phrase.text)' has no type") }
                types[slot] = type
            }
        }
        self.slots = types
        self.options = options
        self.usage = usage
        self.summary = summary
        self.details = details
        self.examples = examples
        self.writes = writes
        self.asksFirst = asksFirst
        self.natural = natural
        self.optionsHelp = optionsHelp
    }

    /// The option a request keeps under this name.
    public func option(_ name: String) -> OptionSpec? { options.first { $0.name == name } }

    /// The slots an account can go into.
    public var accountSlots: [String] { slots.filter { if case .account = $0.value { return true } else { return false } }.map(\.key).sorted() }
}

/// How a question asks for a command when it is not typed as one: the words that point to
/// it (`how is … doing`, `at risk`, `为什么`) with how strongly, and what it is about.
public struct Natural: Sendable {
    public enum Subject: Sendable {
        /// One account ("why did Hooli drop?"); without one, the account in focus.
        case account
        /// The book, or one account when one is named ("churn risk", "churn risk Hooli").
        case bookOrAccount
        /// The book only.
        case book
        /// Nothing to name ("help", "drafts").
        case none
    }

    /// Words and phrases that say the command, each with its weight: 3 names the command,
    /// 2 says it plainly, 1 leans towards it. Kept as tokens, longest first.
    public var cues: [(keys: [String], weight: Double)]
    public var subject: Subject
    /// The action a question takes when the command has several ("task add").
    public var action: String?
    /// Questions shown in `help COMMAND`, each checked to read as the command.
    public var questions: [String]
    /// Commands it goes on from: after `alerts`, "snooze 2 until Friday" is an alert's.
    public var after: [String]
    /// How much each of the command's options found in a question says it is this command:
    /// a tier and a CSM ask for a list ("P0 accounts for Dana"), "nps 50" for a what-if.
    public var optionWeight: Double
    /// Slots that, found in a question, say it is this command: an event says "log"
    /// ("Soylent mentioned a competitor").
    public var slotCues: [String: Double]

    public init(_ subject: Subject = .none, action: String? = nil, cues: KeyValuePairs<String, Double> = [:], after: [String] = [],
                optionWeight: Double = 0.5, slotCues: [String: Double] = [:], questions: [String] = []) {
        self.subject = subject
        self.action = action
        self.cues = cues.map { (TokenizedLine($0.key).tokens.map(\.key), $0.value) }.filter { !$0.keys.isEmpty }.sorted { $0.keys.count > $1.keys.count }
        self.after = after
        self.optionWeight = optionWeight
        self.slotCues = slotCues
        self.questions = questions
    }
}
