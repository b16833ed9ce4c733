import Intents
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
            The tier sets a floor (critical → high, high risk → medium, else low); leading indicators raise it: \
            medium 1, high 2, very high 3 points; 2+ points raise the level one step, 5+ (or a very-high one) two. \
            Indicators: usage down \
            > 30 % in a month, champion left, tickets spiked then quiet, billing page visited, competitor mentioned, \
            data export requested, renewal signals missing, seats removed, negative NPS, support escalation, missed \
            renewal meeting, contract downgrade, budget review, payment trouble, a declining trend, and in the first \
            90 days the onboarding signals of seed 002.
            """,
        examples: ["churn risk Hooli", "churn risk of Soylent", "will Umbrella churn", "churn risk", "Hooli的流失风险", "流失风险"])

    func run(_ request: Request, in context: Context) throws -> Report {
        if let name = request["account"] {
            let account = try context.account(name)
            if let churn = account.churnDate, churn <= context.today {
                throw CommandError("\(account.name) already churned on \(churn)" + (account.churnReason.map { ": \($0)" } ?? ""))
            }
            let risk = ChurnRisk(health: try context.health(of: account))
            return ChurnRiskCard(risk: risk, today: context.today)
        }
        let risks = try context.portfolio(withRecords: true).filter { !$0.isChurned && $0.current != nil }.map(ChurnRisk.init(health:))
        let ranked = risks.sorted { a, b in
            (a.level.rawValue, a.points, a.health.account.arr?.cents ?? 0) > (b.level.rawValue, b.points, b.health.account.arr?.cents ?? 0)
        }
        return ChurnRiskBook(risks: ranked)
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

struct DriverJSON: Encodable {
    var signal: String
    var evidence: String
    var leadTime: String?
    var weight: String
    var reason: String
    enum CodingKeys: String, CodingKey { case signal, evidence, leadTime = "lead_time", weight, reason }

    init(_ d: ChurnRisk.Driver) {
        signal = d.signal; evidence = d.evidence; leadTime = d.leadTime; weight = d.weight.label; reason = d.reason.rawValue
    }
}

struct ChurnRiskCard: Report {
    let risk: ChurnRisk
    let today: Day

    var tier: Tier? { risk.health.tier }
    /// Low risk with no signal: no reason to name and nothing to save.
    var quiet: Bool { risk.drivers.isEmpty && risk.level == .low }
    var planBy: Day? { tier.map { today.adding(days: $0.intervention.planWithinDays) } }

    enum Keys: String, CodingKey {
        case account, level, points, score, tier, drivers, reason, reasonLabel = "reason_label", preventable, savePlays = "save_plays", intervention
    }

    func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: Keys.self)
        try c.encode(risk.health.account.name, forKey: .account)
        try c.encode(risk.level, forKey: .level)
        try c.encode(risk.points, forKey: .points)
        try c.encode(risk.health.current?.shown, forKey: .score)
        try c.encode(risk.health.current?.band.name, forKey: .tier)
        try c.encode(risk.drivers.map(DriverJSON.init), forKey: .drivers)
        try c.encode(risk.reason, forKey: .reason)
        try c.encode(risk.reason.label, forKey: .reasonLabel)
        try c.encode(risk.reason.preventable, forKey: .preventable)
        try c.encode(quiet ? [] : risk.reason.savePlays, forKey: .savePlays)
        if let tier, let planBy {
            let i = tier.intervention
            try c.encode(["who": i.who, "frequency": i.frequency, "plan_by": planBy.description], forKey: .intervention)
        }
    }

    func render(into doc: inout Document) {
        let name = risk.health.account.name
        var head: [Span] = [Span(name, .bold), " — churn risk ", Span(risk.level.label.uppercased(), risk.level.style)]
        if let s = risk.health.current {
            head.append(Span("  (health \(Format.oneDecimal(s.shown)) \(s.band.emoji) \(s.band.label), \(s.tier.priority)\(risk.health.account.arr.map { ", ARR \($0)" } ?? ""))", .dim))
        }
        doc.line(head)
        doc.blank()
        doc.line(Span("Drivers", .bold))
        if risk.drivers.isEmpty { doc.line(Span("  no leading indicator is firing; the level comes from the health tier", .dim)) }
        for (i, d) in risk.drivers.enumerated() {
            doc.wrapped(Span("  \(i + 1). "), text: [Span(d.signal, .bold), Span(" [\(d.weight.label)" + (d.leadTime.map { " · churn typically \($0) later" } ?? "") + "]", .dim)])
            doc.wrapped(Span("     "), text: d.evidence)
        }
        doc.blank()
        if quiet {
            doc.wrapped(Span("Likely reason  ", .bold), text: [Span("none evident at this level; the weakest area points to \(risk.reason.label)", .dim)])
        } else {
            doc.wrapped(Span("Likely reason  ", .bold), text: [Span(risk.reason.label, .bold), Span(" — \(risk.reason.subReasons) (\(risk.reason.preventable))")])
            doc.blank()
            doc.line(Span("Save plays (seed 002)", .bold))
            for (i, play) in risk.reason.savePlays.enumerated() { doc.wrapped(Span("  \(i + 1). "), text: play) }
        }
        if let tier, let planBy {
            let i = tier.intervention
            doc.blank()
            doc.line(Span("Intervention for \(risk.health.current.map { "\($0.band.emoji) \($0.band.label)" } ?? tier.label) (\(tier.priority), seed 000)", .bold))
            doc.wrapped(Span("  who        "), text: i.who)
            doc.wrapped(Span("  how often  "), text: i.frequency)
            doc.wrapped(Span("  by         "), text: "\(planBy): " + (tier.isAtRisk ? "intervention plan agreed (within \(i.planWithinDays == 1 ? "24 h" : "48 h"))" : "next contact"))
        }
    }
}

struct ChurnRiskBook: Report {
    let risks: [ChurnRisk]

    func arr(_ level: ChurnRisk.Level?) -> Money {
        risks.filter { level == nil ? $0.level >= .high : $0.level == level }.reduce(.zero) { $0 + ($1.health.account.arr ?? .zero) }
    }

    struct Row: Encodable {
        var account: String
        var level: ChurnRisk.Level
        var points: Int
        var score: Double?
        var arr: Double?
        var reason: String
        var drivers: [DriverJSON]
    }

    enum Keys: String, CodingKey { case accounts, arrAtRisk = "arr_at_risk", byLevel = "by_level" }

    func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: Keys.self)
        try c.encode(risks.map { Row(account: $0.health.account.name, level: $0.level, points: $0.points, score: $0.health.current?.shown,
                                     arr: $0.health.account.arr?.dollars, reason: $0.reason.rawValue, drivers: $0.drivers.map(DriverJSON.init)) }, forKey: .accounts)
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
        for r in risks {
            table.add(Span(r.level.label, r.level.style), Span(r.health.account.name),
                      Span(r.health.current.map { "\(Format.oneDecimal($0.shown)) \($0.band.emoji)" } ?? "—"),
                      Span(r.health.account.arr?.description ?? "—"),
                      Span(r.drivers.first.map { $0.signal + (r.drivers.count > 1 ? " (+\(r.drivers.count - 1))" : "") } ?? "—", r.drivers.isEmpty ? .dim : nil))
        }
        doc.table(table)
        doc.blank()
        let parts = ChurnRisk.Level.allCases.reversed().map { level in
            "\(level.label) \(risks.filter { $0.level == level }.count) (\(arr(level)))"
        }
        doc.wrapped(text: [Span("ARR at risk (high and critical): ", .bold), Span(arr(nil).description, .bold), Span(" · " + parts.joined(separator: " · "))])
    }
}
