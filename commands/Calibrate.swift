import Foundation
import Intents
import Scoring
import Shell
import Workspace

/// `calibrate [horizon N days] [train to DATE] [test from DATE] [every N weeks]`: a churn
/// model fitted on the workspace's own history, judged on later dates, saved as a file.
struct CalibrateCommand: Command {
    let spec = CommandSpec(
        name: "calibrate",
        phrases: ["calibrate", "fit churn model", "fit a churn model", "校准"],
        options: [OptionSpec("every", type: .weeks, "every {value}"),
                  OptionSpec("horizon", type: .days, "horizon {value}"),
                  OptionSpec("train to", type: .day(.past), "train to {value}"),
                  OptionSpec("test from", type: .day(.past), "test from {value}")],
        usage: "calibrate [horizon N days] [train to DATE] [test from DATE] [every N weeks]",
        summary: "fit a churn-probability model on this workspace's history and judge it on later dates",
        details: """
            Observation dates as in backtest (every 4 weeks by default). The features: the seed's metrics as the score card reads \
            them and their change over four weeks, the workspace's own metrics (snapshot columns, each product event per week), tenure and ARR (log); a missing value \
            is taken as the training mean; all are standardised on the training rows. L2-regularised logistic regression \
            (C = 1, as scikit-learn's default) is fitted on the dates up to 'train to' and judged on the dates from \
            'test from' — a time split, never a random one. By default the last 30% of the dates are held out, and the \
            training dates end a horizon before them so that no training label looks into the held-out weeks. \
            The report gives held-out AUC, lift and calibration beside the model in force, the weights in words and \
            the risk cut-offs; the model is saved to models/fitted-DATE.yaml with its rows beside it. The model in force is not changed.
            """,
        examples: ["calibrate", "calibrate horizon 60 days", "calibrate train to 2026-03-01 test from 2026-06-07", "校准"],
        writes: true)

    func run(_ request: Request, in context: Context) throws -> Report {
        let every = request.count("every") ?? 4
        guard (1...52).contains(every) else { throw CommandError("every takes a number of weeks from 1 to 52: 'every N weeks'") }
        let horizon = request.count("horizon") ?? 90
        guard (7...730).contains(horizon) else { throw CommandError("horizon takes a number of days from 7 to 730: 'horizon N days'") }
        let trainTo = request.day("train to")
        let testFrom = request.day("test from")
        let model = context.model
        // Every metric of the workspace's own is a candidate: its snapshot columns and each event's weekly count.
        var own = Set<String>()
        for account in try context.accounts() {
            for metric in try context.customMetrics(of: account) where metric.source == .snapshots || metric.name.hasSuffix(" per week") { own.insert(metric.name) }
        }
        let custom = own.sorted()
        let histories = try context.accountHistories().map { h in (h.records, try context.withCustomMetrics(h.snapshots, of: h.records.account, names: custom)) }
        let dates = try context.observationDates(histories, every: every, horizon: horizon, from: nil, to: nil, weekEnds: model.weekEnds)
        let firstTest = testFrom ?? dates[dates.count - max(1, Int((Double(dates.count) * 0.3).rounded()))]
        let testDates = dates.filter { $0 >= firstTest }
        // No training label may look past the first held-out date.
        let trainDates = dates.filter { $0 <= (trainTo ?? firstTest) && $0.adding(days: horizon) <= firstTest }
        guard !testDates.isEmpty, !trainDates.isEmpty else {
            throw CommandError("no dates to \(trainDates.isEmpty ? "train on" : "test on"): the observation dates run \(dates.first!) to \(dates.last!) "
                + "every \(every) week\(every == 1 ? "" : "s"); training dates must end \(horizon) days before the first held-out date"
                + (testFrom == nil ? " — the history is too short for a \(horizon)-day horizon" : ""))
        }
        let features = ChurnFeatures(custom: custom)
        let backtest = Backtest(accounts: histories, settings: .init(dates: trainDates + testDates, horizonDays: horizon), model: model, features: features)
        guard let calibration = Calibration(backtest: backtest, features: features, trainDates: trainDates, testDates: testDates),
              calibration.train.churners >= BacktestCommand.leastOfEach else {
            let churners = backtest.observations.filter { $0.churned && trainDates.contains($0.date) }.count
            throw CommandError("too little history to fit: \(churners) churned within \(horizon) days on the training dates (\(trainDates.first!) to \(trainDates.last!)) "
                + "— at least \(BacktestCommand.leastOfEach) are needed; import the weeks before accounts churned, with their churn dates")
        }
        let saved = try save(calibration, backtest: backtest, features: features, model: model.name, context: context)
        return CalibrateReport(model: model.name, calibration: calibration, saved: saved)
    }

