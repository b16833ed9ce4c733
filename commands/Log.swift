import Intents
import Shell
import Workspace

/// `log ACCOUNT EVENT [details] [on DATE]`: record what happened, for alerts and churn risk.
struct LogCommand: Command {
    let spec = CommandSpec(
        name: "log",
        phrases: ["log {rest}", "record {rest}", "记录 {rest}"],
        usage: "log ACCOUNT EVENT [details] [on YYYY-MM-DD]",
        summary: "record an event: champion left, competitor mentioned, payment refused …",
        details: "Events: " + EventKind.allCases.map(\.rawValue).joined(separator: ", ")
            + ". The date is today unless given ('on 2026-11-20', after the event or at the end); details are free text.",
        examples: ["log Hooli champion left Nelson moved to a competitor", "log Acme meeting attended QBR prep call on 2026-11-20",
                   "log Soylent competitor mentioned pricing page of a rival", "record Wonka payment refused", "记录 Acme kickoff held"],
        accountSlots: ["rest"], writes: true)

    func run(_ request: Request, in context: Context) throws -> Report {
        let today = context.today
        let (account, entry) = try context.account(leading: request["rest"]!, usage: spec.usage) { words in
            try LogCommand.entry(words, today: today)
        }
        let event = Event(accountID: account.id!, date: entry.date, kind: entry.kind.rawValue, details: entry.details.isEmpty ? nil : entry.details)
        try context.change("log \(account.name) \(entry.kind.rawValue)", [.addEvent(event)])
        return EventLogged(account: account.name, date: entry.date, kind: entry.kind.rawValue, details: event.details)
    }

    static func entry(_ words: [String], today: Day) throws -> (kind: EventKind, details: String, date: Day) {
        /// The day a word names; a word shaped like a date that is none is an error, not details.
        func day(_ word: String) throws -> Day? {
            if let d = Day(iso: word) { return d }
            if word.range(of: #"^\d{4}-\d{1,2}-\d{1,2}$"#, options: .regularExpression) != nil {
                throw CommandError("'\(word.excerpt)' is not a date — write YYYY-MM-DD")
            }
            return nil
        }
        var words = words
        var date: Day?
        if words.count >= 2, words[words.count - 2].lowercased() == "on", let d = try day(words.last!) {
            date = d
            words.removeLast(2)
        } else if let last = words.last, let d = try day(last) {
            date = d
            words.removeLast()
        }
        guard let (kind, found) = EventKind.leading(words.joined(separator: " ")) else {
            let typed = words.prefix(3).joined(separator: " ")
            let near = EventKind.allCases.map(\.rawValue).filter { editDistance($0, typed.lowercased()) <= max(2, typed.count / 4) }
            throw CommandError("'\(typed)' is not an event I know" + (near.isEmpty ? "." : " — did you mean \(near.joined(separator: " or "))?")
                + " Events: " + EventKind.allCases.map(\.rawValue).joined(separator: ", "))
        }
        // "kickoff held on 2026-11-06 with Norman": the date right after the event.
        var details = found
        let rest = found.split(separator: " ", maxSplits: 2).map(String.init)
        if date == nil, rest.count >= 2, rest[0].lowercased() == "on", let d = try day(rest[1]) {
            date = d
            details = rest.count > 2 ? rest[2] : ""
        }
        let when = date ?? today
        guard when <= today else { throw CommandError("\(when) is after today (\(today)): log what has happened") }
        return (kind, details, when)
    }
}

struct EventLogged: Report {
    let account: String
    let date: Day
    let kind: String
    let details: String?

    func render(into doc: inout Document) {
        doc.wrapped(text: [Span("logged for "), Span(account, .bold), Span(" on \(date): "), Span(kind, .bold), Span(details.map { " — \($0)" } ?? "")])
    }
}
