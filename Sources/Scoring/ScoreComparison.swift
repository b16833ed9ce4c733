/// What moved a score between two weeks, metric by metric, largest first (`why ACCOUNT`).
/// Each metric's move is the change in what it contributed to the total, so the moves
/// add up to the change exactly, missing-data rescaling included.
public struct ScoreComparison: Equatable, Sendable {
    public struct Move: Equatable, Sendable {
        public var before: MetricScore
        public var after: MetricScore
        /// Points of the total this metric gained (+) or lost (−).
        public var points: Double
        public var metric: Metric { after.metric }
        public var label: String { after.label }
        public var key: String { after.key }
    }

    public var before: HealthScore
    public var after: HealthScore
    /// Metrics whose contribution or reading changed, largest change first.
    public var moves: [Move]

    public var change: Double { after.total - before.total }

    public init(from before: HealthScore, to after: HealthScore) {
        self.before = before
        self.after = after
        var moves: [Move] = []
        for (b, a) in zip(before.metrics, after.metrics) {
            let delta = after.contribution(of: a.key) - before.contribution(of: b.key)
            let readingChanged = a.reading?.value != b.reading?.value || (a.points == nil) != (b.points == nil)
            guard abs(delta) >= 0.005 || readingChanged else { continue }
            moves.append(Move(before: b, after: a, points: delta))
        }
        self.moves = moves.sorted { abs($0.points) > abs($1.points) }
    }
}

extension HealthScore {
    /// Points of the total that come from `metric`: its own points, scaled like the rest
    /// of its dimension and the score when data is missing. They add up to `total`.
    public func contribution(of key: String) -> Double {
        guard let dimension = dimensions.first(where: { $0.metrics.contains { $0.key == key } }),
              let score = dimension.metrics.first(where: { $0.key == key }), let points = score.points else { return 0 }
        let covered = dimension.metrics.filter { $0.points != nil }.reduce(0) { $0 + $1.max }
        let present = dimensions.filter { $0.points != nil }.reduce(0) { $0 + $1.max }
        let all = dimensions.reduce(0) { $0 + $1.max }
        return points * (dimension.max / covered) * (all / present)
    }
}