    /// Writes models/fitted-DATE.yaml and its rows; returns the name.
    func save(_ c: Calibration, backtest: Backtest, features: ChurnFeatures, model: String, context: Context) throws -> String {
        let folder = (context.workspace.path as NSString).appendingPathComponent("models")
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        var name = "fitted-\(context.today)"
        var n = 2
        while FileManager.default.fileExists(atPath: (folder as NSString).appendingPathComponent(name + ".yaml")) {
            name = "fitted-\(context.today)-\(n)"
            n += 1
        }
        let f = c.fitted
        func num(_ v: Double) -> String { String(format: "%.6g", v) }
        var yaml = """
            # Fitted by 'calibrate' on \(context.today): the probability of churning within \(f.horizonDays) days.
            # Trained on \(c.trainDates.count) observation dates, judged on \(c.testDates.count) later ones; see validation.
            model: fitted
            name: \(name)
            horizon_days: \(f.horizonDays)
            train: {from: \(c.trainDates.first!), to: \(c.trainDates.last!), rows: \(c.train.rows), churners: \(c.train.churners)}
            test: {from: \(c.testDates.first!), to: \(c.testDates.last!), rows: \(c.test.rows), churners: \(c.test.churners)}
            intercept: \(num(f.intercept))
            features:   # weight per standard deviation; a missing value counts as the mean

            """
        for feature in f.features {
            yaml += "  - {name: \(feature.name), mean: \(num(feature.mean)), sd: \(num(feature.deviation)), weight: \(num(feature.weight))}\n"
        }
        yaml += "cutoffs: {critical: \(num(f.critical)), high: \(num(f.high)), medium: \(num(f.medium))}   # the riskiest 5%, 20%, 50% of training rows\n"
        yaml += "validation: {auc: \(c.test.auc.map(num) ?? "null"), auc_low: \(c.test.aucInterval.map { num($0.low) } ?? "null"), "
            + "auc_high: \(c.test.aucInterval.map { num($0.high) } ?? "null"), lift: \(c.test.topDecileLift.map(num) ?? "null"), "
            + "current_model: \(model), current_auc: \(c.current.auc.map(num) ?? "null")}\n"
        if !c.dropped.isEmpty { yaml += "dropped: [\(c.dropped.joined(separator: ", "))]   # no value, or one value only, on the training rows\n" }
        // The rows, so that the fit can be checked elsewhere (bench/check_calibrate.py).
        let testSet = Set(c.testDates), trainSet = Set(c.trainDates)
        var csv = (["account", "date", "split", "churned"] + features.names).joined(separator: ",") + "\n"
        for o in backtest.observations {
            let split = testSet.contains(o.date) ? "test" : trainSet.contains(o.date) ? "train" : nil
            guard let split else { continue }
            let name = backtest.names[o.account]
            let quoted = name.contains(",") || name.contains("\"") ? "\"" + name.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : name
            csv += ([quoted, o.date.description, split, o.churned ? "1" : "0"] + o.features.map { $0.map { String($0) } ?? "" }).joined(separator: ",") + "\n"
        }
        try Data(yaml.utf8).writeAtomically(to: (folder as NSString).appendingPathComponent(name + ".yaml"))
        try Data(csv.utf8).writeAtomically(to: (folder as NSString).appendingPathComponent(name + "-rows.csv"))
        return name
    }
}

