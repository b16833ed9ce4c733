import Intents
import Scoring
import Shell
import Workspace

/// `timeline ACCOUNT`: events, notes and score changes in date order.
struct TimelineCommand: Command {
    let spec = CommandSpec(
        name: "timeline",
        phrases: ["timeline {account}", "timeline of {account}", "timeline for {account}", "history of {account}", "{account} timeline",
                  "{account}的时间线", "时间线 {account}"],
        usage: "timeline ACCOUNT [as of DATE]",
        summary: "events, notes and score changes in date order",
        examples: ["timeline Hooli", "timeline of Soylent", "history of Initech", "星辰科技的时间线"],
        natural: Natural(.account, cues: ["timeline": 3, "history": 3, "what's happened": 3, "what happened": 3, "happened": 2, "chronology": 3, "notes": 2, "event history": 3, "events": 2, "by date": 1, "walk me through": 1, "时间线": 3, "发生了什么": 4, "历史记录": 3, "历史": 2, "备注": 2, "按时间": 2], questions: ["what's happened with Soylent lately?", "Hooli时间线"]))

    func run(_ request: Request, in context: Context) throws -> Report {
        let account = try context.account(request.account()!)
        let health = try context.health(of: account)
        var entries: [TimelineEntry] = []
        if let start = account.startDate, start <= context.today { entries.append(.init(date: start, kind: "start", text: "became a customer")) }
        var previous: AccountHealth.Week?
        for week in health.weeks {
            let band = week.band
            if let p = previous {
                let change = week.score - p.score
                if abs(change) >= 0.05 || p.band != band {
                    var text = "score \(Format.oneDecimal(p.shown)) → \(Format.oneDecimal(week.shown))"
                    if p.band != band { text += ": \(p.band.label) → \(band.emoji) \(band.label)" }
                    entries.append(.init(date: week.week, kind: "score", text: text, tier: p.band != band ? band.level : nil))
                }
            } else {
                entries.append(.init(date: week.week, kind: "score", text: "first weekly score \(Format.oneDecimal(week.shown)) \(band.emoji) \(band.label)", tier: band.level))
            }
            previous = week
        }
        for event in try context.store.events(accountID: account.id!) where event.date <= context.today {
            entries.append(.init(date: event.date, kind: "event", text: event.kind + (event.details.map { " — \($0)" } ?? ""), by: event.author))
        }
        for note in try context.store.notes(accountID: account.id!) where note.date <= context.today {
            entries.append(.init(date: note.date, kind: "note", text: note.text, by: note.author))
        }
        // Every other recorded change (an import, set, a task, a goal), with who made it; an
        // added event or note is already there, with its author.
        for change in try context.store.changes(accountID: account.id!) where !change.recordsOnly {
            guard let day = change.day, day <= context.today else { continue }
            entries.append(.init(date: day, kind: "change", text: change.author.what, by: change.author.user, time: String(change.author.at.dropFirst(11))))
        }
        if let churn = account.churnDate, churn <= context.today {
            entries.append(.init(date: churn, kind: "churn", text: "churned" + (account.churnReason.map { ": \($0)" } ?? "")))
        }
        // Stable order within a day: start, events, notes, changes, score, churn.
        let rank = ["start": 0, "event": 1, "note": 2, "change": 3, "score": 4, "churn": 5]
        let ordered = entries.enumerated().sorted { ($0.element.date, rank[$0.element.kind]!, $0.offset) < ($1.element.date, rank[$1.element.kind]!, $1.offset) }.map(\.element)
        return Timeline(account: account.name, asOf: context.today, entries: ordered)
    }
}

struct TimelineEntry: Encodable {
    var date: Day
    var kind: String
    var text: String
    /// Who recorded it, when known.
    var by: String? = nil
    /// A change's time of day.
    var time: String? = nil
    var tier: Tier? = nil

    enum CodingKeys: String, CodingKey { case date, kind, text, by, time }
}

struct Timeline: Report {
    let account: String
    let asOf: Day
    let entries: [TimelineEntry]

    enum CodingKeys: String, CodingKey { case account, asOf = "as_of", entries }

    func render(into doc: inout Document) {
        doc.line(Span(account, .bold), Span(" — timeline to \(asOf)", .dim))
        guard !entries.isEmpty else {
            doc.line(Span("  nothing recorded yet", .dim))
            return
        }
        var table = TextTable([.init(""), .init(""), .init("", wraps: true)], indent: 2, showHeader: false)
        for e in entries {
            let style: Style? = e.kind == "event" ? .bold : e.kind == "churn" ? .red : e.tier?.style
            let by = e.by.map { " — \($0)" + (e.time.map { " at \($0)" } ?? "") } ?? ""
            table.add(Span(e.date.description, .dim), Span(e.kind, .dim), Span(e.text + by, style))
        }
        doc.table(table)
    }
}
