import Intents
import Playbooks
import Scoring
import Shell
import Workspace

/// `renewals [in N days] [for CSM]`: the renewal pipeline — every renewal coming up, where
/// its 90/60/30-day steps stand, and a forecast with its reason; totals per month.
struct RenewalsCommand: Command {
    let spec = CommandSpec(
        name: "renewals",
        phrases: ["renewals", "upcoming renewals", "renewal pipeline", "{options} renewals", "{options} renewal pipeline", "续约", "续约计划",
                  "续约情况", "续约管道", "{options}续约", "{options}的续约", "{options}的续约pipeline"],
        options: [OptionSpec("in", type: .days, "in {value}", "within {value}", "next {value}", "in the next {value}", "within the next {value}",
                             "the next {value}", "coming up in {value}", "over the next {value}", "{value}内", "{value}内的", "接下来{value}", "接下来{value}的",
                             "未来{value}", "未来{value}的"),
                  OptionSpec("in", type: .until, "before {value}", "by {value}", "until {value}", "{value}前", "{value}之前", "{value}前的", "{value}"),
                  Words.csmOption, Words.mineOption],
        usage: "renewals [in N days] [for CSM]",
        summary: "the renewal pipeline: date, days left, ARR, health, churn risk, the 90/60/30 steps, a forecast; totals per month",
        details: """
            Renewals from today to N days ahead (default 90). Forecast: likely lost at churn risk critical; at risk at \
            churn risk high, or with 30 days or fewer left and no QBR logged in the 120 days before the renewal; otherwise \
            safe. The step is the one of the renewal timeline (90: value review, 60: proposal, 30: contract, 0: renewal) \
            the renewal is at now, or the next. 'renewal prep ACCOUNT' has the full timeline.
            """,
        examples: ["renewals", "renewals in 30 days", "upcoming renewals", "renewals in 180 days for Dana", "续约", "renewals before March"],
        natural: Natural(.book, cues: ["renewals": 3, "renew soon": 5, "renewing soon": 5, "renews soon": 5, "renews next": 3, "who renews": 3, "renewal": 2, "renew": 2.5, "renews": 2, "renewing": 2, "up for renewal": 3, "renewal pipeline": 4,
                                      "contracts": 2, "pipeline": 2, "续约": 3, "续约情况": 4, "续约管道": 4, "续约计划": 4, "续约pipeline": 4, "renwals": 2],
                         questions: ["who renews before March?", "what's renewing in the next 30 days?", "哪些客户要续约了"]))

    func run(_ request: Request, in context: Context) throws -> Report {
        let days = request.count("in") ?? RenewalPrep.horizon
        guard (1...1095).contains(days) else { throw CommandError("renewals looks 1 to 1095 days ahead, not \(days)") }
        let csm = try context.csm(of: request, usage: "renewals for NAME")
        let forecasts = try context.renewalForecasts(days: days, csm: csm)
        return RenewalsReport(days: days, csm: csm, today: context.today, rows: forecasts)
    }
}

struct RenewalsReport: Report {
    let days: Int
    let csm: String?
    let today: Day
    let rows: [RenewalForecast]

    var months: [RenewalForecast.Month] { RenewalForecast.months(rows) }

    enum Keys: String, CodingKey { case from, to, csm, renewals, months, arr }
    struct RowJSON: Encodable {
        var account: String; var renewal: Day; var daysLeft: Int; var arr: Double?; var score: Double?; var tier: String?
        var churnRisk: String; var step: String?; var stepDate: Day?; var stepStatus: String?; var forecast: String; var reason: String
        enum CodingKeys: String, CodingKey { case account, renewal, daysLeft = "days_left", arr, score, tier, churnRisk = "churn_risk", step, stepDate = "step_date",
                                             stepStatus = "step_status", forecast, reason }
    }
    struct MonthJSON: Encodable { var month: String; var renewals: Int; var arr: Double; var safe, atRisk, likelyLost: Double
        enum CodingKeys: String, CodingKey { case month, renewals, arr, safe, atRisk = "at_risk", likelyLost = "likely_lost" } }

