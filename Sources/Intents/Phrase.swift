import Workspace

/// One way of saying a command: words and typed slots, written as `"score {account}"`,
/// `"{account}的评分"`, `"task add {account} {text}"`, `"list {options} accounts"`. After
/// its last word or slot come the command's options, in any order; `{options}` puts them
/// in the middle too. A phrase may name the action it stands for ("task done {number}" is
/// `done`).
public struct Phrase: Sendable, ExpressibleByStringLiteral {
    public enum Segment: Equatable, Sendable {
        /// Words that must be typed, as token keys ("的", "评", "分" for "的评分").
        case words([String])
        case slot(String)
        /// The command's options, any number of them, in any order.
        case options
    }

    public let text: String
    public let action: String?
    /// Values the phrase says by its words alone: "recap email {account}" is a draft of
    /// kind qbr recap, "move {account} to {value}" sets the CSM.
    public let fixed: [String: SlotValue]
    public let segments: [Segment]
    /// Slots this phrase reads as another type than the command declares: "move {account}
    /// over to {value:person}" reads a person where 'set' reads any text.
    public let types: [String: SlotType]
    /// Each segment's words as the phrase writes them ("QBR prep"), for writing a request back.
    let written: [String]

    public init(_ text: String, action: String? = nil, fixed: [String: SlotValue] = [:]) {
        self.text = text
        self.action = action
        self.fixed = fixed
        var segments: [Segment] = []
        var types: [String: SlotType] = [:]
        var written: [String] = []
        var literal = ""
        var slot: String?
        func flush() {
            let line = TokenizedLine(literal)
            if line.count > 0 {
                segments.append(.words(line.tokens.map(\.key)))
                written.append(literal.trimmingSpaces)
            }
            literal = ""
        }
        for ch in text {
            if ch == "{" {
                flush()
                slot = ""
            } else if ch == "}", var name = slot {
                if let colon = name.firstIndex(of: ":") {
                    let type = String(name[name.index(after: colon)...])
                    name = String(name[..<colon])
                    guard let inline = Phrase.inlineTypes[type] else { preconditionFailure("'\(text)': no slot type '\(type)'") }
                    types[name] = inline
                }
                segments.append(name == "options" ? .options : .slot(name))
                written.append("")
                slot = nil
            } else if slot != nil {
                slot!.append(ch)
            } else {
                literal.append(ch)
            }
        }
        flush()
        self.segments = segments
        self.written = written
        self.types = types
    }

    /// The types a phrase may give a slot inline: `{value:person}`.
    static let inlineTypes: [String: SlotType] = ["person": .person, "csm": .csm, "text": .text, "number": .number, "day": .day(.any)]

    public init(stringLiteral value: String) { self.init(value) }

    /// The words before the first slot: what tab completion offers, and what makes a
    /// command's own name ("score") beat a phrase that starts with a name.
    public var leadingWords: [String] {
        guard case .words(let words)? = segments.first else { return [] }
        return words
    }

    /// The slots, in order.
    public var slots: [String] {
        segments.compactMap { if case .slot(let name) = $0 { return name } else { return nil } }
    }

    /// The same words and slots, wherever the options stand and whatever little words join them
    /// ("list {options} accounts" is "list accounts", "alerts for {account}" is "alerts {account}").
    func sameWords(as other: Phrase) -> Bool { bare == other.bare }

    private var bare: [Segment] {
        segments.compactMap { segment in
            switch segment {
            case .options: return nil
            case .words(let w):
                let kept = w.filter { !["for", "of", "on", "to", "the", "a", "an"].contains($0) }
                return kept.isEmpty ? nil : .words(kept)
            case .slot: return segment
            }
        }
    }

    /// The values a request of this phrase holds: its slots and its fixed values.
    public var holds: Set<String> { Set(slots).union(fixed.keys) }

    /// How many words the phrase has: more is more specific.
    var wordCount: Int {
        segments.reduce(0) { if case .words(let w) = $1 { return $0 + w.count } else { return $0 } }
    }
}

/// Something that may follow a command's phrase, in any order with the others: a word
/// (`at-risk`, `all`) or a word and a value (`due {value}`, `for {value}`, `by {value}`), or a
/// value alone (`{value}`: a tier, a segment). Repeatable options collect every value.
public struct OptionSpec: Sendable {
    /// The key the request keeps its values under.
    public let name: String
    /// The type of `{value}`; nil for a word alone.
    public let type: SlotType?
    public let patterns: [Phrase]
    public let repeats: Bool
    /// A day option whose value today says nothing: "log Acme call today" is "log Acme call",
    /// "alerts as of today" is "alerts".
    public let todayIsDefault: Bool
    /// The actions it belongs to ("due" is a task's to add, not to snooze); nil: every one.
    public let actions: Set<String>?

    public init(_ name: String, type: SlotType? = nil, repeats: Bool = false, todayIsDefault: Bool = false, for actions: Set<String>? = nil,
                _ patterns: String...) {
        self.name = name
        self.type = type
        self.repeats = repeats
        self.todayIsDefault = todayIsDefault
        self.actions = actions
        self.patterns = patterns.map { Phrase($0) }
        for pattern in self.patterns {
            precondition(pattern.slots.allSatisfy { $0 == "value" } && (type == nil) == pattern.slots.isEmpty,
                         "option \(name): '\(pattern.text)' needs {value} exactly when it has a type")
        }
    }

    /// The option goes with a phrase of this action.
    func goes(with action: String?) -> Bool { actions.map { action.map($0.contains) ?? false } ?? true }

    /// The value is the one the command takes when the option is not given.
    func isDefault(_ value: SlotValue, today: Day) -> Bool { todayIsDefault && value == .day(today) }

    /// The words that start it, when it starts with words ("due", "owner"): text that holds
    /// one of them is no longer plain text for a change to be made on.
    public var keywords: Set<String> {
        Set(patterns.compactMap { $0.leadingWords.first })
    }
}
