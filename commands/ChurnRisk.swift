import Foundation
import Intents
import Playbooks
import Scoring
import Shell
import Workspace

/// `churn risk [ACCOUNT]`: level, drivers with evidence and lead time, likely reason, save plays, intervention.
struct ChurnRiskCommand: Command {
    let spec = CommandSpec(
        name: "churn risk",
        phrases: ["churn risk", "churn risks", "churn risk {account}", "churn risk of {account}", "churn risk for {account}",
                  "{account} churn risk", "{account}'s churn risk", "will {account} churn", "流失风险", "{account}的流失风险", "流失风险 {account}"],
        usage: "churn risk [ACCOUNT] [as of DATE]",
        summary: "churn risk level, drivers, likely reason, save plays; or the book ranked",
        details: """
            The tier is the floor (healthy → low, warning → medium, high risk → high, critical → critical); leading \
            indicators raise it: medium 1, high 2, very high 3 points; 2+ points raise the level one step, 5+ (or a \
            very-high one) two. Indicators: usage down > 30 % in a month, champion left, tickets spiked then quiet, \
            billing page visited, competitor mentioned, data export requested, renewal signals missing, seats removed, \
            negative NPS, support escalation, missed renewal meeting, contract downgrade, budget review, payment \
            trouble, a declining trend, and in the first 90 days: no login after day 3, integration failed, kickoff \
            late, under 50 % active by day 30, no executive sponsor. The likely reason is the category the drivers \
            weigh most; with no driver it is unknown. What the workspace does not record (contacts, a kickoff) is a \
            data gap, never a driver.
            """,
        examples: ["churn risk Hooli", "churn risk of Soylent", "will Umbrella churn", "churn risk", "Hooli的流失风险", "流失风险"],
        natural: Natural(.bookOrAccount, cues: ["churn": 2, "churn risk": 3, "churning": 2, "at risk": 2, "risk": 1, "leave": 2, "leave us": 3, "leaving": 2, "lose": 2, "losing": 2, "renew": 1, "likely to churn": 3, "flight risk": 3, "worried": 2, "churn drivers": 3, "save plays": 3, "going to leave": 3, "likely reason": 2, "why might": 3, "competitor": 1, "流失": 3, "流失风险": 4, "风险": 1, "会不会": 1, "跑": 1, "续约吗": 2, "会续约吗": 4, "可能性": 1, "流失风现": 2], questions: ["is Hooli at risk?", "is Tyrell going to leave us?", "who's most likely to churn?", "Hooli会流失吗"]))

    func run(_ request: Request, in context: Context) throws -> Report {
        if let ref = request.account() {
            let account = try context.account(ref)
            if let churn = account.churnDate, churn <= context.today {
                throw CommandError("\(account.name) already churned on \(churn)" + (account.churnReason.map { ": \($0)" } ?? ""))
            }
            let risk = ChurnRisk(health: try context.health(of: account))
            return ChurnRiskCard(risk: risk, today: context.today)
        }
        let book = try context.book(details: context.wantsJSON, reads: context.showsEveryRow ? .tails : .rows)
        let ranked = book.summaries.filter { !$0.isChurned && $0.current != nil }.sorted { a, b in
            (a.level.rawValue, a.points, a.account.arr?.cents ?? 0) > (b.level.rawValue, b.points, b.account.arr?.cents ?? 0)
        }
        return ChurnRiskBook(risks: ranked, details: book.details)
    }
}

extension ChurnRisk.Level {
    var style: Style {
        switch self {
        case .low: return .green
        case .medium: return .yellow
        case .high: return .orange
        case .critical: return .red
        }
    }
}

struct ChurnRiskCard: Report {
    let risk: ChurnRisk
    let today: Day

    var tier: Tier? { risk.health.tier }
    /// The intervention's date: the playbook's plan or next contact, never after the renewal.
    var planBy: Day? { tier.map { _ in Intervention.due(tier: risk.playbook, today: today, renewal: risk.health.account.renewalDate) } }