struct CalibrateReport: Report {
    let model: String
    let calibration: Calibration
    let saved: String

    /// Weights smaller than this (per standard deviation) are left off the list.
    static let smallWeight = 0.05

    func f3(_ v: Double?) -> String { v.map { String(format: "%.3f", $0) } ?? "—" }
    func auc(_ e: Calibration.Evaluation) -> String {
        f3(e.auc) + (e.aucInterval.map { " (\(f3($0.low))–\(f3($0.high)))" } ?? "")
    }

    enum Keys: String, CodingKey { case saved, horizon, model, trainDates = "train_dates", testDates = "test_dates", train, test, current, verdict, weights, cutoffs, calibration, dropped }
    struct EvalJSON: Encodable {
        var rows, churners: Int; var auc, aucLow, aucHigh, lift: Double?
        enum CodingKeys: String, CodingKey { case rows, churners, auc, aucLow = "auc_low", aucHigh = "auc_high", lift = "top_decile_lift" }
        init(_ e: Calibration.Evaluation) { rows = e.rows; churners = e.churners; auc = e.auc; aucLow = e.aucInterval?.low; aucHigh = e.aucInterval?.high; lift = e.topDecileLift }
    }
    struct WeightJSON: Encodable { var feature, label: String; var weight, mean, sd: Double }
    struct BinJSON: Encodable { var predicted, observed: Double; var rows: Int }

