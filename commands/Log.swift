import Intents
import Shell
import Workspace

/// `log ACCOUNT EVENT [details] [on DATE]`: record what happened, for alerts and churn risk.
struct LogCommand: Command {
    let spec = CommandSpec(
        name: "log",
        phrases: ["log {rest}", "record {rest}", "记录 {rest}"],
        usage: "log ACCOUNT EVENT [details] [DATE]",
        summary: "record a call, an e-mail, a meeting, or an event: champion left, competitor mentioned …",
        details: "Events: " + EventKind.allCases.map(\.rawValue).joined(separator: ", ")
            + ". A call, an e-mail sent, a meeting, a QBR or a kickoff is a touch: 'show' and 'list' give each account's last. "
            + "The date is today unless said, after the event or at the end: 2026-11-20, yesterday, 3 days ago, last Tuesday, "
            + "on Tuesday, 20 Nov, Nov 20 2026, 昨天, 11月20日. Details are free text.",
        examples: ["log Acme call with Maria: pricing questions", "log Acme email sent renewal terms yesterday", "log Acme meeting on 20 Nov",
                   "log Hooli champion left Nelson moved to a competitor", "log Acme meeting attended QBR prep call on 2026-11-20", "记录 Acme 通话 昨天",
                   "log Soylent competitor mentioned pricing page of a rival", "record Wonka payment refused", "记录 Acme kickoff held"],
        accountSlots: ["rest"], writes: true)

    func run(_ request: Request, in context: Context) throws -> Report {
        let today = context.today
        let (account, entry) = try context.account(leading: request["rest"]!, usage: spec.usage) { words in
            try LogCommand.entry(words, today: today)
        }
        let event = Event(accountID: account.id!, date: entry.date, kind: entry.kind.rawValue, details: entry.details.isEmpty ? nil : entry.details)
        try context.change("log \(account.name) \(entry.kind.rawValue)", [.addEvent(event)])
        return EventLogged(account: account.name, date: entry.date, kind: entry.kind.rawValue, details: event.details, author: context.user)
    }

    static func entry(_ words: [String], today: Day) throws -> (kind: EventKind, details: String, date: Day) {
        // A word shaped like a date that is none is an error wherever it stands, not details.
        if let bad = words.first(where: { $0.range(of: #"^\d{4}-\d{1,2}-\d{1,2}$"#, options: .regularExpression) != nil && Day(iso: $0) == nil }) {
            throw CommandError("'\(bad.excerpt)' is not a date — write YYYY-MM-DD, 'yesterday', 'last Tuesday' or '20 Nov'")
        }
        var words = words
        var date: Day?
        // The date as said at the end: "… yesterday", "… on 20 Nov", "… 2026-11-20".
        if let (d, n) = SpokenDate.trailing(words, today: today), words.count > n {
            date = d
            words.removeLast(n)
        }
        guard let (kind, found) = EventKind.leading(words.joined(separator: " ")) else {
            let typed = words.prefix(3).joined(separator: " ")
            let near = EventKind.allCases.map(\.rawValue).filter { editDistance($0, typed.lowercased()) <= max(2, typed.count / 4) }
            throw CommandError("'\(typed)' is not an event I know" + (near.isEmpty ? "." : " — did you mean \(near.joined(separator: " or "))?")
                + " Events: " + EventKind.allCases.map(\.rawValue).joined(separator: ", "))
        }
        // Or right after the event: "kickoff held on 2026-11-06 with Norman", "call yesterday with Maria".
        var details = found
        let rest = found.split(separator: " ").map(String.init)
        if date == nil, let (d, n) = SpokenDate.leading(rest, today: today) {
            date = d
            details = rest.dropFirst(n).joined(separator: " ")
        }
        let when = date ?? today
        guard when <= today else { throw CommandError("\(when) is after today (\(today)): log what has happened") }
        return (kind, details.trimmingCharacters(in: [":", " ", "-", "—"]), when)
    }
}

struct EventLogged: Report {
    let account: String
    let date: Day
    let kind: String
    let details: String?
    let author: String

    func render(into doc: inout Document) {
        doc.wrapped(text: [Span("logged for "), Span(account, .bold), Span(" on \(date) by \(author): "), Span(kind, .bold), Span(details.map { " — \($0)" } ?? "")])
    }
}
