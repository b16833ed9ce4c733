import Foundation
import Stats
import Workspace

/// A churn-probability model fitted on the workspace's own history (`calibrate`): L2
/// logistic regression over `ChurnFeatures`, missing values imputed with the training mean,
/// standardised on the training rows. Risk levels are probability cut-offs read off the
/// training rows.
public struct FittedChurnModel: Equatable, Sendable {
    public struct Feature: Equatable, Sendable {
        public var name: String
        /// Training mean (also what a missing value is taken to be) and standard deviation.
        public var mean: Double
        public var deviation: Double
        /// Per standard deviation; positive: more of it, more churn.
        public var weight: Double
    }

    /// What it is called: its file's name in models/ (fitted-DATE).
    public var name: String
    public var horizonDays: Int
    public var intercept: Double
    public var features: [Feature]
    /// Probabilities from which an account is at each level: the riskiest 5%, 20% and 50%
    /// of the training rows.
    public var critical: Double
    public var high: Double
    public var medium: Double

    public static let levelShares: [(ChurnRisk.Level, Double)] = [(.critical, 0.05), (.high, 0.20), (.medium, 0.50)]

    /// Each feature's part of the log-odds for these values (by `ChurnFeatures` name); a
    /// missing value counts as the training mean, so adds nothing.
    public func contributions(_ values: [String: Double?]) -> [(feature: Feature, value: Double?, amount: Double)] {
        features.map { f in
            let v = values[f.name] ?? nil
            return (f, v, f.weight * ((v ?? f.mean) - f.mean) / f.deviation)
        }
    }

    public func probability(_ contributions: [(feature: Feature, value: Double?, amount: Double)]) -> Double {
        1 / (1 + exp(-(intercept + contributions.reduce(0) { $0 + $1.amount })))
    }

    /// The custom metrics it reads.
    public var customNames: [String] { features.map(\.name).filter { $0.hasPrefix("custom:") }.map { String($0.dropFirst(7)) } }

    /// The probability, and each feature's part of it, for an account as it stood on `health.asOf`.
    public func assess(_ health: AccountHealth) -> (probability: Double, contributions: [(feature: Feature, value: Double?, amount: Double)]) {
        let set = ChurnFeatures(custom: customNames)
        let parts = contributions(Dictionary(uniqueKeysWithValues: zip(set.names, set.values(health))))
        return (probability(parts), parts)
    }

    public func level(_ probability: Double) -> ChurnRisk.Level {
        probability >= critical ? .critical : probability >= high ? .high : probability >= medium ? .medium : .low
    }
}

/// `calibrate`: fit on observation dates up to the split, judge on the dates after it.
public struct Calibration: Sendable {
    /// A predictor's record on a set of rows.
    public struct Evaluation: Sendable {
        public var rows: Int
        public var churners: Int
        public var auc: Double?
        public var aucInterval: Bootstrap.Interval?
        public var topDecileLift: Double?
        /// Deciles of predicted probability: mean predicted, observed churn rate, rows.
        public var calibration: [(predicted: Double, observed: Double, rows: Int)]
        /// Of rows at high or critical: how many, and how many churned.
        public var flagged: Int
        public var flaggedChurned: Int
    }

    public var fitted: FittedChurnModel
    public var trainDates: [Day]
    public var testDates: [Day]
    public var train: Evaluation
    public var test: Evaluation
    /// The model in force on the same held-out rows (risk = lower score).
    public var current: Evaluation
    /// Features dropped: no value on any training row, or the same on all.
    public var dropped: [String]

