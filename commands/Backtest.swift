import Intents
import Scoring
import Shell
import Stats
import Workspace

/// `backtest [MODEL] [from DATE to DATE] [every N weeks] [horizon N days]`: the health
/// model measured against the churn the workspace recorded.
struct BacktestCommand: Command {
    let spec = CommandSpec(
        name: "backtest",
        phrases: ["backtest", "back test", "回测", "回测结果"],
        options: [OptionSpec("model", type: .choice(BacktestCommand.models), "{value}", "{value} model"),
                  OptionSpec("from", type: .day(.past), "from {value}"),
                  OptionSpec("to", type: .day(.past), "to {value}"),
                  OptionSpec("every", type: .weeks, "every {value}"),
                  OptionSpec("horizon", type: .days, "horizon {value}")],
        usage: "backtest [MODEL] [from DATE to DATE] [every N weeks] [horizon N days]",
        summary: "how well the health score foretold churn: AUC, lift, precision, recall, lead time, against a baseline",
        details: """
            At each observation date (every N weeks, default 4) every account live then is scored as of that date — nothing \
            after it is read — and labelled by whether it churned within the horizon (default 90 days). The pooled rows give \
            the ROC AUC of the score with a 95% bootstrap interval over accounts, the churn rate per tier and churn-risk \
            level, the lift of the riskiest tenth, and the at-risk flag's (churn risk high or critical) precision, recall and \
            false-positive rate, with the median days from its first flag to the churn. The baseline is DAU's change over \
            four weeks (flag: down 20% or more); the verdict says whether the model beats it. MODEL: claw, engine or analyst \
            (default: the model in force). The last date is the latest whose horizon has passed.
            """,
        examples: ["backtest", "backtest engine", "backtest horizon 60 days", "backtest from 2026-01-04 to 2026-08-30 every 2 weeks", "回测"],
        natural: Natural(.book, cues: ["backtest": 4, "back test": 4, "accurate": 2, "accuracy": 2, "predicted churn": 4, "predict": 2, "predicted": 2,
                                      "historically": 1, "回测": 4, "准不准": 3, "预测": 2],
                         questions: ["how accurate is the health score historically?", "健康分预测准不准"]))

    static let models = Vocabulary("health model", [HealthModel.claw.name: [HealthModel.claw.name], HealthModel.engine.name: [HealthModel.engine.name],
                                                    HealthModel.analyst.name: [HealthModel.analyst.name]])

    struct Options {
        var model: HealthModel?
        var from: Day?
        var to: Day?
        var every = 4
        var horizon = 90
    }

    static func options(_ request: Request, model: HealthModel) throws -> Options {
        var o = Options()
        o.every = request.count("every") ?? 4
        guard (1...52).contains(o.every) else { throw CommandError("every takes a number of weeks from 1 to 52: 'every N weeks'") }
        o.horizon = request.count("horizon") ?? 90
        guard (7...730).contains(o.horizon) else { throw CommandError("horizon takes a number of days from 7 to 730: 'horizon N days'") }
        o.from = request.day("from")
        o.to = request.day("to")
        if let name = request.choice("model"), let named = HealthModel.named(name) {
            // A named model keeps the workspace's week ending, usage and custom metrics.
            var m = named
            m.weekEnds = model.weekEnds
            m.usage = model.usage
            o.model = m
        }
        return o
    }

    /// Fewer than this many churners, or accounts that stayed, tell nothing.
    static let leastOfEach = 5

    func run(_ request: Request, in context: Context) throws -> Report {
        let o = try BacktestCommand.options(request, model: context.model)
        let model = o.model ?? context.model
        let accounts = try context.accountHistories()
        let dates = try context.observationDates(accounts, every: o.every, horizon: o.horizon, from: o.from, to: o.to, weekEnds: model.weekEnds)
        let backtest = Backtest(accounts: accounts, settings: .init(dates: dates, horizonDays: o.horizon), model: model)
        let churners = backtest.observations.filter(\.churned).count, stayed = backtest.observations.count - churners
        guard churners >= BacktestCommand.leastOfEach, stayed >= BacktestCommand.leastOfEach else {
            throw CommandError("too little history to backtest: \(backtest.observations.count) observation\(backtest.observations.count == 1 ? "" : "s") on \(dates.count) date\(dates.count == 1 ? "" : "s") "
                + "(\(dates.first!) to \(dates.last!)), \(churners) churned within \(o.horizon) days — at least \(BacktestCommand.leastOfEach) churners and "
                + "\(BacktestCommand.leastOfEach) that stayed are needed; import the weeks before accounts churned, with their churn dates")
        }
        return BacktestReport(model: model.name, every: o.every, backtest: backtest)
    }
}

