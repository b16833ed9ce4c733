import Stats
import Workspace

/// How well the health model foretold churn in the workspace's own history (seed 004:
/// "vanity health scores" and "annual calibration only" are anti-patterns). At each
/// observation date every account live then is scored as of that date — nothing after it
/// is read — and labelled by whether it churned within the horizon. The pooled rows give
/// the AUC (with a bootstrap interval over accounts), churn rates per tier and risk level,
/// lift, the at-risk flag's precision and recall, lead time, and the same for a naive
/// baseline: the four-week change in DAU.
public struct Backtest: Sendable {
    /// One account on one observation date.
    public struct Observation: Sendable {
        public var account: Int
        public var date: Day
        public var score: Double
        public var tier: Tier
        public var risk: ChurnRisk.Level
        /// Churn risk high or critical: what `list` and the portfolio count as at risk.
        public var flagged: Bool
        /// DAU's change over four weeks, in percent; nil without both weeks.
        public var dauChange: Double?
        public var churned: Bool
        /// The fitted model's inputs (`ChurnFeatures`), when asked for.
        public var features: [Double?] = []
    }

    public struct Settings: Equatable, Sendable {
        public var dates: [Day]
        public var horizonDays: Int
        public init(dates: [Day], horizonDays: Int) {
            self.dates = dates
            self.horizonDays = horizonDays
        }
    }

    /// The baseline flags an account whose DAU fell this much (percent) over four weeks.
    public static let baselineDrop = 20.0
    /// A week older than this before the date is no evidence of the account then.
    public static let freshDays = 28

    public var settings: Settings
    public var names: [String]
    public var segments: [Segment?]
    /// Churn dates, by account.
    public var churnDates: [Day?]
    public var observations: [Observation]
    /// Accounts live on some date but with no week in the 28 days before it: not scored then.
    public var staleSkipped: Int

    /// Scores every account live on each date as of that date.
    public init(accounts: [(records: AccountRecords, snapshots: [Snapshot])], settings: Settings, model: HealthModel, features: ChurnFeatures? = nil) {
        self.settings = settings
        names = accounts.map(\.records.account.name)
        segments = accounts.map(\.records.account.segment)
        churnDates = accounts.map(\.records.account.churnDate)
        var rows: [Observation] = []
        var stale = 0
        let history = max(Trend.window + model.historyWeeks, ChurnFeatures.changeWeeks + 1) + SurveyCarry.maxWeeks
        for (i, (records, snapshots)) in accounts.enumerated() {
            let account = records.account
            let weeks = snapshots.sorted { $0.week < $1.week }
            for date in settings.dates {
                if let start = account.startDate, start > date { continue }
                if let churn = account.churnDate, churn <= date { continue }
                // The weeks known on the date: binary search, then the few the score reads.
                var lo = 0, hi = weeks.count
                while lo < hi { let mid = (lo + hi) / 2; if weeks[mid].week <= date { lo = mid + 1 } else { hi = mid } }
                guard lo > 0, weeks[lo - 1].week.days(until: date) <= Backtest.freshDays else { stale += 1; continue }
                let known = Array(weeks[max(0, lo - history)..<lo])
                let health = AccountHealth(records: records, snapshots: known, asOf: date, model: model, scoring: Trend.window)
                guard let current = health.current else { continue }
                let risk = ChurnRisk(health: health)
                var change: Double?
                if known.count > 4, let now = known[known.count - 1][.dau], let before = known[known.count - 5][.dau], before > 0 {
                    change = (now - before) * 100 / before
                }
                let churned = account.churnDate.map { $0 > date && date.days(until: $0) <= settings.horizonDays } ?? false
                rows.append(Observation(account: i, date: date, score: current.total, tier: current.tier, risk: risk.level,
                                        flagged: BookFigures.isAtRisk(risk), dauChange: change, churned: churned,
                                        features: features?.values(health) ?? []))
            }
        }
        observations = rows
        staleSkipped = stale
    }

    /// A predictor's figures over a set of observations.
    public struct Figures: Sendable {
        public var observations: Int
        public var churners: Int
        public var auc: Double?
        public var aucInterval: Bootstrap.Interval?
        /// Churn rate among the riskiest tenth ÷ the churn rate overall.
        public var topDecileLift: Double?
        public var flagged: Int
        public var truePositives: Int
        /// Of the flagged, the share that churned.
        public var precision: Double? { flagged > 0 ? Double(truePositives) / Double(flagged) : nil }
        /// Of the churners, the share flagged (seed 004's "accuracy": churn predicted ÷ actual churn).
        public var recall: Double? { churners > 0 ? Double(truePositives) / Double(churners) : nil }
        /// Of those who stayed, the share flagged.
        public var falsePositiveRate: Double?
        /// Seed 004's false-positive rate: false alerts ÷ all alerts.
        public var falseAlertShare: Double? { precision.map { 1 - $0 } }
        /// Median days from the first flag (within the horizon before the churn) to the churn.
        public var medianLeadDays: Double?
        /// Churners flagged at some date within the horizon before they churned.
        public var churnersFlaggedAhead: Int
        public var churnersSeen: Int
    }

