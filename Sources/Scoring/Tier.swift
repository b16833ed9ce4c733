/// The four risk levels of seed 000 (P3…P0): every model's tiers map onto one, and the
/// level sets cadence and intervention.
public enum Tier: String, CaseIterable, Codable, Sendable {
    case healthy
    case warning
    case highRisk = "high_risk"
    case critical

    /// Its place in `allCases`, healthiest first, without making the list.
    public var rank: Int {
        switch self {
        case .healthy: return 0
        case .warning: return 1
        case .highRisk: return 2
        case .critical: return 3
        }
    }

    public var label: String {
        switch self {
        case .healthy: return "healthy"
        case .warning: return "warning"
        case .highRisk: return "high risk"
        case .critical: return "critical"
        }
    }

    public var emoji: String {
        switch self {
        case .healthy: return "🟢"
        case .warning: return "🟡"
        case .highRisk: return "🟠"
        case .critical: return "🔴"
        }
    }

    public var priority: String {
        switch self {
        case .healthy: return "P3"
        case .warning: return "P2"
        case .highRisk: return "P1"
        case .critical: return "P0"
        }
    }

    /// Seed 000's cadence for the tier.
    public var cadence: String {
        switch self {
        case .healthy: return "monthly value report, quarterly check-in"
        case .warning: return "weekly proactive contact"
        case .highRisk: return "weekly deep-dive, director involved, plan within 48 h"
        case .critical: return "daily follow-up, executive involvement, plan within 24 h"
        }
    }

    /// Seed 000's intervention for the tier: who acts, how often, and how soon a plan is due.
    public var intervention: (who: String, frequency: String, planWithinDays: Int) {
        switch self {
        case .healthy: return ("CSM", "monthly value report, quarterly check-in", 30)
        case .warning: return ("CSM", "weekly proactive contact", 7)
        case .highRisk: return ("CSM with the CSM director", "weekly deep-dive, daily follow-up when needed", 2)
        case .critical: return ("CSM, a CEO/VP sponsor and a retention squad", "daily follow-up until the risk clears or churn is confirmed", 1)
        }
    }

    /// At risk means P0 or P1: high risk or critical.
    public var isAtRisk: Bool { self == .highRisk || self == .critical }
}
