import Workspace

/// Seed 001's lifecycle stages, by days since the start date:
/// onboarding 0–7 d, growth 7–30 d, maturity 30–90 d, expansion 90 d+.
public enum LifecycleStage: String, CaseIterable, Codable, Sendable {
    case onboarding, growth, maturity, expansion

    public static func of(_ account: Account, on day: Day) -> (stage: LifecycleStage, day: Int)? {
        guard let start = account.startDate, start <= day else { return nil }
        let days = start.days(until: day)
        let stage: LifecycleStage = days < 7 ? .onboarding : days < 30 ? .growth : days < 90 ? .maturity : .expansion
        return (stage, days)
    }

    /// Seed 001's goal for the stage.
    public var goal: String {
        switch self {
        case .onboarding: return "activated within 7 days"
        case .growth: return "30-day retention above 90%"
        case .maturity: return "90-day renewal rate above 80%"
        case .expansion: return "yearly expansion rate above 50%"
        }
    }
}
