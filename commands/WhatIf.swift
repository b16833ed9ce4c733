import Intents
import Scoring
import Shell
import Workspace

/// `what if ACCOUNT nps 50 dau 20 …`: the latest week re-scored with hypothetical values.
struct WhatIfCommand: Command {
    let spec = CommandSpec(
        name: "what if",
        phrases: ["what if {account}", "what-if {account}", "whatif {account}", "what if {account} had", "如果 {account}", "假设 {account}"],
        options: [OptionSpec("change", type: .setting(WhatIfCommand.fields), repeats: true, "{value}", "and {value}", "with {value}")],
        usage: "what if ACCOUNT FIELD VALUE [FIELD VALUE …]",
        summary: "re-score with hypothetical values; nothing is saved",
        details: """
            FIELD is a raw metric (dau, licensed_users, core_features_used or 'features', conversations_per_day, weekly_hours, \
            users_this_month, users_last_month, meetings_scheduled, meetings_attended, feedback_per_month, community_posts_per_month, \
            community_events_per_month, community_contributions_per_quarter, api_error_rate_pct, integration_uptime_pct, \
            performance_satisfaction, nps, csm_satisfaction, exec_relationship), plan or arr, or a metric of the workspace's own \
            that model.yaml scores (custom_metrics:). Values are checked as on import; a field given twice takes its last value. \
            Shows the new score and tier, and the points each change buys on its own.
            """,
        examples: ["what if Acme nps 50 dau 20", "what if Acme Corp features 6", "what-if Hooli exec regular meetings attended 8",
                   "what if Wonka plan professional", "如果 Acme nps 60", "what if Acme nps=50"],
        natural: Natural(.account, cues: ["what if": 4, "what-if": 4, "能到多少分": 4, "分数多少": 1, "if": 1, "would": 1, "assuming": 2, "suppose": 3, "simulate": 3, "rescore": 3, "hypothetical": 3,
                                          "如果": 3, "假设": 3, "模拟": 3, "要是": 3, "的话": 1, "会怎样": 2],
                         optionWeight: 1.5, questions: ["what if Acme's NPS went to 50?", "如果Acme的NPS到50会怎样"]))

    /// What a what-if changes: a raw metric, the plan or the ARR (and metrics of the workspace's own, by their names).
    static let fields = Vocabulary("metric", ["plan": ["plan", "套餐"], "arr": ["arr"], SnapshotField.dau.rawValue: ["日活"],
                                             SnapshotField.coreFeaturesUsed.rawValue: ["功能"], SnapshotField.apiErrorRatePct.rawValue: ["错误率", "api错误率"],
                                             SnapshotField.meetingsAttended.rawValue: ["参会", "参加会议", "会议"], SnapshotField.weeklyHours.rawValue: ["使用时长"]],
                                   lookup: { SnapshotField.named($0)?.rawValue })

    func run(_ request: Request, in context: Context) throws -> Report {
        let account = try context.account(request.account()!)
        let changes = try WhatIfCommand.changes(request.settings("change"), custom: context.model.rules.compactMap(\.name))
        let health = try context.health(of: account)
        guard let latest = health.snapshots.last else {
            throw CommandError.noWeeks(account, context.today)
        }
        return WhatIfReport(account: account, whatIf: WhatIf(snapshot: latest, history: health.snapshots.dropLast(), records: health.records,
                                                             changes: changes, model: context.model))
    }