    func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: Keys.self)
        try c.encode(today, forKey: .from)
        try c.encode(today.adding(days: days), forKey: .to)
        try c.encode(csm, forKey: .csm)
        try c.encode(rows.map { r in
            RowJSON(account: r.input.account.name, renewal: r.prep.renewal, daysLeft: r.prep.daysLeft, arr: r.input.account.arr?.dollars,
                    score: r.input.health.current?.shown, tier: r.input.health.current?.band.name, churnRisk: r.input.risk.level.label,
                    step: r.step.map { "\($0.daysBefore)" }, stepDate: r.step?.date, stepStatus: r.step?.status.rawValue, forecast: r.outlook.rawValue, reason: r.reason)
        }, forKey: .renewals)
        try c.encode(months.map { m in
            MonthJSON(month: m.label, renewals: m.count, arr: m.arr.dollars, safe: m.arr(.safe).dollars,
                      atRisk: m.arr(.atRisk).dollars, likelyLost: m.arr(.likelyLost).dollars)
        }, forKey: .months)
        try c.encode(rows.reduce(Money.zero) { $0 + ($1.input.account.arr ?? .zero) }.dollars, forKey: .arr)
    }

    func style(_ o: RenewalForecast.Outlook) -> Style { o == .safe ? .green : o == .atRisk ? .orange : .red }

    func render(into doc: inout Document) {
        let scope = "Renewals in the next \(days) days (to \(today.adding(days: days)))" + (csm.map { " for \($0)" } ?? "")
        guard !rows.isEmpty else {
            doc.line(Span(scope, .bold))
            doc.line(Span("  none — 'renewals in 180 days' looks further", .dim))
            return
        }
        doc.line(Span(scope, .bold))
        doc.blank()
        var table = TextTable([.init("Renewal"), .init("Days", right: true), .init("Account", shrinkable: true), .init("ARR", right: true),
                               .init("Health", right: true), .init("Churn risk", optional: true), .init("Step", optional: true), .init("Forecast")])
        for r in rows {
            let h = r.input.health
            let step = r.step.map { s -> String in
                let name = ["90": "value review", "60": "proposal", "30": "contract", "0": "renewal"]["\(s.daysBefore)"] ?? ""
                return "\(s.daysBefore) \(name)" + (s.status == .now ? " now" : " \(s.date)") + (s.done == nil ? "" : " ✓")
            } ?? ""
            table.add(Span(r.prep.renewal.description), Span("\(r.prep.daysLeft)"), Span(r.input.account.name), Span(r.input.account.arr?.description ?? "—"),
                      Span(h.current.map { "\(Format.oneDecimal($0.shown)) \($0.band.emoji)" } ?? "—"),
                      Span(r.input.risk.level.label, r.input.risk.level.style), Span(step), Span(r.outlook.label, style(r.outlook)))
        }
        doc.table(table)
        doc.blank()
        doc.line(Span("Why", .bold))
        for r in rows {
            doc.wrapped(Span("  \(r.input.account.name): "), text: [Span(r.outlook.label, style(r.outlook)), Span(" — \(r.reason)")])
        }
        doc.blank()
        doc.line(Span("By month", .bold))
        var totals = TextTable([.init("Month"), .init("Renewals", right: true), .init("ARR", right: true), .init("Safe", right: true),
                                .init("At risk", right: true), .init("Likely lost", right: true)], indent: 2)
        for m in months {
            totals.add(Span(m.label), Span("\(m.count)"), Span(m.arr.description), Span(m.arr(.safe).description),
                       Span(m.arr(.atRisk).description), Span(m.arr(.likelyLost).description))
        }
        doc.table(totals)
    }
}

extension Context {
    /// The renewals from today to `days` ahead of live accounts (of one CSM's when named), each
    /// with its forecast, by date.
    func renewalForecasts(days: Int, csm: String?) throws -> [RenewalForecast] {
        let end = today.adding(days: days)
        return try portfolio(withRecords: true).compactMap { health in
            guard let renewal = health.account.renewalDate, renewal >= today, renewal <= end, !health.isChurned,
                  csm == nil || health.account.csm == csm else { return nil }
            let input = PlaybookInput(health: health)
            guard case .success(let prep) = RenewalPrep.make(input) else { return nil }
            return RenewalForecast(prep, input: input)
        }.sorted { ($0.prep.renewal, $0.prep.daysLeft) < ($1.prep.renewal, $1.prep.daysLeft) }
    }
}
