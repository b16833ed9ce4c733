import Foundation
import Intents
import Shell
import Workspace

/// `log ACCOUNT EVENT [details] [on DATE]`: record what happened, for alerts and churn risk.
struct LogCommand: Command {
    let spec = CommandSpec(
        name: "log",
        phrases: ["log {account} {event}", "log {account} {event} {details}", "log {account} {event} {options} {details}", "record {account} {event}",
                  "record {account} {event} {details}", "record {account} {event} {options} {details}", "记录 {account} {event}", "记录 {account} {event} {details}",
                  "记录 {account} {event} {options} {details}", "log {event} with {account}", "log {event} with {account} {details}", "log {event} with {account} {options} {details}",
                  "log {event} for {account}", "log {event} for {account} {details}"],
        slots: ["event": .choice(LogCommand.events), "details": .text],
        options: [OptionSpec("on", type: .day(.past), todayIsDefault: true, "{value}"), OptionSpec("on", type: .day(.pastOrWeekday), todayIsDefault: true, "on {value}")],
        usage: "log ACCOUNT EVENT [details] [DATE]",
        summary: "record a call, an e-mail, a meeting, or an event: champion left, competitor mentioned …",
        details: "Events: " + EventKind.allCases.map(\.rawValue).joined(separator: ", ")
            + ". A call, an e-mail sent, a meeting, a QBR or a kickoff is a touch: 'show' and 'list' give each account's last. "
            + "The date is today unless said, after the event or at the end: 2026-11-20, yesterday, 3 days ago, last Tuesday, "
            + "on Tuesday, 20 Nov, Nov 20 2026, 昨天, 11月20日. Details are free text.",
        examples: ["log Acme call with Maria: pricing questions", "log Acme email sent renewal terms yesterday", "log Acme meeting on 20 Nov",
                   "log Hooli champion left Nelson moved to a competitor", "log Acme meeting attended QBR prep call on 2026-11-20", "记录 Acme 通话 昨天",
                   "log Soylent competitor mentioned pricing page of a rival", "record Wonka payment refused", "记录 Acme kickoff held"],
        writes: true,
        natural: Natural(.account, cues: ["log": 3, "log that": 3, "log it": 3, "record": 2, "记一下": 2, "记录": 3, "记录一下": 3], slotCues: ["event": 3],
                         questions: ["log call with Acme today, talked renewal timing", "Soylent mentioned a competitor on the call", "今天和Umbrella通了电话"]))

    /// Every event by its name and the other words CSMs use for it.
    static let events = Vocabulary("event", entries: EventKind.allCases.map { kind in
        (kind.rawValue, [kind.rawValue] + EventKind.synonyms.filter { $0.value == kind }.map(\.key).sorted())
    })

    func run(_ request: Request, in context: Context) throws -> Report {
        let today = context.today
        let account = try context.account(request.account()!)
        let kind = EventKind(rawValue: request.choice("event")!)!
        let details = request.text("details") ?? ""
        // Words shaped like a day that is none ("31 Nov") are an error, not details logged today.
        if let problem = SpokenDate.firstImpossible(in: details.split(whereSeparator: \.isWhitespace).map(String.init), today: today) {
            throw CommandError(problem)
        }
        let when = request.day("on") ?? today
        guard when <= today else { throw CommandError("\(when) is after today (\(today)): log what has happened") }
        let event = Event(accountID: account.id!, date: when, kind: kind.rawValue, details: details.isEmpty ? nil : details)
        try context.change("log \(account.name) \(kind.rawValue)", [.addEvent(event)])
        return EventLogged(account: account.name, date: when, kind: kind.rawValue, details: event.details, author: context.user)
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
