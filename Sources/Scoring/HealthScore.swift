import Workspace

/// One week's health score with everything that produced it.
public struct HealthScore: Equatable, Sendable {
    public var week: Day
    /// 0…100, unrounded; `shown` is what to print.
    public var total: Double
    /// Share of the model's points backed by data, 0…1.
    public var coverage: Double
    public var dimensions: [DimensionScore]
    /// The model's tier for the score (with the account's segment cut-offs).
    public var band: TierScheme.Band
    /// One decimal, never rounded across a cut-off.
    public var shown: Double

    /// The risk level the tier maps to (P3…P0).
    public var tier: Tier { band.level }
    /// Below 60 % coverage the tier is not to be trusted (SPEC.md section 1).
    public var lowConfidence: Bool { coverage < 0.6 }
    public var metrics: [MetricScore] { dimensions.flatMap(\.metrics) }
    public var missing: [MetricScore] { metrics.filter { $0.points == nil } }
}

public struct DimensionScore: Equatable, Sendable {
    public var dimension: Dimension
    /// Scaled to `max` when some metrics are missing; nil when none has data.
    public var points: Double?
    public var max: Double
    public var metrics: [MetricScore]
}

public struct MetricScore: Equatable, Sendable {
    public var metric: Metric
    public var reading: Reading?
    public var points: Double?
    public var max: Double
    /// A custom metric's name.
    public var name: String? = nil

    /// How a card names it.
    public var label: String { name ?? metric.label }
    /// What JSON and comparisons key it by.
    public var key: String { name ?? metric.rawValue }

    /// Points as a share of the maximum, for ranking strengths and risks.
    public var ratio: Double? { points.map { $0 / max } }
}