struct BacktestReport: Report {
    let model: String
    let every: Int
    let backtest: Backtest
    let modelFigures: Backtest.Figures
    let baselineFigures: Backtest.Figures
    let difference: Bootstrap.Interval?

    init(model: String, every: Int, backtest: Backtest) {
        self.model = model
        self.every = every
        self.backtest = backtest
        modelFigures = backtest.figures(.model)
        baselineFigures = backtest.figures(.baseline)
        difference = backtest.aucDifference()
    }

    /// Does the model beat the baseline: the paired interval of the AUC difference.
    func verdict(_ difference: Bootstrap.Interval?) -> String {
        guard let difference else { return "cannot compare with the baseline: too few accounts with both classes in the resamples" }
        let range = "AUC difference \(signed(difference.low)) to \(signed(difference.high)), 95% interval"
        if difference.low > 0 { return "the model ranks churners better than the baseline (\(range))" }
        if difference.high < 0 { return "the model ranks churners worse than the baseline (\(range))" }
        return "the model is no better than the baseline (\(range))"
    }

    func signed(_ v: Double) -> String { (v >= 0 ? "+" : "−") + String(format: "%.3f", abs(v)) }
    func ratio(_ v: Double?) -> String { v.map { Format.percent($0 * 100) } ?? "—" }
    func aucText(_ f: Backtest.Figures) -> String {
        guard let auc = f.auc else { return "—" }
        return String(format: "%.3f", auc) + (f.aucInterval.map { String(format: " (%.3f–%.3f)", $0.low, $0.high) } ?? "")
    }

    struct Target: Encodable { var name: String; var target: String; var value: Double?; var met: Bool?; var note: String? }

    var targets: [Target] {
        let m = modelFigures
        return [
            Target(name: "accuracy (churn predicted ÷ actual churn)", target: "> 70%", value: m.recall, met: m.recall.map { $0 > 0.7 }, note: nil),
            Target(name: "false alerts ÷ all alerts", target: "< 20%", value: m.falseAlertShare, met: m.falseAlertShare.map { $0 < 0.2 }, note: nil),
            Target(name: "time to detection (risk → action)", target: "< 14 days", value: nil, met: nil,
                   note: "not measured: it needs the day action was taken, which the workspace does not record"),
        ]
    }

    enum Keys: String, CodingKey {
        case model, dates, every, horizon, observations, accounts, churners, staleSkipped = "stale_skipped", health = "model_figures",
             baseline = "baseline_figures", baselineRule = "baseline_rule", difference = "auc_difference", verdict, byTier = "by_tier", byRisk = "by_risk",
             tierMonotonic = "tier_monotonic", riskMonotonic = "risk_monotonic", bySegment = "by_segment", byDate = "by_date", targets
    }
    struct FiguresJSON: Encodable {
        var auc: Double?, aucLow: Double?, aucHigh: Double?, lift: Double?, flagged: Int, truePositives: Int
        var precision: Double?, recall: Double?, falsePositiveRate: Double?, falseAlertShare: Double?, medianLeadDays: Double?
        var churnersFlaggedAhead: Int, churners: Int
        enum CodingKeys: String, CodingKey {
            case auc, aucLow = "auc_low", aucHigh = "auc_high", lift = "top_decile_lift", flagged, truePositives = "true_positives", precision, recall,
                 falsePositiveRate = "false_positive_rate", falseAlertShare = "false_alert_share", medianLeadDays = "median_lead_days",
                 churnersFlaggedAhead = "churners_flagged_ahead", churners
        }
        init(_ f: Backtest.Figures) {
            auc = f.auc; aucLow = f.aucInterval?.low; aucHigh = f.aucInterval?.high; lift = f.topDecileLift; flagged = f.flagged
            truePositives = f.truePositives; precision = f.precision; recall = f.recall; falsePositiveRate = f.falsePositiveRate
            falseAlertShare = f.falseAlertShare; medianLeadDays = f.medianLeadDays; churnersFlaggedAhead = f.churnersFlaggedAhead; churners = f.churnersSeen
        }
    }
    struct RateJSON: Encodable { var group: String; var observations: Int; var churners: Int; var rate: Double }
    struct SegmentJSON: Encodable { var segment: String; var observations: Int; var churners: Int; var auc: Double?; var baselineAUC: Double?
        enum CodingKeys: String, CodingKey { case segment, observations, churners, auc, baselineAUC = "baseline_auc" } }
    struct DateJSON: Encodable { var date: Day; var accounts: Int; var churners: Int; var flagged: Int; var auc: Double? }

