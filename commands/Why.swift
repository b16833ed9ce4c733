import Intents
import Scoring
import Shell
import Workspace

/// `why ACCOUNT`: which metrics moved the score since last week and since four weeks ago.
struct WhyCommand: Command {
    let spec = CommandSpec(
        name: "why",
        phrases: ["why {account}", "why did {account} change", "why did {account}'s score change", "explain {account}",
                  "explain score {account}", "explain the score of {account}", "explain score of {account}", "{account}为什么变化",
                  "解释 {account}", "解释{account}的评分"],
        usage: "why ACCOUNT [as of DATE]",
        summary: "the metrics that moved the score since last week and four weeks ago",
        details: """
            Each line is what a metric added to or took from the total, so the lines add up to the change; \
            when data goes missing, the rest of the dimension is scaled and that shows in its metrics' lines.
            """,
        examples: ["why Soylent", "explain score Acme", "why did Hooli change", "解释 Hooli"],
        natural: Natural(.account, cues: ["why": 3, "explain": 3, "score": 0.5, "what changed": 3, "changed": 2, "change": 1, "drop": 2, "dropped": 2, "driving": 3, "behind": 2, "moved": 2.5, "moving": 2.5, "有什么变化": 3, "move": 1, "dragging": 3, "what moved": 3, "fall": 2, "fell": 2, "falling": 1, "lower": 1, "break down": 2, "understand": 1, "what made": 2, "为什么": 3, "为啥": 3, "原因": 2, "解释": 3, "变了": 2, "变化": 2.5, "掉分": 3, "掉": 1, "下降": 1, "上涨": 1, "怎么就": 2], questions: ["why did Hooli's score drop?", "what's driving Acme's score", "Acme为什么掉分了"]))

    func run(_ request: Request, in context: Context) throws -> Report {
        let account = try context.account(request.account()!)
        let health = try context.health(of: account)
        guard let now = health.current else {
            throw CommandError.noWeeks(account, context.today)
        }
        func compare(_ weeksBack: Int) -> ScoreComparison? { health.score(weeksBack: weeksBack).map { ScoreComparison(from: $0, to: now) } }
        return WhyReport(account: account, now: now, lastWeek: compare(1), fourWeeks: compare(4))
    }
}

struct WhyReport: Report {
    let account: Account
    let now: HealthScore
    let lastWeek: ScoreComparison?
    let fourWeeks: ScoreComparison?

    struct MoveJSON: Encodable {
        var metric: String
        var before: String?
        var after: String?
        var points: Double
    }

    struct ComparisonJSON: Encodable {
        var from: Day
        var scoreBefore: Double
        var change: Double
        var moves: [MoveJSON]
        enum CodingKeys: String, CodingKey { case from, scoreBefore = "score_before", change, moves }
    }

    enum Keys: String, CodingKey { case account, week, score, sinceLastWeek = "since_last_week", sinceFourWeeksAgo = "since_four_weeks_ago" }

    func json(_ c: ScoreComparison?) -> ComparisonJSON? {
        c.map { c in
            ComparisonJSON(from: c.before.week, scoreBefore: c.before.shown, change: ((c.after.shown - c.before.shown) * 10).rounded() / 10,
                           moves: c.moves.map { MoveJSON(metric: $0.key, before: $0.before.reading?.shown, after: $0.after.reading?.shown,
                                                         points: ($0.points * 100).rounded() / 100) })
        }
    }

    func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: Keys.self)
        try c.encode(account.name, forKey: .account)
        try c.encode(now.week, forKey: .week)
        try c.encode(now.shown, forKey: .score)
        try c.encode(json(lastWeek), forKey: .sinceLastWeek)
        try c.encode(json(fourWeeks), forKey: .sinceFourWeeksAgo)
    }

    func render(into doc: inout Document) {
        doc.line(Span(account.name, .bold), " — ", Span("\(Format.oneDecimal(now.shown))", .bold), " in the week ending \(now.week)")
        section("Since last week", lastWeek, into: &doc)
        section("Since four weeks ago", fourWeeks, into: &doc)
    }

    func section(_ title: String, _ comparison: ScoreComparison?, into doc: inout Document) {
        doc.blank()
        guard let c = comparison else {
            doc.line(Span(title, .bold), Span(": no snapshot that far back", .dim))
            return
        }
        let change = c.after.shown - c.before.shown
        doc.line(Span(title, .bold), " (\(c.before.week), \(Format.oneDecimal(c.before.shown))): ",
                 Span(signed(change), change < -0.05 ? .red : change > 0.05 ? .green : nil))
        let moved = c.moves.filter { abs($0.points) >= 0.05 }
        let still = c.moves.filter { abs($0.points) < 0.05 }
        if moved.isEmpty { doc.line(Span("  no metric moved the score", .dim)) }
        var table = TextTable([.init("", wraps: true), .init("", wraps: true), .init("", right: true)], indent: 2, showHeader: false)
        for move in moved {
            let before = move.before.reading?.shown ?? "missing", after = move.after.reading?.shown ?? "missing"
            table.add(Span(move.label), Span("\(before) → \(after)"),
                      Span(signed(move.points), move.points < -0.05 ? .red : move.points > 0.05 ? .green : .dim))
        }
        if !moved.isEmpty { doc.table(table) }
        if !still.isEmpty {
            doc.wrapped(Span("  "), text: [Span("also changed without moving the score: \(still.map(\.label).joined(separator: ", "))", .dim)])
        }
    }

    func signed(_ v: Double) -> String {
        let r = (v * 10).rounded() / 10
        return (r > 0 ? "+" : r < 0 ? "-" : "±") + Format.oneDecimal(abs(r))
    }
}
