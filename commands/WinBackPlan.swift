import Intents
import Playbooks
import Scoring
import Shell
import Workspace

/// `win-back plan ACCOUNT`: for a churned account, the window it is in and the day-7 / 30 /
/// 90 sequence with dates, tailored to why it left.
struct WinBackPlanCommand: Command {
    let spec = CommandSpec(
        name: "win-back plan",
        phrases: ["win-back plan {account}", "win back plan {account}", "winback plan {account}", "win-back {account}", "win back {account}",
                  "winback {account}", "{account} win-back plan", "{account}的挽回计划", "挽回计划 {account}"],
        usage: "win-back plan ACCOUNT [as of DATE]",
        summary: "for a churned account: the window, its success rate, the day-7/30/90 sequence",
        details: """
            The windows since the churn date: 0–30 days 15–25%, 31–90 10–15%, 91–180 5–10%, 181–365 2–5%, \
            later under 2% (off the list). The e-mails are dated from the churn date; the reason category (product, \
            value, relationship, financial, competition, strategic) is read from the churn reason's words.
            """,
        examples: ["win-back plan Initech", "win back Initech as of 2026-10-20", "Initech的挽回计划"],
        natural: Natural(.account, cues: ["win-back": 3, "win back": 3, "winback": 3, "get back": 2, "back": 1, "win": 1, "赢回": 3, "挽回计划": 4, "挽回": 2, "赢回来": 3], questions: ["can we win Initech back?", "怎么把Initech赢回来"]))

    func run(_ request: Request, in context: Context) throws -> Report {
        let account = try context.account(request.account()!)
        return WinBackPlan.make(try context.playbookInput(account)).report(account, plan: "win-back plan", in: context, actions: { plan in
            plan.sequence.filter { $0.status != .past }.map { .init(text: "win-back e-mail, day \($0.day): \($0.subject)", due: $0.date, owner: nil) }
        }) {
            WinBackReport(account: account, plan: $0)
        }
    }
}

struct WinBackReport: Report {
    let account: Account
    let plan: WinBackPlan

    enum Keys: String, CodingKey {
        case account, applies, churnDate = "churn_date", daysSince = "days_since", churnReason = "churn_reason", reason, window, sequence,
             nextWindowStarts = "next_window_starts", savePlays = "save_plays"
    }

    func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: Keys.self)
        try c.encode(account.name, forKey: .account)
        try c.encode(true, forKey: .applies)
        try c.encode(plan.churnDate, forKey: .churnDate)
        try c.encode(plan.daysSince, forKey: .daysSince)
        try c.encode(plan.reasonText, forKey: .churnReason)
        try c.encode(plan.reason, forKey: .reason)
        try c.encode(plan.window, forKey: .window)
        try c.encode(plan.sequence, forKey: .sequence)
        try c.encode(plan.nextWindow?.starts, forKey: .nextWindowStarts)
        try c.encode(plan.reason?.savePlays ?? [], forKey: .savePlays)
    }

    func render(into doc: inout Document) {
        doc.line(Span(account.name, .bold), " — win-back plan", Span([account.segment?.label, account.arr.map { "ARR was \($0)" }].compactMap { $0 }.map { " · " + $0 }.joined(), .dim))
        let label = { (s: String) in Span(DisplayWidth.pad(s, to: 10), .bold) }
        doc.wrapped(label("Churned"), text: "\(plan.churnDate), \(Format.count(Double(plan.daysSince), "day")) ago")
        doc.wrapped(label("Reason"), text: [Span(plan.reasonText ?? "not recorded", plan.reasonText == nil ? .yellow : nil),
                                            Span(plan.reason.map { " — \($0.label) (\($0.preventable))" } ?? " — no category in these words; name one (\(ChurnReason.accepted)) with 'set \(account.name) churn reason …'", .dim)])
        let w = plan.window
        doc.wrapped(label("Window"), text: [Span("\(w.from)–\(w.to.map(String.init) ?? "") days: ", .bold), Span(w.outreach), Span(" — expected success \(w.successRate)", .bold)])
        if let next = plan.nextWindow {
            doc.wrapped(label(""), text: [Span("from \(next.starts): \(next.window.outreach) (\(next.window.successRate))", .dim)])
        }
        doc.blank()
        doc.line(Span("Sequence", .bold))
        for step in plan.sequence {
            let (mark, style): (String, Style?) = step.status == .next ? ("→", .bold) : step.status == .past ? ("·", .dim) : (" ", nil)
            doc.wrapped(Span("  \(mark) "), text: [Span("day \(step.day)", style), Span("  \(step.date)", style),
                                                   Span(step.status == .past ? " (passed)" : step.status == .next ? " (next)" : "", .dim),
                                                   Span("  “\(step.subject)”", .bold)])
            doc.wrapped(Span("      "), text: [Span(step.angle, step.status == .past ? .dim : nil)])
        }
        if let reason = plan.reason {
            doc.blank()
            doc.line(Span("What to offer (\(reason.label))", .bold))
            for (i, play) in reason.savePlays.enumerated() { doc.wrapped(Span("  \(i + 1). "), text: play) }
        }
    }
}