    var tierRates: [(key: Tier, observations: Int, churners: Int)] { backtest.rates(by: \.tier, order: Tier.allCases) }
    var riskRates: [(key: ChurnRisk.Level, observations: Int, churners: Int)] { backtest.rates(by: \.risk, order: ChurnRisk.Level.allCases) }

    /// Whether the churn rate never falls from the healthiest group to the worst.
    func monotonic(_ rates: [(observations: Int, churners: Int)]) -> Bool {
        let r = rates.map { Double($0.churners) / Double($0.observations) }
        return zip(r, r.dropFirst()).allSatisfy { $0 <= $1 }
    }

    var segmentRows: [(label: String, key: String, figures: Backtest.Figures, baseline: Backtest.Figures)] {
        Segment.allCases.compactMap { s in
            let include = { (o: Backtest.Observation) in backtest.segments[o.account] == s }
            let f = backtest.figures(.model, where: include, bootstrap: false)
            guard f.observations > 0 else { return nil }
            return (s.label, s.rawValue, f, backtest.figures(.baseline, where: include, bootstrap: false))
        }
    }

    var dateRows: [(date: Day, figures: Backtest.Figures)] {
        backtest.settings.dates.map { d in (d, backtest.figures(.model, where: { $0.date == d }, bootstrap: false)) }
    }

