import Intents
import Playbooks
import Scoring
import Shell
import Workspace

/// `success plan ACCOUNT`: seed 002's success plan from the workspace.
struct SuccessPlanCommand: Command {
    let spec = CommandSpec(
        name: "success plan",
        phrases: ["success plan {account}", "success plan for {account}", "{account} success plan", "plan {account}",
                  "{account}的成功计划", "成功计划 {account}"],
        usage: "success plan ACCOUNT [as of DATE]",
        summary: "stakeholders, objectives, use cases, milestones, risks, next review",
        details: """
            The success-plan template filled from the workspace. Objectives are edited with 'goal add|update|done|remove', \
            milestones with 'milestone', use cases with 'use case'. An open objective is due within 30 days of its date \
            and overdue after it. Risks come from stakeholder gaps, overdue objectives and milestones, and churn drivers.
            """,
        examples: ["success plan Acme", "Acme success plan", "Hooli的成功计划"],
        natural: Natural(.account, cues: ["success plan": 4, "成功计划": 4], questions: ["put together a success plan for Acme", "星辰科技的成功计划"]))

    func run(_ request: Request, in context: Context) throws -> Report {
        let account = try context.account(request.account()!)
        return SuccessPlan.make(try context.playbookInput(account)).report(account, plan: "success plan") {
            SuccessPlanReport(account: account, plan: $0, today: context.today)
        }
    }
}

struct SuccessPlanReport: Report {
    let account: Account
    let plan: SuccessPlan
    let today: Day

    struct StakeholderJSON: Encodable { var role: String; var name, title, email: String? }
    struct ObjectiveJSON: Encodable {
        var number: Int
        var objective: String
        var metric, baseline, target, result, owner: String?
        var due: Day?
        var status: String
    }
    struct UseCaseJSON: Encodable {
        var name, status: String
        var goLive: Day?
        enum CodingKeys: String, CodingKey { case name, status, goLive = "go_live" }
    }

    enum Keys: String, CodingKey {
        case account, applies, owner, stakeholders, objectives, useCases = "use_cases", milestones, risks, nextReview = "next_review", nextReviewBasis = "next_review_basis"
    }

    func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: Keys.self)
        try c.encode(account.name, forKey: .account)
        try c.encode(true, forKey: .applies)
        try c.encode(plan.owner, forKey: .owner)
        try c.encode(plan.stakeholders.map { StakeholderJSON(role: $0.role.rawValue, name: $0.contact?.name, title: $0.contact?.title, email: $0.contact?.email) },
                     forKey: .stakeholders)
        try c.encode(plan.objectives.map { o in
            ObjectiveJSON(number: o.number, objective: o.goal.objective, metric: o.goal.metric, baseline: o.goal.baseline, target: o.goal.target,
                          result: o.goal.result, owner: o.goal.owner, due: o.goal.due, status: o.status.rawValue)
        }, forKey: .objectives)
        try c.encode(plan.useCases.map { UseCaseJSON(name: $0.name, status: $0.status.rawValue, goLive: $0.goLive) }, forKey: .useCases)
        try c.encode(plan.milestones, forKey: .milestones)
        try c.encode(plan.risks, forKey: .risks)
        try c.encode(plan.nextReview, forKey: .nextReview)
        try c.encode(plan.nextReviewBasis, forKey: .nextReviewBasis)
    }

    func render(into doc: inout Document) {
        doc.line(Span(account.name, .bold), " — success plan", Span("  owner \(plan.owner) · as of \(today)", .dim))
        doc.blank()
        doc.line(Span("Stakeholders", .bold))
        for s in plan.stakeholders {
            let role = DisplayWidth.pad(s.role.label, to: 18)
            if let c = s.contact {
                doc.wrapped(Span("  \(role)"), text: [Span(c.name, .bold), Span((c.title.map { ", \($0)" } ?? "") + (c.email.map { " <\($0)>" } ?? ""), .dim)])
            } else {
                doc.line(Span("  \(role)"), Span("none on record", .red))
            }
        }
        doc.blank()
        doc.line(Span("Objectives", .bold))
        if plan.objectives.isEmpty {
            doc.wrapped(Span("  "), text: [Span("none recorded — add them: goal add \(account.name) OBJECTIVE metric … baseline … target … by DATE", .yellow)])
        } else {
            for o in plan.objectives {
                let g = o.goal
                let style: Style? = o.status == .achieved ? .green : o.status == .overdue ? .red : o.status == .due ? .yellow : nil
                var facts: [String] = []
                if g.metric != nil || g.baseline != nil || g.target != nil {
                    facts.append([g.metric, g.baseline == nil && g.target == nil ? nil : "\(g.baseline ?? "?") → \(g.target ?? "?")"].compactMap { $0 }.joined(separator: " "))
                }
                if let r = g.result { facts.append("now \(r)") }
                if let d = g.due { facts.append("by \(d)") }
                if let owner = g.owner { facts.append("owner \(owner)" + (o.ownerLeft.map { " (left \($0))" } ?? "")) }
                doc.wrapped(Span("  \(o.number). "), text: [Span("[\(o.status.rawValue)] ", style), Span(g.objective, .bold),
                                                         Span(facts.isEmpty ? "" : " — " + facts.joined(separator: ", "))])
            }
        }
        doc.blank()
        doc.line(Span("Use cases", .bold))
        if plan.useCases.isEmpty { doc.wrapped(Span("  "), text: [Span("none recorded — use case \(account.name) NAME [status]", .dim)]) }
        let width = plan.useCases.map { DisplayWidth.of($0.name) }.max() ?? 0
        for u in plan.useCases {
            doc.line(Span("  " + DisplayWidth.pad(u.name, to: width)), Span("  \(u.status.rawValue)" + (u.goLive.map { ", go-live \($0)" } ?? ""), u.status == .notStarted ? .dim : nil))
        }
        doc.blank()
        doc.line(Span("Milestones", .bold))
        if plan.milestones.isEmpty { doc.wrapped(Span("  "), text: [Span("none recorded — milestone add \(account.name) NAME by DATE", .dim)]) }
        doc.checklist(plan.milestones)
        doc.blank()
        doc.line(Span("Risks", .bold))
        if plan.risks.isEmpty { doc.line(Span("  none in the workspace", .dim)) }
        for (i, r) in plan.risks.enumerated() {
            doc.wrapped(Span("  \(i + 1). "), text: [Span(r.risk, .bold), Span(" → \(r.mitigation)"), Span(" (\(r.owner))", .dim)])
        }
        doc.blank()
        doc.wrapped(Span("Next review ", .bold), text: [Span(plan.nextReview.description, .bold), Span(" — \(plan.nextReviewBasis)", .dim)])
        doc.wrapped(Span("Cadence     ", .bold), text: Cadence(account).summary)
    }
}
