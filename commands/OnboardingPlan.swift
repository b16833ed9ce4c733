import Intents
import Playbooks
import Scoring
import Shell
import Workspace

/// `onboarding plan ACCOUNT`: the first 90 days, dated from the start date, with what the
/// workspace shows done, what is due or overdue, and the onboarding risk signals.
struct OnboardingPlanCommand: Command {
    let spec = CommandSpec(
        name: "onboarding plan",
        phrases: ["onboarding plan {account}", "onboarding {account}", "onboarding plan for {account}", "onboard {account}",
                  "{account} onboarding", "{account} onboarding plan", "{account}的入职引导计划", "入职引导计划 {account}", "{account}入职引导"],
        usage: "onboarding plan ACCOUNT [as of DATE]",
        summary: "the first 90 days: aha moment, TTFV, dated milestones, day-1…7 checklist, risk signals",
        details: """
            The milestones (weeks 1, 2–3, 4–6, 7–12) and the day-1…day-7 checklist, dated from the start \
            date. An item is done when the workspace shows it (a kickoff logged, goals recorded, 5 daily users, 80% of \
            licensed users active, a use case live …) or when marked with 'milestone done ACCOUNT TEXT'; otherwise due \
            or overdue by its date. Applies in the first 90 days.
            """,
        examples: ["onboarding plan Nimbus", "onboarding Acme", "Nimbus的入职引导计划"],
        natural: Natural(.account, cues: ["onboarding": 3, "onboard": 3, "onboarding plan": 4, "ramp": 1, "入职引导": 3, "上线计划": 3, "onboarding计划": 4], questions: ["how should I onboard Nimbus?", "Nimbus的onboarding计划"]))

    func run(_ request: Request, in context: Context) throws -> Report {
        let account = try context.account(request.account()!)
        let input = try context.playbookInput(account)
        return OnboardingPlan.make(input).report(account, plan: "onboarding plan", in: context, actions: { plan in
            (plan.firstWeek + plan.phases).flatMap(\.items).filter { $0.status != .done && $0.due != nil }.map { .init(text: $0.text, due: $0.due, owner: nil) }
        }) {
            OnboardingReport(account: account, plan: $0, cadence: input.cadence, today: context.today)
        }
    }
}

struct OnboardingReport: Report {
    let account: Account
    let plan: OnboardingPlan
    let cadence: Cadence
    let today: Day

    struct PhaseJSON: Encodable { var name: String; var from: Day; var to: Day; var items: [ChecklistItem] }
    struct SignalJSON: Encodable { var signal, severity, response: String; var firing: Bool; var evidence: String }
    struct AhaJSON: Encodable { var date: Day; var evidence: String }

    enum Keys: String, CodingKey {
        case account, applies, start, day, stage, aha, ttfv, ttfvDue = "ttfv_due", ahaReached = "aha_reached", phases,
             firstWeek = "first_week", signals, cadence
    }

    func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: Keys.self)
        try c.encode(account.name, forKey: .account)
        try c.encode(true, forKey: .applies)
        try c.encode(plan.start, forKey: .start)
        try c.encode(plan.day, forKey: .day)
        try c.encode(plan.stage, forKey: .stage)
        try c.encode(plan.aha, forKey: .aha)
        try c.encode(plan.ttfv, forKey: .ttfv)
        try c.encode(plan.ttfvDue, forKey: .ttfvDue)
        try c.encode(plan.ahaReached.map { AhaJSON(date: $0.day, evidence: $0.evidence) }, forKey: .ahaReached)
        let phases = { (p: [OnboardingPlan.Phase]) in p.map { PhaseJSON(name: $0.name, from: $0.from, to: $0.to, items: $0.items) } }
        try c.encode(phases(plan.phases), forKey: .phases)
        try c.encode(phases(plan.firstWeek), forKey: .firstWeek)
        try c.encode(plan.signals.map { SignalJSON(signal: $0.signal, severity: $0.severity, response: $0.response, firing: $0.firing, evidence: $0.evidence) },
                     forKey: .signals)
        try c.encode(cadence.summary, forKey: .cadence)
    }

    func render(into doc: inout Document) {
        doc.line(Span(account.name, .bold), " — onboarding, ", Span("day \(plan.day) of \(OnboardingPlan.days)", .bold),
                 Span(" (started \(plan.start); next checkpoint: \(plan.stage.goal(day: plan.day)))", .dim))
        let label = { (s: String) in Span(DisplayWidth.pad(s, to: 12), .bold) }
        var aha: [Span] = [Span("\(plan.aha) — target \(plan.ttfv), by \(plan.ttfvDue): ")]
        if let reached = plan.ahaReached {
            let late = plan.ttfvDue.days(until: reached.day)
            aha.append(Span("reached \(reached.day)" + (late > 0 ? ", \(Format.count(Double(late), "day")) late" : ", on time"), late > 0 ? .yellow : .green))
            aha.append(Span(" (\(reached.evidence))", .dim))
        } else if plan.ttfvDue < today {
            aha.append(Span("not reached, \(Format.count(Double(plan.ttfvDue.days(until: today)), "day")) past the target", .red))
        } else {
            aha.append(Span("not reached yet, \(Format.count(Double(today.days(until: plan.ttfvDue)), "day")) left", .yellow))
        }
        doc.wrapped(label("Aha moment"), text: aha)
        doc.wrapped(label("Cadence"), text: cadence.summary)
        for phase in plan.phases {
            doc.blank()
            doc.line(Span(phase.name, .bold), Span("  \(phase.from) – \(phase.to)", .dim))
            doc.checklist(phase.items)
        }
        doc.blank()
        doc.line(Span("First week", .bold))
        for phase in plan.firstWeek {
            doc.line(Span("  \(phase.name)", .bold), Span("  \(phase.from == phase.to ? phase.from.description : "\(phase.from) – \(phase.to)")", .dim))
            doc.checklist(phase.items, indent: "    ")
        }
        doc.blank()
        doc.line(Span("Risk signals", .bold))
        for s in plan.signals {
            doc.wrapped(Span(s.firing ? "  ● " : "  ○ ", s.firing ? .red : .dim),
                        text: [Span(s.signal, s.firing ? .bold : nil), Span(" \(s.severity)", .dim), Span(" — \(s.evidence)", s.firing ? nil : .dim),
                               Span(s.firing ? " → \(s.response)" : "", s.firing ? .red : nil)])
        }
        let firing = plan.signals.filter(\.firing).count
        doc.line(Span(firing == 0 ? "no onboarding risk signal firing" : "\(firing) of \(plan.signals.count) firing", .dim))
    }
}