    func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: Keys.self)
        let m = modelFigures, b = baselineFigures
        try c.encode(model, forKey: .model)
        try c.encode(backtest.settings.dates, forKey: .dates)
        try c.encode(every, forKey: .every)
        try c.encode(backtest.settings.horizonDays, forKey: .horizon)
        try c.encode(backtest.observations.count, forKey: .observations)
        try c.encode(Set(backtest.observations.map(\.account)).count, forKey: .accounts)
        try c.encode(m.churners, forKey: .churners)
        try c.encode(backtest.staleSkipped, forKey: .staleSkipped)
        try c.encode(FiguresJSON(m), forKey: .health)
        try c.encode(FiguresJSON(b), forKey: .baseline)
        try c.encode("DAU change over four weeks; flag: down \(Format.number(Backtest.baselineDrop))% or more", forKey: .baselineRule)
        try c.encode(difference.map { ["low": $0.low, "high": $0.high] }, forKey: .difference)
        try c.encode(verdict(difference), forKey: .verdict)
        try c.encode(tierRates.map { RateJSON(group: $0.key.rawValue, observations: $0.observations, churners: $0.churners, rate: Double($0.churners) / Double($0.observations)) }, forKey: .byTier)
        try c.encode(riskRates.map { RateJSON(group: $0.key.label, observations: $0.observations, churners: $0.churners, rate: Double($0.churners) / Double($0.observations)) }, forKey: .byRisk)
        try c.encode(monotonic(tierRates.map { ($0.observations, $0.churners) }), forKey: .tierMonotonic)
        try c.encode(monotonic(riskRates.map { ($0.observations, $0.churners) }), forKey: .riskMonotonic)
        try c.encode(segmentRows.map { SegmentJSON(segment: $0.key, observations: $0.figures.observations, churners: $0.figures.churners, auc: $0.figures.auc, baselineAUC: $0.baseline.auc) }, forKey: .bySegment)
        try c.encode(dateRows.map { DateJSON(date: $0.date, accounts: $0.figures.observations, churners: $0.figures.churners, flagged: $0.figures.flagged, auc: $0.figures.auc) }, forKey: .byDate)
        try c.encode(targets, forKey: .targets)
    }

    func render(into doc: inout Document) {
        let m = modelFigures, b = baselineFigures
        let dates = backtest.settings.dates
        let accounts = Set(backtest.observations.map(\.account)).count
        doc.line(Span("Backtest — \(model) model", .bold),
                 Span(" · \(dates.first!) to \(dates.last!), every \(every == 1 ? "week" : "\(every) weeks") · churn within \(backtest.settings.horizonDays) days", .dim))
        doc.wrapped(Span("  "), text: "\(grouped(dates.count)) observation date\(dates.count == 1 ? "" : "s") · \(grouped(backtest.observations.count)) observations of \(grouped(accounts)) accounts · "
            + "\(grouped(m.churners)) churned within the horizon (\(grouped(m.churnersSeen)) accounts)"
            + (backtest.staleSkipped > 0 ? " · \(grouped(backtest.staleSkipped)) left out: no week in the 28 days before the date" : ""))
        doc.blank()
        var table = TextTable([.init("", wraps: true), .init("Health model", right: true), .init("Baseline", right: true)], indent: 2)
        func count(_ part: Int, _ whole: Int, _ share: Double?) -> String { share.map { "\(Format.percent($0 * 100)) (\(grouped(part)) of \(grouped(whole)))" } ?? "—" }
        table.add(Span("ROC AUC (95% interval)"), Span(aucText(m), .bold), Span(aucText(b)))
        table.add(Span("Top-tenth lift"), Span(m.topDecileLift.map { Format.number($0) + "×" } ?? "—"), Span(b.topDecileLift.map { Format.number($0) + "×" } ?? "—"))
        table.add(Span("Flagged"), Span(grouped(m.flagged)), Span(grouped(b.flagged)))
        table.add(Span("Precision: flags that churned"), Span(count(m.truePositives, m.flagged, m.precision)), Span(count(b.truePositives, b.flagged, b.precision)))
        table.add(Span("Recall: churns flagged"), Span(count(m.truePositives, m.churners, m.recall)), Span(count(b.truePositives, b.churners, b.recall)))
        table.add(Span("False-positive rate"), Span(ratio(m.falsePositiveRate)), Span(ratio(b.falsePositiveRate)))
        table.add(Span("Median lead time"), Span(lead(m)), Span(lead(b)))
        doc.table(table)
        doc.wrapped(Span("  "), text: [Span("counts are of account-dates; flag: churn risk high or critical (what list and the portfolio count as at risk); "
            + "baseline: DAU's change over four weeks, flag when down \(Format.number(Backtest.baselineDrop))% or more; "
            + "lead time: days from an account's first flag within the horizon to its churn", .dim)])
        doc.blank()
        doc.wrapped(Span("Verdict   ", .bold), text: verdict(difference))
        doc.blank()
        rates("Churn rate by tier", tierRates.map { ("\($0.key.emoji) \($0.key.label)", $0.observations, $0.churners) }, into: &doc)
        rates("Churn rate by churn risk", riskRates.map { ($0.key.label, $0.observations, $0.churners) }, into: &doc)
        let segments = segmentRows
        if segments.count > 1 {
            doc.line(Span("By segment", .bold))
            var t = TextTable([.init("Segment"), .init("Observations", right: true), .init("Churned", right: true), .init("AUC", right: true), .init("Baseline AUC", right: true)], indent: 2)
            for s in segments {
                t.add(Span(s.label), Span(grouped(s.figures.observations)), Span(grouped(s.figures.churners)),
                      Span(s.figures.auc.map { String(format: "%.3f", $0) } ?? "—"), Span(s.baseline.auc.map { String(format: "%.3f", $0) } ?? "—"))
            }
            doc.table(t)
            doc.blank()
        }
        doc.line(Span("By date", .bold))
        var t = TextTable([.init("Date"), .init("Accounts", right: true), .init("Churned", right: true), .init("Flagged", right: true), .init("AUC", right: true)], indent: 2)
        for row in dateRows {
            t.add(Span(row.date.description), Span(grouped(row.figures.observations)), Span(grouped(row.figures.churners)), Span(grouped(row.figures.flagged)),
                  Span(row.figures.auc.map { String(format: "%.3f", $0) } ?? "—"))
        }
        doc.table(t)
        doc.blank()
        doc.line(Span("Seed 004's targets", .bold))
        for target in targets {
            let value = target.value.map { Format.percent($0 * 100) }
            let mark = target.met.map { $0 ? Span("met", .green) : Span("not met", .red) } ?? Span("not measured", .dim)
            doc.wrapped(Span("  "), text: [Span("\(target.name) \(target.target): " + (value.map { "\($0) — " } ?? "")), mark,
                                           Span(target.note.map { " — \($0.replacingOccurrences(of: "not measured: ", with: ""))" } ?? "", .dim)])
        }
    }

    func lead(_ f: Backtest.Figures) -> String {
        guard let days = f.medianLeadDays else { return "—" }
        return "\(Format.number(days)) days (\(f.churnersFlaggedAhead) of \(f.churnersSeen) churners)"
    }

    func rates(_ title: String, _ rows: [(String, Int, Int)], into doc: inout Document) {
        let monotone = monotonic(rows.map { ($0.1, $0.2) })
        doc.line(Span(title, .bold), Span(monotone ? "  rises or holds at each step: yes" : "  rises or holds at each step: no", monotone ? .green : .yellow))
        var t = TextTable([.init(""), .init("Observations", right: true), .init("Churned", right: true), .init("Rate", right: true)], indent: 2)
        for (label, n, c) in rows { t.add(Span(label), Span(grouped(n)), Span(grouped(c)), Span(Format.percent(Double(c) * 100 / Double(n)))) }
        doc.table(t)
        doc.blank()
    }
}