    /// `c`: the inverse strength of the L2 penalty, as scikit-learn's `C`.
    public init?(backtest: Backtest, features: ChurnFeatures, trainDates: [Day], testDates: [Day], c: Double = 1) {
        let trainSet = Set(trainDates), testSet = Set(testDates)
        let trainRows = backtest.observations.filter { trainSet.contains($0.date) }
        let testRows = backtest.observations.filter { testSet.contains($0.date) }
        guard !trainRows.isEmpty, !testRows.isEmpty else { return nil }
        let names = features.names
        // Means of what is there; a column with nothing, or one value only, tells nothing.
        var kept: [Int] = [], means: [Double] = [], dropped: [String] = []
        for j in names.indices {
            let present = trainRows.compactMap { $0.features[j] }
            guard let first = present.first, present.contains(where: { $0 != first }) else { dropped.append(names[j]); continue }
            kept.append(j)
            means.append(present.reduce(0, +) / Double(present.count))
        }
        func row(_ o: Backtest.Observation) -> [Double] { kept.indices.map { o.features[kept[$0]] ?? means[$0] } }
        let x = trainRows.map(row)
        let scaler = Standardizer(fitting: x)
        let fit = LogisticRegression.fit(x: x.map(scaler.transform), y: trainRows.map { $0.churned ? 1 : 0 }, c: c)
        var fitted = FittedChurnModel(name: "fitted", horizonDays: backtest.settings.horizonDays, intercept: fit.intercept,
                                      features: kept.indices.map { .init(name: names[kept[$0]], mean: scaler.means[$0], deviation: scaler.deviations[$0], weight: fit.weights[$0]) },
                                      critical: 1, high: 1, medium: 1)
        let trainP = x.map { fit.probability(scaler.transform($0)) }
        let sorted = trainP.sorted(by: >)
        func quantile(_ share: Double) -> Double { sorted[min(sorted.count - 1, max(0, Int((share * Double(sorted.count)).rounded(.up)) - 1))] }
        fitted.critical = quantile(0.05)
        fitted.high = quantile(0.20)
        fitted.medium = quantile(0.50)
        let testP = testRows.map { fit.probability(scaler.transform(row($0))) }
        self.fitted = fitted
        self.trainDates = trainDates
        self.testDates = testDates
        self.dropped = dropped
        train = Calibration.evaluate(trainRows, trainP, fitted, bootstrap: false)
        test = Calibration.evaluate(testRows, testP, fitted, bootstrap: true)
        current = Calibration.evaluate(testRows, testRows.map { -$0.score }, nil, bootstrap: true)
    }

    static func evaluate(_ rows: [Backtest.Observation], _ risk: [Double], _ fitted: FittedChurnModel?, bootstrap: Bool) -> Evaluation {
        let labels = rows.map(\.churned)
        let churners = labels.filter { $0 }.count
        var e = Evaluation(rows: rows.count, churners: churners, auc: ROC.auc(scores: risk, labels: labels), aucInterval: nil,
                           topDecileLift: nil, calibration: [], flagged: 0, flaggedChurned: 0)
        if bootstrap { e.aucInterval = Backtest.interval(rows.map(\.account), [(risk, labels)]) { $0[0] } }
        e.topDecileLift = Lift.top(risks: risk, labels: labels)
        if let fitted {
            let order = risk.indices.sorted { risk[$0] < risk[$1] }
            let size = max(1, Int((Double(order.count) / 10).rounded(.up)))
            e.calibration = stride(from: 0, to: order.count, by: size).map { start in
                let bin = order[start..<min(order.count, start + size)]
                return (bin.reduce(0) { $0 + risk[$1] } / Double(bin.count), Double(bin.filter { labels[$0] }.count) / Double(bin.count), bin.count)
            }
            let flagged = risk.indices.filter { fitted.level(risk[$0]) >= .high }
            e.flagged = flagged.count
            e.flaggedChurned = flagged.filter { labels[$0] }.count
        }
        return e
    }

    /// What the fit found, in a sentence.
    public func verdict(current model: String) -> String {
        func f(_ v: Double) -> String { String(format: "%.3f", v) }
        guard let auc = test.auc else { return "the held-out dates have no churner: nothing to judge the fit by" }
        let now = current.auc.map(f) ?? "—"
        if let interval = test.aucInterval, interval.low <= 0.5 {
            return "found nothing better: on the held-out dates the fitted model's AUC is \(f(auc)) (\(f(interval.low))–\(f(interval.high))), "
                + "no better than chance — keep the \(model) model (\(now))"
        }
        if let c = current.auc, auc <= c {
            return "found nothing better: on the held-out dates the fitted model's AUC is \(f(auc)) against the \(model) model's \(f(c))"
        }
        return "on the held-out dates the fitted model ranks churners better: AUC \(f(auc)) against the \(model) model's \(now)"
    }
}
