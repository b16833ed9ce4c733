import Intents
import Scoring
import Shell
import Workspace

/// `alerts [ACCOUNT]`: every monitor that fires, most severe first, then by ARR.
struct AlertsCommand: Command {
    let spec = CommandSpec(
        name: "alerts",
        phrases: ["alerts", "show alerts", "list alerts", "warnings", "alerts {account}", "alerts for {account}", "alerts of {account}",
                  "{account} alerts", "预警", "预警 {account}", "{account}的预警"],
        usage: "alerts [ACCOUNT] [as of DATE]",
        summary: "monitors that fire: what tripped them, who acts, how fast",
        details: """
            The monitors: health drop week over week (> 10 % 🟠, > 20 % 🔴), DAU drop (> 30 % 🟠, > 50 % 🔴), \
            champion left (logged in the last 30 days) 🔴, more than 3 severe tickets open 🟠, API error rate (> 5 % 🔴, \
            > 10 % 🔴 immediate), more than one payment refused in 90 days 🔴, health drop vs four weeks ago > 15 % 🟠, \
            feature depth < 30 % 🟠, meeting attendance < 60 % 🟠, NPS down > 20 points in four weeks 🔴, health declined \
            two weeks running 🔴. A score drop counts from 2 points (a smaller change is noise). Churned accounts are left out.
            """,
        examples: ["alerts", "alerts Hooli", "alerts for Soylent", "预警", "alerts as of 2026-11-01"])

    func run(_ request: Request, in context: Context) throws -> Report {
        if let name = request["account"] {
            let account = try context.account(name)
            if let churn = account.churnDate, churn <= context.today {
                throw CommandError("\(account.name) churned on \(churn): its monitors are off — see 'timeline \(account.name)'")
            }
            let alerts = Monitor.alerts(for: try context.health(of: account))
            return AlertList(account: account.name, alerts: Monitor.ranked(alerts), accounts: 1)
        }
        let portfolio = try context.portfolio(withRecords: true)
        let alerts = portfolio.flatMap(Monitor.alerts(for:))
        return AlertList(account: nil, alerts: Monitor.ranked(alerts), accounts: portfolio.count)
    }
}

struct AlertList: Report {
    let account: String?
    let alerts: [Alert]
    let accounts: Int

    enum Keys: String, CodingKey { case account, count, alerts }

    func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: Keys.self)
        try c.encode(account, forKey: .account)
        try c.encode(alerts.count, forKey: .count)
        try c.encode(alerts, forKey: .alerts)
    }

    func render(into doc: inout Document) {
        guard !alerts.isEmpty else {
            doc.line(Span(account.map { "\($0): no alerts — every monitor is quiet" } ?? "no alerts across \(accounts) accounts — every monitor is quiet", .dim))
            return
        }
        for a in alerts {
            let style: Style = a.severity == .orange ? .orange : .red
            doc.wrapped(Span("\(a.severity.emoji) "), text: [Span(a.account, .bold), Span(" — "), Span(a.label, style),
                                                          Span(" · \(a.who), "), Span(a.within, a.severity == .redImmediate ? .red : .bold)])
            doc.wrapped(Span("   "), text: [Span(a.evidence.shown, .dim)])
        }
        let red = alerts.filter { $0.severity != .orange }.count
        let affected = Set(alerts.map(\.account)).count
        doc.line(Span("\(alerts.count) alert\(alerts.count == 1 ? "" : "s") (\(red) red) on \(affected) account\(affected == 1 ? "" : "s")", .dim))
    }
}
