import Workspace

/// What a slot of a phrase or an option holds. The reader only fills a slot with text that
/// reads as its type, so "by email" is no due date and stays in the task's text, and
/// "alerts Over Easy Cafe" names an account rather than an amount.
public enum SlotType: Sendable {
    /// One account, by its name, an alias or a unique start of either.
    case account
    /// Free text; quotes keep words that would start an option inside it.
    case text
    /// A whole number: a task's or an alert's number ("3", "#3").
    case number
    /// A number of days: "60", "60 days", "2 weeks", "3 months" (90 days), "90天".
    case days
    /// A number of weeks: "4", "4 weeks".
    case weeks
    /// A day ahead, as the number of days until it: "before March", "the end of the year", "年底".
    case until
    /// A day as spoken: one that has happened (a log), one ahead (a due date), or either.
    case day(DayTense)
    /// A stretch of days for retention: "for 2025", "for Q3 2026", "last quarter", "from … to …".
    case period
    /// An amount of money: "$10,000", "10k", "12000".
    case money
    /// A CSM, by their name, a word of it or the start of one ("Dana", "Whit"): every CSM it fits.
    case csm
    /// A person of the book who can own a goal: a CSM or a contact.
    case person
    /// The one CSM who owns a task: their whole name, or a word or start of it that names them
    /// alone ("Dana"); "me" is the user (`Me`).
    case owner
    /// A closed list of words, each read as its code.
    case choice(Vocabulary)
    /// A raw metric: a snapshot column, or a metric of the workspace's own that it knows.
    case metric
    /// A file path, as typed (quotes for spaces).
    case file
    /// A command of the catalogue, for `help`.
    case command
    /// A metric and a value to put in it, for a what-if: "nps 50", "dau=20", "plan professional".
    case setting(Vocabulary)

    public enum DayTense: Sendable {
        /// A day that has happened; a weekday alone is none ("they sign Friday" is words).
        case past
        /// A day that has happened, a weekday alone too: what follows "on" or "as of".
        case pastOrWeekday
        case ahead, any
    }

    /// The type as a key (a vocabulary is known by its name, each name used once): what the
    /// slot reader keeps the spans it has read under.
    var key: String {
        switch self {
        case .account: return "account"
        case .text: return "text"
        case .number: return "number"
        case .days: return "days"
        case .weeks: return "weeks"
        case .until: return "until"
        case .day(.past): return "day past"
        case .day(.pastOrWeekday): return "day past or weekday"
        case .day(.ahead): return "day ahead"
        case .day(.any): return "day"
        case .period: return "period"
        case .money: return "money"
        case .csm: return "csm"
        case .person: return "person"
        case .owner: return "owner"
        case .choice(let v): return "choice " + v.name
        case .metric: return "metric"
        case .file: return "file"
        case .command: return "command"
        case .setting(let v): return "setting " + v.name
        }
    }

    /// What a value of this type is, for a message: "a number of days".
    var described: String {
        switch self {
        case .account: return "an account"
        case .text: return "words"
        case .number: return "a number"
        case .days: return "a number of days"
        case .weeks: return "a number of weeks"
        case .until: return "a day ahead"
        case .day(.ahead): return "a day ahead"
        case .day: return "a date"
        case .period: return "a period"
        case .money: return "an amount"
        case .csm, .owner: return "a CSM"
        case .person: return "a person"
        case .choice(let v): return "\(Vocabulary.article(v.name)) \(v.name) (\(v.entries.compactMap(\.words.first).joined(separator: ", ")))"
        case .metric, .setting: return "a metric"
        case .file: return "a file"
        case .command: return "a command"
        }
    }

    /// A value of this type, for a message's example.
    var example: String {
        switch self {
        case .days, .until: return "30 days"
        case .weeks: return "4 weeks"
        case .day(.ahead): return "friday"
        case .day: return "2026-11-20"
        case .money: return "$10,000"
        case .number: return "3"
        case .choice(let v): return v.entries.first?.words.first ?? "…"
        default: return described.uppercased().replacingOccurrences(of: " ", with: "_")
        }
    }

    /// The most tokens a value of this type takes (text, files and commands: any number).
    var longest: Int {
        switch self {
        case .account: return AccountNames.longestSpan
        case .text, .command: return .max
        case .number, .file: return 1
        case .days, .weeks: return 3
        case .until: return 5
        case .day: return 5
        case .period: return 6
        case .money: return 2
        case .csm, .person, .owner: return 4
        case .choice(let v): return v.longest
        case .metric: return 5
        case .setting: return 8
        }
    }
}

