import Intents
import Scoring
import Shell
import Workspace

/// `trend ACCOUNT`: every weekly score, and the trend rule's verdict with the numbers behind it.
struct TrendCommand: Command {
    let spec = CommandSpec(
        name: "trend",
        phrases: ["trend {account}", "trend of {account}", "trend for {account}", "health trend {account}", "health trend of {account}",
                  "{account} trend", "{account}'s trend", "{account}的趋势", "{account}的健康趋势", "趋势 {account}"],
        usage: "trend ACCOUNT [as of DATE]",
        summary: "weekly scores and the trend verdict with its numbers",
        details: """
            Seed 000's rule over the last five weekly scores (four week-over-week changes; net is the change \
            from four weeks ago): rising — at least 3 of the 4 changes up and net ≥ +5 %; declining — at least \
            3 down and net ≤ −5 %; stable — every change within ±5 %; otherwise volatile.
            """,
        examples: ["trend Soylent", "trend of Acme", "Hooli trend", "星辰科技的趋势", "trend Acme as of 2026-10-01"])

    func run(_ request: Request, in context: Context) throws -> Report {
        let account = try context.account(request["account"]!)
        let health = try context.health(of: account)
        guard !health.weeks.isEmpty else {
            throw CommandError("\(account.name) has no weekly snapshot on or before \(context.today)")
        }
        return TrendReport(health: health)
    }
}

struct TrendReport: Report {
    let health: AccountHealth

    var reason: String {
        let t = health.trend
        let ups = t.changes.filter { $0 > 0 }.count, downs = t.changes.filter { $0 < 0 }.count
        let net = t.net.map(Format.signedPercent) ?? ""
        let largest = t.changes.map(abs).max() ?? 0
        switch t.direction {
        case .rising: return "\(ups) of the last 4 weekly changes are up and the net change is \(net) (≥ +5%)"
        case .declining: return "\(downs) of the last 4 weekly changes are down and the net change is \(net) (≤ -5%)"
        case .stable: return "every one of the last 4 weekly changes is within ±5% (largest \(Format.percent(largest))); net \(net)"
        case .volatile:
            return "\(ups) up and \(downs) down with a net change of \(net): not 3 moves one way with a net past ±5%, and a change of \(Format.percent(largest)) is beyond ±5%"
        case .notEnoughHistory: return "the rule needs five weekly scores; there \(t.scores.count == 1 ? "is" : "are") \(t.scores.count)"
        }
    }

    enum Keys: String, CodingKey { case account, asOf = "as_of", trend, reason, weekly }

    func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: Keys.self)
        try c.encode(health.account.name, forKey: .account)
        try c.encode(health.asOf, forKey: .asOf)
        try c.encode(health.trend, forKey: .trend)
        try c.encode(reason, forKey: .reason)
        try c.encode(health.weeks, forKey: .weekly)
    }

    func render(into doc: inout Document) {
        let t = health.trend
        doc.line(Span(health.account.name, .bold), " — ", Span("\(t.emoji) \(t.label)", t.direction == .declining ? .red : .bold))
        doc.wrapped(Span("  "), text: reason)
        doc.blank()
        var table = TextTable([.init("Week"), .init("Score", right: true), .init("Change", right: true), .init("Tier"), .init("")])
        let counted = max(0, health.weeks.count - Trend.window)
        for (i, week) in health.weeks.enumerated() {
            let band = week.band
            let change = i == 0 ? "" : Format.signedPercent(Trend(weeklyScores: [health.weeks[i - 1].score, week.score]).changes[0])
            table.add(Span(week.week.description), Span(Format.oneDecimal(week.shown)), Span(change),
                      Span("\(band.emoji) \(band.label)", band.level.style), i >= counted && health.weeks.count >= Trend.window ? Span("•", .dim) : "")
        }
        doc.table(table)
        if health.weeks.count >= Trend.window { doc.line(Span("• the five weeks the verdict reads", .dim)) }
    }
}
