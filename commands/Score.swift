import Intents
import Playbooks
import Scoring
import Shell
import Workspace

/// `score ACCOUNT`: seed 000 appendix A's score card.
struct ScoreCommand: Command {
    let spec = CommandSpec(
        name: "score",
        phrases: ["score {account}", "score of {account}", "score for {account}", "health {account}", "health of {account}",
                  "health score {account}", "health score of {account}", "health score for {account}", "{account} score",
                  "{account}'s score", "{account}'s health", "what is the score of {account}",
                  "what's {account}'s score", "how healthy is {account}",
                  "{account}的评分", "{account}评分", "{account}的健康度", "{account}的健康评分", "评分 {account}", "评分{account}"],
        usage: "score ACCOUNT",
        summary: "health score card: metrics, tier, trend, next actions",
        details: """
            Scores the account's latest weekly snapshot with the model in force (claw by default): five dimensions, \
            fifteen metrics, 0–100. Missing metrics are left out and the rest of their dimension scaled up; \
            the card says how much of the score is backed by data. The trend compares the last five weekly scores.
            """,
        examples: ["score Acme", "Score ACME corp?", "health of Globex", "Acme的评分", "what's Acme's score", "how healthy is Stark"],
        natural: Natural(.account, cues: ["score": 1.5, "health": 2, "healthy": 2, "health score": 3, "health card": 3, "score card": 3, "scorecard": 3, "health check": 3, "health read": 3, "how is": 2, "how's": 2, "hows": 2, "doing": 2, "looking": 1, "how are things": 2, "how bad": 2, "tier": 1, "green": 1, "yellow": 1, "red": 1, "多糟": 2, "有多糟": 2, "stand": 1, "where does": 1, "score for": 3, "怎么样": 2, "咋样": 2, "如何": 1, "健康分": 3, "健康度": 3, "健康评分": 3, "健康份": 2, "健康状况": 3, "评分": 2, "评分卡": 3, "分数": 2, "多少分": 3, "啥情况": 2, "情况": 1, "表现": 1, "等级": 1, "健康": 2], questions: ["how is Acme doing?", "what's Hooli's health score", "is Stark still green?", "Hooli最近怎么样"]))

    func run(_ request: Request, in context: Context) throws -> Report {
        let account = try context.account(request.account()!)
        let health = try context.health(of: account)
        guard let score = health.current else {
            throw CommandError.noWeeks(account, context.today)
        }
        let alerts = Monitor.ranked(Monitor.alerts(for: health))
        var advice = Advice(score: score, trend: health.trend, champion: health.holder(.champion)?.name)
        // Seed 002's touch cadence for the segment, after the tier's own cadence.
        advice.nextActions.insert("Keep the \(Cadence(account).summary)", at: min(1, advice.nextActions.count))
        let churn = context.model.fitted == nil ? nil : ChurnRisk(health: health)
        var card = ScoreCard(health: health, score: score, advice: advice, alerts: alerts, model: context.model.name, churn: churn)
        card.feedGap = try context.feedGaps(only: [account.id!]).first
        return card
    }
}

struct ScoreCard: Report {
    let health: AccountHealth
    let score: HealthScore
    let advice: Advice
    let alerts: [Alert]
    /// The model in force, named on the card when it is not the default.
    let model: String
    /// With a fitted churn model in force: its probability and what adds most to it.
    var churn: ChurnRisk? = nil
    /// Product events that stopped for this account while others' keep coming.
    var feedGap: FeedGap? = nil

    enum Keys: String, CodingKey {
        case account, segment, plan, arr, csm, asOf = "as_of", churnDate = "churn_date", score, scoreExact = "score_exact", tier, riskLevel = "risk_level", priority, model,
             lowConfidence = "low_confidence", coverage, missing, feedGap = "feed_gap", dimensions, trend, weekly, alerts, strengths, risks, nextActions = "next_actions",
             churnProbability = "churn_probability", churnLevel = "churn_level", churnModel = "churn_model", churnDrivers = "churn_drivers"
    }

    struct ContributionJSON: Encodable { var feature, label: String; var value: Double?; var amount: Double }