    /// How risky an observation is by the model (lower score) or by the baseline (falling DAU).
    public enum Predictor: String, Sendable {
        case model, baseline

        func risk(_ o: Observation) -> Double? {
            switch self {
            case .model: return -o.score
            case .baseline: return o.dauChange.map { -$0 }
            }
        }

        func flag(_ o: Observation) -> Bool {
            switch self {
            case .model: return o.flagged
            case .baseline: return (o.dauChange ?? 0) <= -Backtest.baselineDrop
            }
        }
    }

    public func figures(_ predictor: Predictor, where include: (Observation) -> Bool = { _ in true }, bootstrap: Bool = true) -> Figures {
        let rows = observations.filter(include)
        // The baseline reads only rows with two DAU weeks; rows without one rank in the middle.
        let risks = rows.map { predictor.risk($0) ?? 0 }
        let labels = rows.map(\.churned)
        let churners = labels.filter { $0 }.count
        var figures = Figures(observations: rows.count, churners: churners, auc: ROC.auc(scores: risks, labels: labels), aucInterval: nil,
                              topDecileLift: nil, flagged: 0, truePositives: 0, falsePositiveRate: nil, medianLeadDays: nil,
                              churnersFlaggedAhead: 0, churnersSeen: 0)
        if bootstrap { figures.aucInterval = Backtest.interval(rows.map(\.account), [(risks, labels)]) { $0[0] } }
        figures.topDecileLift = Lift.top(risks: risks, labels: labels)
        let flags = rows.map(predictor.flag)
        figures.flagged = flags.filter { $0 }.count
        figures.truePositives = zip(flags, labels).filter { $0 && $1 }.count
        let stayed = rows.count - churners
        figures.falsePositiveRate = stayed > 0 ? Double(figures.flagged - figures.truePositives) / Double(stayed) : nil
        // Lead time: each churner's earliest flag on a date within the horizon before it churned.
        var leads: [Int] = []
        var leadIndex: [Int: Int] = [:]
        var seen = Set<Int>()
        for (o, flag) in zip(rows, flags) where o.churned {
            seen.insert(o.account)
            guard flag, let churn = churnDates[o.account] else { continue }
            let lead = o.date.days(until: churn)
            if let i = leadIndex[o.account] { leads[i] = max(leads[i], lead) } else { leadIndex[o.account] = leads.count; leads.append(lead) }
        }
        figures.churnersSeen = seen.count
        figures.churnersFlaggedAhead = leads.count
        figures.medianLeadDays = Backtest.median(leads.map(Double.init))
        return figures
    }

    static func median(_ values: [Double]) -> Double? {
        guard !values.isEmpty else { return nil }
        let s = values.sorted()
        return s.count % 2 == 1 ? s[s.count / 2] : (s[s.count / 2 - 1] + s[s.count / 2]) / 2
    }

    /// Churn rate and count among observations in each group, in the given order.
    public func rates<K: Hashable>(by key: (Observation) -> K, order: [K]) -> [(key: K, observations: Int, churners: Int)] {
        let groups = Dictionary(grouping: observations, by: key)
        return order.compactMap { k in groups[k].map { (k, $0.count, $0.filter(\.churned).count) } }
    }

    /// The paired bootstrap interval of the model's AUC minus the baseline's, over accounts.
    public func aucDifference() -> Bootstrap.Interval? {
        let labels = observations.map(\.churned)
        let model = observations.map { Predictor.model.risk($0) ?? 0 }, baseline = observations.map { Predictor.baseline.risk($0) ?? 0 }
        return Backtest.interval(observations.map(\.account), [(model, labels), (baseline, labels)], seed: 13) {
            guard let m = $0[0], let b = $0[1] else { return nil }
            return m - b
        }
    }

    /// A bootstrap over accounts of a statistic of the AUCs of some rankings of the same rows.
    static func interval(_ accounts: [Int], _ rankings: [([Double], [Bool])], seed: UInt64 = 12,
                         _ statistic: @escaping ([Double?]) -> Double?) -> Bootstrap.Interval? {
        // Accounts numbered 0..<n in the order first seen.
        var group: [Int: Int] = [:]
        let rowGroup = accounts.map { a in group[a] ?? { group[a] = group.count; return group.count - 1 }() }
        let ranked = rankings.map { ROC.Ranking(scores: $0.0, labels: $0.1) }
        return Bootstrap.interval(groups: group.count, seed: seed) { counts in
            statistic(ranked.map { r in r.auc { counts[rowGroup[$0]] } })
        }
    }
}
