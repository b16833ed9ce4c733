import Workspace

/// A model's named tiers and their cut-offs, highest first; each maps to one of the four
/// risk levels (P3…P0) that drive cadence and interventions. Half-open at the top.
public struct TierScheme: Equatable, Sendable {
    public struct Band: Equatable, Sendable {
        public var name: String
        public var emoji: String
        public var lowerBound: Double
        public var level: Tier

        public init(_ name: String, _ emoji: String, from lowerBound: Double, level: Tier) {
            self.name = name
            self.emoji = emoji
            self.lowerBound = lowerBound
            self.level = level
        }

        /// `high_risk` prints as "high risk".
        public var label: String { String(name.map { $0 == "_" ? " " : $0 }) }
    }

    public var bands: [Band]

    public init(_ bands: [Band]) { self.bands = bands }

    public func band(for score: Double) -> Band {
        bands.first { score >= $0.lowerBound } ?? bands.last!
    }

    /// The score to print: one decimal, never rounded across a cut-off (79.96 prints 79.9).
    public func shown(_ score: Double) -> Double {
        let rounded = (score * 10).rounded() / 10
        if band(for: rounded) == band(for: score) { return rounded }
        return (score * 10).rounded(.down) / 10
    }

    /// Seed 000 (claw): healthy 80, warning 60, high risk 40.
    public static let claw = TierScheme([
        Band("healthy", "🟢", from: 80, level: .healthy), Band("warning", "🟡", from: 60, level: .warning),
        Band("high_risk", "🟠", from: 40, level: .highRisk), Band("critical", "🔴", from: 0, level: .critical),
    ])

    /// Seed 002 (engine): thriving 80, healthy 60, at-risk 40.
    public static let engine = TierScheme([
        Band("thriving", "🟢", from: 80, level: .healthy), Band("healthy", "🟡", from: 60, level: .warning),
        Band("at_risk", "🟠", from: 40, level: .highRisk), Band("critical", "🔴", from: 0, level: .critical),
    ])

    /// Seed 004 (analyst): thriving 85, healthy 70, neutral 50, at-risk 30.
    public static let analyst = TierScheme([
        Band("thriving", "🟢", from: 85, level: .healthy), Band("healthy", "🟢", from: 70, level: .healthy),
        Band("neutral", "🟡", from: 50, level: .warning), Band("at_risk", "🟠", from: 30, level: .highRisk),
        Band("critical", "🔴", from: 0, level: .critical),
    ])
}