/// A closed list of words for a choice slot: what each word or phrase stands for (its code),
/// in order, so that help and completion show them as declared.
public struct Vocabulary: Sendable {
    public let name: String
    /// (code, the words that say it); the first word is how it is written back.
    public let entries: [(code: String, words: [String])]
    let byKey: [String: String]
    let longest: Int
    /// Words the list does not hold that still say a code ("renewal_date", "exec sponsor").
    let lookup: (@Sendable (String) -> String?)?
    /// What to say of the words a message lists, when the list is not all of them.
    public let hint: String?

    public init(_ name: String, _ entries: KeyValuePairs<String, [String]>, lookup: (@Sendable (String) -> String?)? = nil, hint: String? = nil) {
        self.init(name, entries: entries.map { ($0.key, $0.value) }, lookup: lookup, hint: hint)
    }

    public init(_ name: String, entries: [(code: String, words: [String])], lookup: (@Sendable (String) -> String?)? = nil, hint: String? = nil) {
        self.name = name
        self.lookup = lookup
        self.hint = hint
        self.entries = entries
        var byKey: [String: String] = [:]
        var longest = 1
        // A code names itself first ('help account' is the account command, though 'show'
        // is also asked for as 'account ACCOUNT'); then the words, first come first served.
        for (code, _) in entries {
            let line = TokenizedLine(code)
            byKey[line.phraseKey(0..<line.count)] = code
        }
        for (code, words) in entries {
            for word in words + [code] {
                let line = TokenizedLine(word)
                byKey[line.phraseKey(0..<line.count)] = byKey[line.phraseKey(0..<line.count)] ?? code
                longest = max(longest, line.count)
            }
        }
        self.byKey = byKey
        self.longest = lookup == nil ? longest : max(longest, 4)
    }

    /// The code these tokens say, if they say one.
    public func code(_ line: TokenizedLine, _ range: Range<Int>) -> String? {
        let key = line.phraseKey(range)
        return byKey[key] ?? lookup?(line.text(range))
    }

    /// The code a word or phrase says.
    public func code(_ text: String) -> String? {
        let line = TokenizedLine(text)
        return code(line, 0..<line.count)
    }

    /// "a" or "an" before a name: "an event", "a tier".
    public static func article(_ word: String) -> String { "aeiou".contains(word.first ?? "x") ? "an" : "a" }

    /// How a code is written back: its first word.
    public func word(_ code: String) -> String { entries.first { $0.code == code }?.words.first ?? code }

    public var codes: [String] { entries.map(\.code) }
}

/// A slot's value, read once by the parser; handlers take these and never the text again.
public enum SlotValue: Equatable, Sendable {
    case account(AccountRef)
    case text(String)
    case number(Int)
    /// Days (or weeks, for a `.weeks` slot).
    case count(Int)
    case day(Day)
    case period(Period)
    case money(Money)
    case csms([String])
    case choice(String)
    case file(String)
    /// A what-if's metric (its code) and the value typed for it.
    case setting(String, String)
    /// An option without a value, present ("at-risk", "all").
    case flag
}

/// An account a line named: its id and name, found once by the reader.
public struct AccountRef: Equatable, Hashable, Sendable {
    public var id: Int64
    public var name: String
    public init(id: Int64, name: String) {
        self.id = id
        self.name = name
    }
}

/// A stretch of days a retention question is asked over; `to` is its last day.
public struct Period: Equatable, Sendable {
    public var from: Day
    public var to: Day
    /// How it reads back: "2025", "Q3 2026", "the last 12 months", "2026-10-01 to 2026-10-31".
    public var label: String
    /// How it is written in a command: "for 2025", "last quarter", "from 2026-10-01 to 2026-10-31".
    public var words: String

    public init(from: Day, to: Day, label: String, words: String) {
        self.from = from
        self.to = to
        self.label = label
        self.words = words
    }
}

extension TokenizedLine {
    /// Tokens as a vocabulary compares them: lower case, a space between Latin words, none
    /// next to a Chinese character ("high risk", "高风险").
    public func phraseKey(_ range: Range<Int>) -> String {
        var key = ""
        var previous: Token.Kind?
        for token in tokens[range] {
            if let previous, previous != .han, token.kind != .han { key += " " }
            key += token.key
            previous = token.kind
        }
        return key
    }
}