    enum Keys: String, CodingKey {
        case account, level, floor, points, score, tier, drivers, reason, reasonLabel = "reason_label", reasonDrivers = "reason_drivers"
        case reasonQuestion = "reason_question", preventable, savePlays = "save_plays", dataGaps = "data_gaps", intervention
    }

    func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: Keys.self)
        try c.encode(risk.health.account.name, forKey: .account)
        try c.encode(risk.level, forKey: .level)
        try c.encode(ChurnRisk.floor(tier), forKey: .floor)
        try c.encode(risk.points, forKey: .points)
        try c.encode(risk.health.current?.shown, forKey: .score)
        try c.encode(risk.health.current?.band.name, forKey: .tier)
        try c.encode(risk.drivers, forKey: .drivers)
        try c.encode(risk.reason, forKey: .reason)
        try c.encode(risk.reason?.label, forKey: .reasonLabel)
        try c.encode(risk.reasonDrivers.map(\.signal.rawValue), forKey: .reasonDrivers)
        if risk.reason == nil { try c.encode(risk.reasonQuestion, forKey: .reasonQuestion) }
        try c.encode(risk.reason?.preventable, forKey: .preventable)
        try c.encode(risk.savePlays, forKey: .savePlays)
        try c.encode(risk.gaps.map { ["gap": $0.rawValue, "shown": $0.shown, "fill": $0.fill(risk.health.account.name)] }, forKey: .dataGaps)
        if let planBy {
            let i = risk.playbook.intervention
            try c.encode(["who": i.who, "frequency": i.frequency, "plan_by": planBy.description, "playbook": risk.playbook.priority], forKey: .intervention)
        }
    }

    /// The probability a level starts at.
    func cut(_ fitted: FittedChurnModel, _ level: ChurnRisk.Level) -> Double {
        switch level {
        case .critical: return fitted.critical
        case .high: return fitted.high
        case .medium: return fitted.medium
        case .low: return 0
        }
    }

    func render(into doc: inout Document) {
        let name = risk.health.account.name
        var head: [Span] = [Span(name, .bold), " — churn risk ", Span(risk.level.label.uppercased(), risk.level.style)]
        if let s = risk.health.current {
            head.append(Span("  (health \(Format.oneDecimal(s.shown)) \(s.band.emoji) \(s.band.label), \(s.tier.priority)\(risk.health.account.arr.map { ", ARR \($0)" } ?? ""))", .dim))
        }
        doc.line(head)
        if let summary = risk.fittedSummary, let fitted = risk.health.model.fitted {
            let level = risk.level == .low ? "low: under the medium cut-off, \(Format.percent(fitted.medium * 100))"
                : "\(risk.level.label): \(Format.percent(cut(fitted, risk.level) * 100)) or more"
            doc.wrapped(text: [Span("\(summary); \(level)", .dim)])
        } else if let tier {
            let floor = ChurnRisk.floor(tier)
            let raised = risk.level > floor ? "; the drivers raise it to \(risk.level.label) (\(Format.count(Double(risk.points), "point")))" : ""
            doc.wrapped(text: [Span("\(tier.label) (\(tier.priority)) sets the floor at \(floor.label)\(raised)", .dim)])
        }
        doc.blank()
        doc.line(Span("Drivers", .bold))
        if risk.drivers.isEmpty { doc.line(Span("  no leading indicator is firing", .dim)) }
        for (i, d) in risk.drivers.enumerated() {
            doc.wrapped(Span("  \(i + 1). "), text: [Span(d.label, .bold), Span(" [\(d.weight.label)" + (d.leadTime.map { " · churn typically \($0) later" } ?? "") + " · \(d.reason.label)]", .dim)])
            doc.wrapped(Span("     "), text: d.evidence.shown)
        }
        if !risk.gaps.isEmpty {
            doc.blank()
            doc.line(Span("Not recorded", .bold))
            for gap in risk.gaps {
                doc.wrapped(Span("  "), text: [Span(gap.shown), Span(" — \(gap.fill(risk.health.account.name))", .dim)])
            }
        }
        doc.blank()
        if let reason = risk.reason {
            let behind = risk.reasonDrivers.map(\.label).joined(separator: ", ")
            doc.wrapped(Span("Likely reason  ", .bold), text: [Span(reason.label, .bold), Span(" — from \(behind) (\(reason.preventable))")])
        } else {
            doc.wrapped(Span("Likely reason  ", .bold), text: [Span("unknown", .bold), Span(" — no driver points to one; \(risk.reasonQuestion)", .dim)])
        }
        if !risk.savePlays.isEmpty {
            doc.blank()
            doc.line(Span("Save plays", .bold))
            for (i, play) in risk.savePlays.enumerated() { doc.wrapped(Span("  \(i + 1). "), text: play) }
        }
        if let tier, let planBy {
            let playbook = risk.playbook
            let i = playbook.intervention
            doc.blank()
            doc.line(Span(playbook == tier ? "Intervention for \(risk.health.current.map { "\($0.band.emoji) \($0.band.label)" } ?? tier.label) (\(tier.priority))"
                          : "Intervention for churn risk \(risk.level.label) (the \(playbook.priority) playbook)", .bold))
            doc.wrapped(Span("  who        "), text: i.who)
            doc.wrapped(Span("  how often  "), text: i.frequency)
            let capped = risk.health.account.renewalDate == planBy ? " (the renewal date)" : ""
            doc.wrapped(Span("  by         "), text: "\(planBy): " + (playbook.isAtRisk ? "intervention plan agreed (within \(i.planWithinDays == 1 ? "24 h" : "48 h"))" : "next contact") + capped)
        }
    }
}

