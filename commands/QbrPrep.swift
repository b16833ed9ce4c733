import Intents
import Playbooks
import Scoring
import Shell
import Workspace

/// `QBR prep ACCOUNT`: the agenda, the checklist answered from the workspace, expansion
/// recommendations and who attends.
struct QBRPrepCommand: Command {
    let spec = CommandSpec(
        name: "qbr prep",
        phrases: ["qbr prep {account}", "qbr {account}", "qbr prep for {account}", "prepare qbr {account}", "prepare the qbr for {account}",
                  "business review {account}", "{account} qbr", "{account}的定期业务回顾准备", "定期业务回顾准备 {account}", "{account} QBR准备"],
        usage: "QBR prep ACCOUNT [as of DATE]",
        summary: "the 60-minute agenda, the prep checklist answered from the workspace, expansion ideas, attendees",
        details: """
            The QBR date is the next review of the success plan (the last 'qbr held' event plus the segment's cadence). \
            Items the workspace answers show the numbers; the rest say what to find. Not for churned accounts or \
            accounts in their first 90 days.
            """,
        examples: ["QBR prep Acme", "qbr Globex", "prepare qbr Stark", "Acme的定期业务回顾准备"],
        natural: Natural(.account, cues: ["qbr": 2, "qbr prep": 4, "prep": 1, "prepare": 1, "quarterly business review": 3, "business review": 2, "cover in": 1, "qbr perp": 3, "定期业务回顾": 3, "季度业务回顾": 3, "qbr准备": 4, "准备": 1], questions: ["prep me for the Stark QBR", "下周和星辰开QBR，帮我准备"]))

    func run(_ request: Request, in context: Context) throws -> Report {
        let account = try context.account(request.account()!)
        return QBRPrep.make(try context.playbookInput(account)).report(account, plan: "QBR prep", in: context, actions: { prep in
            prep.checklist.compactMap { item in item.open.map { .init(text: "QBR prep — \(item.item): \($0)", due: prep.preReadBy, owner: nil) } }
                + [.init(text: "Send the QBR pre-read", due: prep.preReadBy, owner: nil), .init(text: "Hold the QBR", due: prep.date, owner: nil)]
        }) {
            QBRReport(account: account, prep: $0)
        }
    }
}

struct QBRReport: Report {
    let account: Account
    let prep: QBRPrep

    enum Keys: String, CodingKey { case account, applies, date, dateBasis = "date_basis", preReadBy = "pre_read_by", agenda, checklist, recommendations, attendees }

    func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: Keys.self)
        try c.encode(account.name, forKey: .account)
        try c.encode(true, forKey: .applies)
        try c.encode(prep.date, forKey: .date)
        try c.encode(prep.dateBasis, forKey: .dateBasis)
        try c.encode(prep.preReadBy, forKey: .preReadBy)
        try c.encode(prep.agenda, forKey: .agenda)
        try c.encode(prep.checklist, forKey: .checklist)
        try c.encode(prep.recommendations, forKey: .recommendations)
        try c.encode(["theirs": prep.theirSide, "ours": prep.ourSide], forKey: .attendees)
    }

    func render(into doc: inout Document) {
        doc.wrapped(text: [Span(account.name, .bold), Span(" — QBR on "), Span(prep.date.description, .bold), Span("  (\(prep.dateBasis); pre-read by \(prep.preReadBy))", .dim)])
        doc.blank()
        doc.line(Span("Agenda (60 minutes)", .bold))
        for s in prep.agenda {
            doc.line(Span("  \(s.title)", .bold), Span(" — \(s.minutes) min", .dim))
            for p in s.points { doc.wrapped(Span("    · "), text: p) }
        }
        doc.blank()
        doc.line(Span("Prep checklist", .bold))
        for item in prep.checklist {
            if let answer = item.answer {
                doc.wrapped(Span("  ✓ ", .green), text: [Span(item.item, .bold), Span(" — \(answer)")])
                if let open = item.open { doc.wrapped(Span("      "), text: [Span("open: \(open)", .yellow)]) }
            } else {
                doc.wrapped(Span("  ☐ ", .yellow), text: [Span(item.item, .bold), Span(" — open: \(item.open ?? "not in the workspace")", .yellow)])
            }
        }
        doc.blank()
        doc.line(Span("Expansion recommendations", .bold))
        if prep.recommendations.isEmpty { doc.line(Span("  none from the workspace", .dim)) }
        for r in prep.recommendations { doc.wrapped(Span("  · "), text: [Span(r.play, .bold), Span(" — \(r.roi)")]) }
        doc.blank()
        doc.line(Span("Attendees", .bold))
        doc.wrapped(Span("  theirs  "), text: prep.theirSide.joined(separator: ", "))
        doc.wrapped(Span("  ours    "), text: prep.ourSide.joined(separator: ", "))
    }
}