    func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: Keys.self)
        let account = health.account
        try c.encode(account.name, forKey: .account)
        try c.encode(account.segment?.rawValue, forKey: .segment)
        try c.encode(account.plan, forKey: .plan)
        try c.encode(account.arr?.dollars, forKey: .arr)
        try c.encode(account.csm, forKey: .csm)
        try c.encode(score.week, forKey: .asOf)
        try c.encode(account.churnDate, forKey: .churnDate)
        try c.encode(score.shown, forKey: .score)
        try c.encode(score.total, forKey: .scoreExact)
        try c.encode(score.band.name, forKey: .tier)
        try c.encode(score.tier, forKey: .riskLevel)
        try c.encode(score.tier.priority, forKey: .priority)
        try c.encode(model, forKey: .model)
        try c.encode(score.lowConfidence, forKey: .lowConfidence)
        try c.encode((score.coverage * 1000).rounded() / 1000, forKey: .coverage)
        try c.encode(score.missing.map(\.key), forKey: .missing)
        try c.encodeIfPresent(feedGap.map { ["no_product_events_since": $0.last.description, "feed_reaches": $0.feedLast.description] }, forKey: .feedGap)
        try c.encode(score.dimensions, forKey: .dimensions)
        try c.encode(health.trend, forKey: .trend)
        try c.encode(health.weeks, forKey: .weekly)
        try c.encode(alerts, forKey: .alerts)
        try c.encode(advice.strengths, forKey: .strengths)
        try c.encode(advice.risks, forKey: .risks)
        try c.encode(advice.nextActions, forKey: .nextActions)
        if let churn, let p = churn.probability {
            try c.encode(p, forKey: .churnProbability)
            try c.encode(churn.level, forKey: .churnLevel)
            try c.encode(health.model.fitted?.name, forKey: .churnModel)
            try c.encode(churn.fittedDrivers.map { ContributionJSON(feature: $0.feature.name, label: ChurnFeatures.label($0.feature.name), value: $0.value, amount: $0.amount) },
                         forKey: .churnDrivers)
        }
    }

    func render(into doc: inout Document) {
        let account = health.account
        let tier = score.tier, band = score.band
        doc.line(Span(account.name, .bold), " — health ", Span("\(Format.oneDecimal(score.shown)) / 100", .bold), "  ",
                 Span("\(band.emoji) \(band.label) (\(tier.priority))", tier.style),
                 score.lowConfidence ? Span("  low confidence", .red) : "")
        var facts = [account.segment?.label, account.plan, account.arr.map { "ARR \($0)" }, account.csm.map { "CSM \($0)" }].compactMap { $0 }
        facts.append("week ending \(score.week)")
        doc.line(Span(facts.joined(separator: " · "), .dim))
        if let churn = account.churnDate, churn <= health.asOf {
            doc.line(Span("churned on \(churn)" + (account.churnReason.map { ": \($0)" } ?? ""), .red))
        }
        doc.blank()

        var table = TextTable([.init(""), .init("", wraps: true), .init("", right: true), .init("", gap: 1)], showHeader: false)
        for dimension in score.dimensions {
            let scaled = dimension.points != nil && dimension.metrics.contains { $0.points == nil }
            table.add(Span(dimension.dimension.label, .bold), scaled ? Span("scaled for missing data", .dim) : "",
                      Span(points(dimension.points), .bold), Span(outOf(dimension.max), .bold))
            for metric in dimension.metrics {
                let style: Style? = metric.points == nil ? .dim : nil
                table.add(Span("  " + metric.label), metric.reading.map { Span($0.shown) } ?? Span("missing", .dim),
                          Span(points(metric.points), style), Span(outOf(metric.max), style))
            }
        }
        table.add(Span("Total", .bold), "", Span(Format.oneDecimal(score.shown), .bold), Span(outOf(100), .bold))
        doc.table(table)
        doc.blank()

        let label = { (s: String) in Span(DisplayWidth.pad(s, to: 10), .bold) }
        doc.wrapped(label("Tier"), text: [Span("\(band.emoji) \(band.label)", tier.style), Span(" — \(tier.priority): \(tier.cadence)"),
                                          Span(model == HealthModel.claw.name ? "" : " (\(model) model)", .dim)])
        let trend = health.trend
        var trendText: [Span] = [Span("\(trend.emoji) \(trend.label)", trend.direction == .declining ? .red : nil)]
        if health.weeks.count > 1 {
            trendText.append(Span(" · \(sparkline(health.weeks.map(\.score))) · \(health.weeks.count) weeks \(Format.oneDecimal(health.weeks.first!.score)) → \(Format.oneDecimal(health.weeks.last!.score))"))
        }
        doc.wrapped(label("Trend"), text: trendText)
        if let net = trend.net {
            doc.wrapped(label(""), text: [Span("last 5: \(trend.scores.map(Format.oneDecimal).joined(separator: " ")) · changes \(trend.changes.map(Format.signedPercent).joined(separator: " ")) · net \(Format.signedPercent(net))", .dim)])
        }
        if let churn, let summary = churn.fittedSummary {
            doc.wrapped(label("Churn"), text: [Span(churn.level.label, churn.level.style), Span(" — \(summary)")])
        }
        let coverage = Format.percent(score.coverage * 100)
        if score.missing.isEmpty {
            doc.wrapped(label("Coverage"), text: "\(coverage) — no data missing")
        } else {
            doc.wrapped(label("Coverage"), text: [Span("\(coverage) — missing: \(score.missing.map(\.label).joined(separator: ", "))", score.lowConfidence ? .red : .yellow),
                                                  Span(score.lowConfidence ? "; below 60%, so the tier is low-confidence" : "")])
        }
        if let feedGap {
            doc.wrapped(label("Data"), text: [Span(feedGap.shown, .yellow), Span(" — \(feedGap.fill)")])
        }
        if !alerts.isEmpty {
            doc.blank()
            doc.line(Span("Alerts", .bold))
            for a in alerts {
                doc.wrapped(Span("  \(a.severity.emoji) "), text: [Span(a.label, a.severity == .orange ? .orange : .red),
                                                               Span(": \(a.evidence.shown) — \(a.who), \(a.within)")])
            }
        }
        section("Strengths", advice.strengths.map(describe), into: &doc)
        section("Risks", advice.risks.map(describe), into: &doc)
        section("Next actions", advice.nextActions, into: &doc)
    }

    func points(_ value: Double?) -> String { value.map(Format.oneDecimal) ?? "—" }
    func outOf(_ max: Double) -> String { "/ " + Format.number(max) }

    func describe(_ m: MetricScore) -> String {
        "\(m.label): \(m.reading?.shown ?? "missing") — \(points(m.points)) \(outOf(m.max))"
    }

    func section(_ title: String, _ lines: [String], into doc: inout Document) {
        doc.blank()
        doc.line(Span(title, .bold))
        if lines.isEmpty { doc.line(Span("  none", .dim)) }
        for (i, line) in lines.enumerated() { doc.wrapped(Span("  \(i + 1). "), text: line) }
    }
}