struct ChurnRiskBook: Report {
    let risks: [AccountSummary]
    /// What only JSON shows of each account (`AccountSummary.details`), for `--json`.
    let details: [Int64: String]

    func arr(_ level: ChurnRisk.Level?) -> Money {
        guard let level else { return BookFigures.arrAtRisk(risks) }
        return risks.filter { $0.level == level }.reduce(.zero) { $0 + ($1.account.arr ?? .zero) }
    }

    struct Row: Encodable {
        var account: String
        var level: ChurnRisk.Level
        var points: Int
        var score: Double?
        var arr: Double?
        var reason: String?
        var drivers: JSONValue
    }

    enum Keys: String, CodingKey { case accounts, arrAtRisk = "arr_at_risk", byLevel = "by_level" }

    func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: Keys.self)
        try c.encode(try risks.map { r in
            Row(account: r.account.name, level: r.level, points: r.points, score: r.current?.shown, arr: r.account.arr?.dollars, reason: r.reason?.rawValue,
                drivers: try AccountSummary.details(details[r.account.id!] ?? "").drivers)
        }, forKey: .accounts)
        try c.encode(arr(nil).dollars, forKey: .arrAtRisk)
        var levels: [String: [String: Double]] = [:]
        for level in ChurnRisk.Level.allCases {
            levels[level.label] = ["accounts": Double(risks.filter { $0.level == level }.count), "arr": arr(level).dollars]
        }
        try c.encode(levels, forKey: .byLevel)
    }

    func render(into doc: inout Document) {
        var table = TextTable([.init("Risk"), .init("Account", shrinkable: true), .init("Health", right: true), .init("ARR", right: true),
                               .init("Main driver", optional: true, wraps: true)])
        for r in doc.fitting(risks) {
            table.add(Span(r.level.label, r.level.style), Span(r.account.name),
                      Span(r.current.map { "\(Format.oneDecimal($0.shown)) \($0.band.emoji)" } ?? "—"),
                      Span(r.account.arr?.description ?? "—"),
                      Span(r.drivers.first.map { $0 + (r.drivers.count > 1 ? " (+\(r.drivers.count - 1))" : "") } ?? "—", r.drivers.isEmpty ? .dim : nil))
        }
        doc.table(table)
        doc.more(risks.count - table.rows.count, "accounts")
        doc.blank()
        let parts = ChurnRisk.Level.allCases.reversed().map { level in
            "\(level.label) \(risks.filter { $0.level == level }.count) (\(arr(level)))"
        }
        doc.wrapped(text: [Span("ARR at risk (high and critical): ", .bold), Span(arr(nil).description, .bold), Span(" · " + parts.joined(separator: " · "))])
    }
}
