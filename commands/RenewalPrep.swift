import Intents
import Playbooks
import Scoring
import Shell
import Workspace

/// `renewal prep ACCOUNT`: the road to the renewal date.
struct RenewalPrepCommand: Command {
    let spec = CommandSpec(
        name: "renewal prep",
        phrases: ["renewal prep {account}", "renewal {account}", "renewal prep for {account}", "prepare renewal {account}", "{account} renewal",
                  "{account}的续订准备", "续订准备 {account}"],
        usage: "renewal prep ACCOUNT [as of DATE]",
        summary: "days to renewal, the 90/60/30-day timeline, renewal risk, stakeholder gaps, what to send when",
        details: "The timeline is dated back from the renewal date; a step whose date has passed and the one due now are marked. Risk is the churn risk level with its drivers.",
        examples: ["renewal prep Umbrella", "renewal Acme", "Umbrella的续订准备"],
        natural: Natural(.account, cues: ["renewal prep": 4, "renewal": 2, "renews": 1, "when does": 1.5, "renew": 0.5, "renewal date": 2, "renewal conversation": 3, "prep": 1, "prepare": 1, "get me ready": 1, "ready for": 1, "续约准备": 4, "续约": 2, "续订准备": 4, "准备": 1], after: ["renewals"], questions: ["what do I need for the Acme renewal conversation?", "Umbrella续约准备"]))

    func run(_ request: Request, in context: Context) throws -> Report {
        let account = try context.account(request.account()!)
        return RenewalPrep.make(try context.playbookInput(account)).report(account, plan: "renewal prep", in: context, actions: { prep in
            prep.timeline.filter { $0.status != .passed && $0.done == nil }.map { .init(text: "\($0.daysBefore) days before the renewal: \($0.task)", due: $0.date, owner: nil) }
        }) {
            RenewalReport(account: account, prep: $0)
        }
    }
}

struct RenewalReport: Report {
    let account: Account
    let prep: RenewalPrep

    enum Keys: String, CodingKey { case account, applies, renewalDate = "renewal_date", daysLeft = "days_left", arr, timeline, risk, riskReasons = "risk_reasons", stakeholders, gaps }

    func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: Keys.self)
        try c.encode(account.name, forKey: .account)
        try c.encode(true, forKey: .applies)
        try c.encode(prep.renewal, forKey: .renewalDate)
        try c.encode(prep.daysLeft, forKey: .daysLeft)
        try c.encode(account.arr?.dollars, forKey: .arr)
        try c.encode(prep.timeline, forKey: .timeline)
        try c.encode(prep.risk, forKey: .risk)
        try c.encode(prep.riskReasons, forKey: .riskReasons)
        try c.encode(prep.stakeholders, forKey: .stakeholders)
        try c.encode(prep.gaps, forKey: .gaps)
    }

    func render(into doc: inout Document) {
        let urgent = prep.daysLeft <= 30 ? Style.red : prep.daysLeft <= RenewalPrep.horizon ? .yellow : nil
        doc.line(Span(account.name, .bold), " — renewal on \(prep.renewal), ", Span("\(Format.count(Double(prep.daysLeft), "day")) left", urgent),
                 Span(account.arr.map { " · ARR \($0)" } ?? "", .dim))
        doc.blank()
        doc.line(Span("Timeline", .bold))
        for s in prep.timeline {
            let (mark, style): (String, Style?) = s.status == .now ? ("→", .bold) : s.status == .passed ? ("·", .dim) : (" ", nil)
            let when = (s.daysBefore == 0 ? "day 0" : "-\(s.daysBefore) d")
            let state = s.status == .passed ? (s.done.map { "done: \($0)" } ?? "passed") : s.status == .now ? "now" : nil
            doc.wrapped(Span("  \(mark) "), Span(DisplayWidth.pad(when, to: 6) + " \(s.date)  ", style),
                        text: [Span(state.map { "(\($0)) " } ?? "", .dim), Span(s.task, s.status == .passed ? .dim : nil)])
            doc.wrapped(Span(String(repeating: " ", count: 23)), text: [Span("send: \(s.send)", .dim)])
        }
        doc.blank()
        doc.line(Span("Renewal risk ", .bold), Span(prep.risk.label.uppercased(), prep.risk.style))
        for r in prep.riskReasons { doc.wrapped(Span("  · "), text: r) }
        doc.blank()
        doc.line(Span("Stakeholders", .bold))
        for s in prep.stakeholders {
            doc.line(Span("  \(DisplayWidth.pad(s.role, to: 18))"), s.name.map { Span($0, .bold) } ?? Span("none on record", .red))
        }
        for g in prep.gaps { doc.wrapped(Span("  gap: ", .red), text: g) }
    }
}
