import Intents
import Scoring
import Shell
import Workspace

/// `trend ACCOUNT`: every weekly score, and the trend rule's verdict with the numbers behind it.
struct TrendCommand: Command {
    let spec = CommandSpec(
        name: "trend",
        phrases: ["trend {account}", "trend of {account}", "trend for {account}", "health trend {account}", "health trend of {account}",
                  "{account} trend", "{account}'s trend", "{account}的趋势", "{account}的健康趋势", "趋势 {account}",
                  "trend {account} {metric}", "{account} {metric} trend", "{account}的{metric}趋势", "{account}的{metric}走势",
                  "trend {account} {series}"],
        slots: ["series": .text],
        usage: "trend ACCOUNT [METRIC] [as of DATE]",
        summary: "weekly scores and the trend verdict with its numbers; one metric week by week",
        details: """
            The rule reads the last five weekly scores (four week-over-week changes; net is the change from four \
            weeks ago). A change counts as a move from 2 points — smaller ones are noise. Rising: net ≥ +5 % with at \
            most one move down; declining: net ≤ −5 % with at most one move up; volatile: moves both ways, one of \
            them over 5 %; otherwise stable. With a METRIC — a snapshot column (dau, nps, …) or a metric of the \
            workspace's own (a snapshot column cse does not score, or a product event per week, per 28 days or per \
            active user) — it shows that metric week by week, and where each value came from.
            """,
        examples: ["trend Soylent", "trend of Acme", "Hooli trend", "星辰科技的趋势", "trend Acme as of 2026-10-01", "trend Acme nps",
                   "trend Hooli dau", "Hooli的日活趋势"],
        natural: Natural(.account, cues: ["trend": 3, "trends": 3, "trended": 3, "trending": 2, "how has": 3, "week by week": 3, "weekly": 2, "weekly scores": 3, "over the last few weeks": 3, "over time": 2, "better or worse": 3, "trend line": 3, "week over week": 2, "by week": 2, "chart": 2, "趋势": 3, "走势": 3, "走势图": 3, "每周": 2, "按周": 2, "变好还是变差": 3, "每周变化": 3], questions: ["is Acme getting better or worse?", "how has Soylent's NPS moved?", "Hooli的日活趋势"]))

    func run(_ request: Request, in context: Context) throws -> Report {
        let account = try context.account(request.account()!)
        if let metric = request.choice("metric") ?? request.text("series") {
            return MetricTrendReport(account: account, series: try MetricSeries.find(metric, of: account, in: context))
        }
        let health = try context.health(of: account)
        guard !health.weeks.isEmpty else {
            throw CommandError.noWeeks(account, context.today)
        }
        return TrendReport(health: health)
    }
}

struct TrendReport: Report {
    let health: AccountHealth

    var reason: String {
        let t = health.trend
        let (ups, downs) = t.moves
        let net = t.net.map(Format.signedPercent) ?? ""
        let moved = ups + downs == 0 ? "no weekly move of 2 points or more" : "moves of 2 points or more: \(ups) up, \(downs) down"
        switch t.direction {
        case .rising: return "net \(net) over four weeks (≥ +5%), \(moved)"
        case .declining: return "net \(net) over four weeks (≤ -5%), \(moved)"
        case .stable:
            return "net \(net) over four weeks, \(moved)" + (abs(t.net ?? 0) >= Trend.threshold ? ": moves both ways, none over 5%" : "")
        case .volatile: return "net \(net) over four weeks, \(moved): it swings both ways"
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
        doc.wrapped(Span("  "), text: [Span("Rule: " + Trend.rule, .dim)])
        doc.blank()
        var table = TextTable([.init("Week"), .init("Score", right: true), .init("Points", right: true), .init("Change", right: true), .init("Tier"), .init("")])
        let counted = max(0, health.weeks.count - Trend.window)
        for (i, week) in health.weeks.enumerated() {
            let band = week.band
            let step = i == 0 ? nil : week.shown - health.weeks[i - 1].shown
            let change = i == 0 ? "" : Format.signedPercent(Trend(weeklyScores: [health.weeks[i - 1].score, week.score]).changes[0])
            let points = step.map { ($0 > 0 ? "+" : "") + Format.oneDecimal($0) } ?? ""
            table.add(Span(week.week.description), Span(Format.oneDecimal(week.shown)),
                      Span(points, step.map { abs($0) < Trend.noise } ?? false ? .dim : nil), Span(change),
                      Span("\(band.emoji) \(band.label)", band.level.style), i >= counted && health.weeks.count >= Trend.window ? Span("•", .dim) : "")
        }
        doc.table(table)
        if health.weeks.count >= Trend.window { doc.line(Span("• the five weeks the verdict reads", .dim)) }
    }
}