    func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: Keys.self)
        let f = calibration.fitted
        try c.encode("models/\(saved).yaml", forKey: .saved)
        try c.encode(f.horizonDays, forKey: .horizon)
        try c.encode(model, forKey: .model)
        try c.encode(calibration.trainDates, forKey: .trainDates)
        try c.encode(calibration.testDates, forKey: .testDates)
        try c.encode(EvalJSON(calibration.train), forKey: .train)
        try c.encode(EvalJSON(calibration.test), forKey: .test)
        try c.encode(EvalJSON(calibration.current), forKey: .current)
        try c.encode(calibration.verdict(current: model), forKey: .verdict)
        try c.encode(f.features.sorted { abs($0.weight) > abs($1.weight) }.map {
            WeightJSON(feature: $0.name, label: ChurnFeatures.label($0.name), weight: $0.weight, mean: $0.mean, sd: $0.deviation)
        }, forKey: .weights)
        try c.encode(["critical": f.critical, "high": f.high, "medium": f.medium], forKey: .cutoffs)
        try c.encode(calibration.test.calibration.map { BinJSON(predicted: $0.predicted, observed: $0.observed, rows: $0.rows) }, forKey: .calibration)
        try c.encode(calibration.dropped, forKey: .dropped)
    }

    func render(into doc: inout Document) {
        let c = calibration, f = c.fitted
        doc.line(Span("Calibrate — churn within \(f.horizonDays) days", .bold),
                 Span(" · trained on \(c.trainDates.count) date\(c.trainDates.count == 1 ? "" : "s") (\(c.trainDates.first!) to \(c.trainDates.last!)), "
                      + "judged on \(c.testDates.count) later (\(c.testDates.first!) to \(c.testDates.last!))", .dim))
        doc.wrapped(Span("  "), text: "training: \(grouped(c.train.rows)) account-dates, \(grouped(c.train.churners)) churned · held out: \(grouped(c.test.rows)), \(grouped(c.test.churners)) churned")
        doc.blank()
        var table = TextTable([.init(""), .init("Fitted model", right: true), .init("\(model) model", right: true)], indent: 2)
        table.add(Span("Held-out AUC (95% interval)"), Span(auc(c.test), .bold), Span(auc(c.current)))
        table.add(Span("Held-out top-tenth lift"), Span(c.test.topDecileLift.map { Format.number($0) + "×" } ?? "—"),
                  Span(c.current.topDecileLift.map { Format.number($0) + "×" } ?? "—"))
        table.add(Span("Training AUC"), Span(f3(c.train.auc)), Span(""))
        doc.table(table)
        doc.blank()
        doc.wrapped(Span("Verdict   ", .bold), text: c.verdict(current: model))
        doc.blank()
        let unsupported = (c.test.aucInterval?.low ?? 0) <= 0.5
        doc.line(Span("What it learned", .bold), Span("  weight per standard deviation; + means more of it, more churn", .dim),
                 unsupported ? Span(" — the held-out dates do not bear these out", .yellow) : "")
        var weights = TextTable([.init("", wraps: true), .init("", right: true), .init("")], indent: 2, showHeader: false)
        let shown = f.features.filter { abs($0.weight) >= CalibrateReport.smallWeight }.sorted { abs($0.weight) > abs($1.weight) }
        for feature in shown {
            weights.add(Span(ChurnFeatures.label(feature.name)), Span(String(format: "%+.2f", feature.weight), .bold),
                        Span(feature.weight < 0 ? "lower → more churn" : "higher → more churn", .dim))
        }
        if shown.isEmpty { weights.add(Span("no feature weighs \(Format.number(CalibrateReport.smallWeight)) or more", .dim), "", "") }
        doc.table(weights)
        let small = f.features.count - shown.count
        if small > 0 { doc.line(Span("  \(small) more under ±\(Format.number(CalibrateReport.smallWeight)); all in the saved file", .dim)) }
        if !c.dropped.isEmpty {
            // A metric and its change read as one: "NPS (and its change)".
            var names: [String] = []
            for name in c.dropped where !name.hasSuffix("_change_4w") {
                names.append(ChurnFeatures.label(name) + (c.dropped.contains(name + "_change_4w") ? " (and its change)" : ""))
            }
            names += c.dropped.filter { $0.hasSuffix("_change_4w") && !c.dropped.contains(String($0.dropLast("_change_4w".count))) }.map(ChurnFeatures.label)
            doc.wrapped(Span("  "), text: [Span("not used — no value, or the same on every training row: " + names.joined(separator: "; "), .dim)])
        }
        doc.blank()
        doc.line(Span("Risk levels", .bold), Span("  probability of churning within \(f.horizonDays) days, cut where the training rows put them", .dim))
        var levels = TextTable([.init(""), .init("", right: true), .init("")], indent: 2, showHeader: false)
        for (level, cut, share) in [(ChurnRisk.Level.critical, f.critical, 5), (.high, f.high, 20), (.medium, f.medium, 50)] {
            levels.add(Span(level.label), Span("≥ \(Format.percent(cut * 100))", .bold), Span("the riskiest \(share)% of training rows", .dim))
        }
        doc.table(levels)
        if c.test.flagged > 0 {
            doc.wrapped(Span("  "), text: [Span("high or critical on the held-out dates: \(grouped(c.test.flagged)) flagged, \(grouped(c.test.flaggedChurned)) churned "
                + "(precision \(Format.percent(Double(c.test.flaggedChurned) * 100 / Double(c.test.flagged))), "
                + "recall \(c.test.churners > 0 ? Format.percent(Double(c.test.flaggedChurned) * 100 / Double(c.test.churners)) : "—"))", .dim)])
        }
        doc.blank()
        doc.line(Span("Calibration on the held-out dates", .bold), Span("  tenths by predicted probability", .dim))
        var bins = TextTable([.init("Predicted", right: true), .init("Observed", right: true), .init("Rows", right: true)], indent: 2)
        for b in c.test.calibration { bins.add(Span(Format.percent(b.predicted * 100)), Span(Format.percent(b.observed * 100)), Span(grouped(b.rows))) }
        doc.table(bins)
        doc.blank()
        doc.wrapped(text: [Span("Saved models/\(saved).yaml and its rows (models/\(saved)-rows.csv). The \(model) model stays in force.", .dim)])
    }
}
