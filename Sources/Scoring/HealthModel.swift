import Workspace

/// A health model: for each metric its maximum points and its band table.
/// `claw` is seed 000's model as SPEC.md section 1 reads it.
public struct HealthModel: Sendable {
    public struct Rule: Sendable {
        public var metric: Metric
        public var max: Double
        public var points: PointsRule
    }

    public var name: String
    public var rules: [Rule]

    public func rule(_ metric: Metric) -> Rule? { rules.first { $0.metric == metric } }

    public static let claw = HealthModel(name: "claw", rules: [
        Rule(metric: .activeUserPenetration, max: 10, points: .proportional),
        Rule(metric: .featureDepth, max: 10, points: .proportional),
        Rule(metric: .usageFrequency, max: 10, points: .steps([atLeast(10, 10), atLeast(7, 8), atLeast(5, 6), atLeast(3, 4), atLeast(1, 2)], otherwise: 0)),
        Rule(metric: .usageHours, max: 10, points: .steps([atLeast(40, 10), atLeast(30, 8), atLeast(20, 6), atLeast(10, 4)], otherwise: 2)),
        Rule(metric: .userGrowth, max: 10, points: .steps([atLeast(20, 10), atLeast(10, 8), atLeast(5, 6), atLeast(0, 4)], otherwise: 0)),
        Rule(metric: .subscriptionLevel, max: 5, points: .planOrARR([above(10_000, 5), atLeast(5_000, 4), atLeast(1_000, 3)], otherwise: 2)),
        Rule(metric: .meetingAttendance, max: 8, points: .proportional),
        Rule(metric: .feedbackActivity, max: 6, points: .steps([atLeast(3, 6), atLeast(2, 5), atLeast(1, 4)], otherwise: 2)),
        Rule(metric: .community, max: 6, points: .sum([atLeast(5, 3), atLeast(1, 2), atLeast(1, 1)])),
        Rule(metric: .apiErrorRate, max: 5, points: .steps([below(0.5, 5), atMost(1, 4), atMost(2, 3), atMost(5, 1)], otherwise: 0)),
        Rule(metric: .integrationStability, max: 5, points: .steps([atLeast(99.9, 5), atLeast(99, 4), atLeast(95, 3)], otherwise: 0)),
        Rule(metric: .performanceSatisfaction, max: 5, points: .steps([atLeast(9, 5), atLeast(8, 4), atLeast(7, 3), atLeast(6, 2)], otherwise: 0)),
        Rule(metric: .nps, max: 5, points: .steps([atLeast(50, 5), atLeast(30, 4), atLeast(10, 3), atLeast(-10, 2)], otherwise: 0)),
        Rule(metric: .csmSatisfaction, max: 3, points: .steps([atLeast(9, 3), atLeast(8, 2)], otherwise: 0)),
        Rule(metric: .executiveRelationship, max: 2, points: .steps([atLeast(2, 2), atLeast(1, 1)], otherwise: 0)),
    ])

    /// Scores one week. Missing metrics are left out and the rest of their dimension scaled
    /// up to its maximum; a dimension with no data is left out and the others scaled to 100.
    public func score(_ snapshot: Snapshot, account: Account) -> HealthScore {
        var dimensions: [DimensionScore] = []
        dimensions.reserveCapacity(Dimension.allCases.count)
        var earned = 0.0, possible = 0.0, allMax = 0.0, covered = 0.0
        for dimension in Dimension.allCases {
            var metrics: [MetricScore] = []
            metrics.reserveCapacity(3)
            var dimEarned = 0.0, dimPossible = 0.0, dimMax = 0.0
            for rule in rules where rule.metric.dimension == dimension {
                let reading = Reading.of(rule.metric, snapshot: snapshot, account: account)
                let points = reading.map { rule.points.points(for: $0, max: rule.max) }
                metrics.append(MetricScore(metric: rule.metric, reading: reading, points: points, max: rule.max))
                dimMax += rule.max
                if let points { dimEarned += points; dimPossible += rule.max }
            }
            let points = dimPossible > 0 ? dimEarned / dimPossible * dimMax : nil
            dimensions.append(DimensionScore(dimension: dimension, points: points, max: dimMax, metrics: metrics))
            allMax += dimMax
            covered += dimPossible
            if let points { earned += points; possible += dimMax }
        }
        let total = possible > 0 ? earned / possible * allMax : 0
        return HealthScore(week: snapshot.week, total: total, coverage: allMax > 0 ? covered / allMax : 0, dimensions: dimensions)
    }
}
