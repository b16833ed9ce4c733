import Intents
import Playbooks
import Scoring
import Shell
import Workspace

/// `save plan ACCOUNT`: the intervention for an at-risk account.
struct SavePlanCommand: Command {
    let spec = CommandSpec(
        name: "save plan",
        phrases: ["save plan {account}", "save plan for {account}", "rescue plan {account}", "intervention plan {account}", "{account} save plan",
                  "{account}的挽救措施", "挽救措施 {account}", "{account}的挽回措施", "挽回措施 {account}"],
        usage: "save plan ACCOUNT [as of DATE]",
        summary: "for an at-risk account: 48-hour actions, root cause, 30-day recovery, owners, escalation",
        details: """
            Applies when the tier is high risk or critical (P1–P0) or churn risk is high or critical. The root cause \
            (product, people or process) is where the churn drivers weigh most, else the likely churn reason. The day-30 \
            target is the next tier's cut-off in the model in force.
            """,
        examples: ["save plan Soylent", "save plan Hooli", "rescue plan Wonka", "Soylent的挽救措施"],
        natural: Natural(.account, cues: ["save plan": 4, "save": 2, "rescue": 3, "rescue plan": 4, "keep": 1, "plan to keep": 3, "intervention": 3, "slipping": 1, "挽救": 3, "挽留": 3, "救": 2, "挽救计划": 4, "挽救方案": 4, "挽回措施": 4], questions: ["how do we save Soylent?", "Hooli挽救计划"]))

    func run(_ request: Request, in context: Context) throws -> Report {
        let account = try context.account(request.account()!)
        let input = try context.playbookInput(account)
        return SavePlan.make(input).report(account, plan: "save plan", in: context, actions: { plan in
            plan.within48Hours.map { .init(text: $0.action, due: $0.by, owner: $0.owner) }
                + plan.recovery.map { .init(text: "\($0.week): \($0.goal)", due: $0.date, owner: $0.owner) }
        }) {
            SavePlanReport(account: account, plan: $0, score: input.health.current!)
        }
    }
}

struct SavePlanReport: Report {
    let account: Account
    let plan: SavePlan
    let score: HealthScore

    enum Keys: String, CodingKey {
        case account, applies, score, tier, priority, churnRisk = "churn_risk", rootCause = "root_cause", evidence, within48Hours = "within_48_hours",
             recovery, target, escalation
    }

    func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: Keys.self)
        try c.encode(account.name, forKey: .account)
        try c.encode(true, forKey: .applies)
        try c.encode(score.shown, forKey: .score)
        try c.encode(score.band.name, forKey: .tier)
        try c.encode(plan.tier.priority, forKey: .priority)
        try c.encode(plan.level, forKey: .churnRisk)
        try c.encode(plan.rootCause, forKey: .rootCause)
        try c.encode(plan.evidence, forKey: .evidence)
        try c.encode(plan.within48Hours, forKey: .within48Hours)
        try c.encode(plan.recovery, forKey: .recovery)
        try c.encode(plan.target, forKey: .target)
        try c.encode(["who": plan.escalation.who, "frequency": plan.escalation.frequency, "plan_by": plan.escalation.planBy.description], forKey: .escalation)
    }

    func render(into doc: inout Document) {
        doc.wrapped(text: [Span(account.name, .bold), Span(" — save plan  "),
                           Span("health \(Format.oneDecimal(score.shown)) \(score.band.emoji) \(score.band.label) (\(plan.tier.priority)), churn risk \(plan.level.label)", plan.tier.style)])
        doc.blank()
        doc.wrapped(Span("Root cause ", .bold), text: [Span(plan.rootCause.rawValue, .bold), Span(" — \(plan.rootCause.meaning)")])
        for e in plan.evidence { doc.wrapped(Span("  · "), text: [Span(e, .dim)]) }
        doc.blank()
        doc.line(Span("Within 48 hours", .bold))
        for s in plan.within48Hours { doc.wrapped(Span("  \(s.by)  "), text: [Span(s.action), Span(" — \(s.owner)", .dim)]) }
        doc.blank()
        doc.line(Span("30-day recovery", .bold), Span(plan.target.map { " — target: health \(Format.number($0)) by day 30" } ?? "", .dim))
        for c in plan.recovery {
            doc.wrapped(Span("  \(DisplayWidth.pad(c.week, to: 7)) \(c.date)  "), text: [Span(c.goal), Span(" — \(c.owner)", .dim)])
        }
        doc.blank()
        doc.line(Span("Escalation (\(plan.tier.priority))", .bold))
        doc.wrapped(Span("  who        "), text: plan.escalation.who)
        doc.wrapped(Span("  how often  "), text: plan.escalation.frequency)
        doc.wrapped(Span("  plan by    "), text: plan.escalation.planBy.description)
    }
}