    /// The changes a request names, each value checked as import would; a field named twice takes its last value.
    static func changes(_ settings: [(field: String, value: String)], custom: [String] = []) throws -> [WhatIf.Change] {
        var changes: [WhatIf.Change] = []
        var seen: [String: Int] = [:]
        for (name, value) in settings {
            let change: WhatIf.Change
            if name == "plan" {
                change = .plan(value)
            } else if name == "arr" {
                do { change = .arr(try Money.checked(value)) } catch let problem as FieldProblem { throw CommandError("arr: \(problem.message)") }
            } else if let field = SnapshotField(rawValue: name) {
                switch field.parse(value) {
                case .success(let v?): change = .metric(field, v)
                case .success(nil): throw CommandError("give a value for \(field.rawValue)")
                case .failure(let problem): throw CommandError("\(field.rawValue): \(problem.message)")
                }
            } else if let scored = custom.first(where: { CustomMetric.key($0) == CustomMetric.key(name) }) {
                guard let v = Double(value), v.isFinite else { throw CommandError("\(scored): '\(value)' is not a number") }
                change = .custom(scored, v)
            } else {
                throw CommandError("'\(name)' is not a metric to change — try nps, dau, features, hours, meetings attended, plan, arr …")
            }
            if let i = seen[name] { changes[i] = change } else { seen[name] = changes.count; changes.append(change) }
        }
        guard !changes.isEmpty else { throw CommandError("say what to change: what if ACCOUNT FIELD VALUE") }
        return changes
    }
}

struct WhatIfReport: Report {
    let account: Account
    let whatIf: WhatIf

    func describe(_ change: WhatIf.Change) -> (String, String) {
        switch change {
        case let .metric(field, value): return (field.rawValue, field.format(value))
        case let .custom(name, value): return (name, Format.number(value))
        case let .plan(plan): return ("plan", plan)
        case let .arr(arr): return ("arr", arr.description)
        }
    }

    var verdict: String {
        let before = whatIf.baseline.band, after = whatIf.result.band
        if before == after { return "stays \(after.label)" }
        return "becomes \(after.label) (\(after.level.priority))"
    }

    struct EffectJSON: Encodable { var field: String; var from: String; var to: String; var points: Double }
    enum Keys: String, CodingKey { case account, week, score, tier, newScore = "new_score", newTier = "new_tier", change, verdict, changes, saved }

    func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: Keys.self)
        try c.encode(account.name, forKey: .account)
        try c.encode(whatIf.baseline.week, forKey: .week)
        try c.encode(whatIf.baseline.shown, forKey: .score)
        try c.encode(whatIf.baseline.band.name, forKey: .tier)
        try c.encode(whatIf.result.shown, forKey: .newScore)
        try c.encode(whatIf.result.band.name, forKey: .newTier)
        try c.encode(((whatIf.result.shown - whatIf.baseline.shown) * 10).rounded() / 10, forKey: .change)
        try c.encode(verdict, forKey: .verdict)
        try c.encode(whatIf.effects.map { e in
            let (field, to) = describe(e.change)
            return EffectJSON(field: field, from: e.was, to: to, points: (e.points * 100).rounded() / 100)
        }, forKey: .changes)
        try c.encode(false, forKey: .saved)
    }

    func render(into doc: inout Document) {
        let b = whatIf.baseline, r = whatIf.result
        doc.line(Span(account.name, .bold), Span(" — what if, week ending \(b.week) (nothing is saved)", .dim))
        doc.line("  ", Span("\(Format.oneDecimal(b.shown)) \(b.band.emoji) \(b.band.label)", b.tier.style), " → ",
                 Span("\(Format.oneDecimal(r.shown)) \(r.band.emoji) \(r.band.label)", r.tier.style),
                 "  (\(signed(r.shown - b.shown))): ", Span(verdict, .bold))
        doc.blank()
        var table = TextTable([.init("Change", wraps: true), .init("Points alone", right: true)], indent: 2)
        for effect in whatIf.effects {
            let (field, to) = describe(effect.change)
            table.add(Span("\(field) \(effect.was) → \(to)"), Span(signed(effect.points), effect.points > 0.05 ? .green : effect.points < -0.05 ? .red : .dim))
        }
        if whatIf.effects.count > 1 {
            table.add(Span("together", .bold), Span(signed(r.shown - b.shown), .bold))
        }
        doc.table(table)
    }

    func signed(_ v: Double) -> String {
        let r = (v * 10).rounded() / 10
        return (r > 0 ? "+" : r < 0 ? "-" : "±") + Format.oneDecimal(abs(r))
    }
}
