import Workspace

/// A health model: rules (which metric counts in which dimension, its maximum and its
/// band table) and the tier cut-offs, optionally per segment. `claw` is the default;
/// `engine` and `analyst` follow seeds 002 and 004; model.yaml may adjust any of them.
public struct HealthModel: Sendable {
    public struct Rule: Sendable {
        public var metric: Metric
        public var dimension: Dimension
        /// Points at most, weighting included.
        public var max: Double { base * scale }
        /// The maximum the band table is written for.
        public var base: Double
        public var points: PointsRule
        /// Set by a model file's weights: the dimension's new maximum ÷ its default.
        public var scale = 1.0
        /// A custom metric's name (`metric` is `.custom`).
        public var name: String?

        public var label: String { name ?? metric.label }
        public var key: String { name ?? metric.rawValue }

        public init(_ metric: Metric, in dimension: Dimension, max: Double, _ points: PointsRule) {
            self.metric = metric
            self.dimension = dimension
            self.base = max
            self.points = points
        }

        public func points(for reading: Reading) -> Double { points.points(for: reading, max: base) * scale }
    }

    public var name: String
    public var rules: [Rule]
    public var tiers: TierScheme
    public var segmentTiers: [Segment: TierScheme]
    /// The day the workspace's weeks end (model.yaml `week_ends:`): a snapshot dated
    /// inside a week is that week's, and `set` writes the week that ended last.
    public var weekEnds: Weekday = .sunday
    /// How product events become usage metrics (model.yaml `usage:`).
    public var usage = UsageRules.none
    /// Alerts on metrics of the workspace's own (model.yaml `monitors:`).
    public var monitors: [CustomMonitor] = []
    /// A churn model `calibrate` fitted, put in force by `fitted:` in model.yaml: churn risk
    /// levels come from its probability.
    public var fitted: FittedChurnModel?

    public init(name: String, rules: [Rule], tiers: TierScheme, segmentTiers: [Segment: TierScheme] = [:]) {
        self.name = name
        self.rules = rules
        self.tiers = tiers
        self.segmentTiers = segmentTiers
    }

    public func rule(_ metric: Metric) -> Rule? { rules.first { $0.metric == metric } }

    /// The metrics of the workspace's own that the model reads: its custom rules and monitors.
    public var customNames: [String] {
        let monitored = monitors.map(\.metric).filter { name in SnapshotField.named(name) == nil && !rules.contains { $0.name == name } }
        let fittedOnly = (fitted?.customNames ?? []).filter { name in !rules.contains { $0.name == name } && !monitored.contains(name) }
        return rules.compactMap(\.name) + monitored + fittedOnly
    }

    /// The dimensions the model scores, in the order of its rules.
    public var dimensions: [Dimension] {
        rules.reduce(into: []) { if !$0.contains($1.dimension) { $0.append($1.dimension) } }
    }

    /// How many weeks before a scored week the model reads (trends over four weeks).
    public var historyWeeks: Int {
        rules.contains { [.loginTrend, .seatTrend].contains($0.metric) } ? 4 : 0
    }

    /// Whether any rule reads contacts, events or goals (the claw model reads none).
    public var readsRecords: Bool {
        let fromRecords: Set<Metric> = [.relationshipBreadth, .goalsAchieved, .paymentStatus, .expansionSignals, .openSevereTickets, .escalations]
        return rules.contains { fromRecords.contains($0.metric) }
    }

    public func maximum(of dimension: Dimension) -> Double {
        rules.filter { $0.dimension == dimension }.reduce(0) { $0 + $1.max }
    }

    public func tiers(for segment: Segment?) -> TierScheme {
        segment.flatMap { segmentTiers[$0] } ?? tiers
    }

    /// Scores one week. Missing metrics are left out and the rest of their dimension scaled
    /// up to its maximum; a dimension with no data is left out and the others scaled to 100.
    public func score(_ snapshot: Snapshot, history: ArraySlice<Snapshot> = [], records: AccountRecords) -> HealthScore {
        evaluate(snapshot, history: history, records: records, detailed: true)
    }

    /// The week's total, tier and printed score without the per-metric detail: what a
    /// book of 10,000 accounts needs for every week but the latest.
    public func week(_ snapshot: Snapshot, history: ArraySlice<Snapshot> = [], records: AccountRecords) -> HealthScore {
        evaluate(snapshot, history: history, records: records, detailed: false)
    }

    private func evaluate(_ snapshot: Snapshot, history: ArraySlice<Snapshot>, records: AccountRecords, detailed: Bool) -> HealthScore {
        var dimensions: [DimensionScore] = []
        var earned = 0.0, possible = 0.0, allMax = 0.0, covered = 0.0
        for dimension in self.dimensions {
            var metrics: [MetricScore] = []
            if detailed { metrics.reserveCapacity(4) }
            var dimEarned = 0.0, dimPossible = 0.0, dimMax = 0.0
            for rule in rules where rule.dimension == dimension {
                let reading = rule.name.map { Reading.custom($0, snapshot: snapshot) }
                    ?? Reading.of(rule.metric, snapshot: snapshot, history: history, records: records)
                let points = reading.map { rule.points(for: $0) }
                if detailed { metrics.append(MetricScore(metric: rule.metric, reading: reading, points: points, max: rule.max, name: rule.name)) }
                dimMax += rule.max
                if let points { dimEarned += points; dimPossible += rule.max }
            }
            let points = dimPossible > 0 ? dimEarned / dimPossible * dimMax : nil
            if detailed { dimensions.append(DimensionScore(dimension: dimension, points: points, max: dimMax, metrics: metrics)) }
            allMax += dimMax
            covered += dimPossible
            if let points { earned += points; possible += dimMax }
        }
        let total = possible > 0 ? earned / possible * allMax : 0
        let scheme = tiers(for: records.account.segment)
        return HealthScore(week: snapshot.week, total: total, coverage: allMax > 0 ? covered / allMax : 0, dimensions: dimensions,
                           band: scheme.band(for: total), shown: scheme.shown(total))
    }

    /// One week of one account, with nothing else known (tests, what-if on the claw model).
    public func score(_ snapshot: Snapshot, account: Account) -> HealthScore {
        score(snapshot, records: AccountRecords(account: account))
    }

    public static func named(_ name: String) -> HealthModel? {
        [claw, engine, analyst].first { $0.name == name }
    }
}
