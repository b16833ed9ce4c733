import Scoring
import Workspace

/// Where an account is in its life, one definition for every command: onboarding for the
/// first 90 days (the window of the onboarding plan and of the onboarding churn signals),
/// expansion after it, churned from its churn date. Inside onboarding, seed 001's
/// checkpoints (day 7, 30, 90) set the goal.
public enum LifecycleStage: String, CaseIterable, Codable, Sendable {
    case onboarding, expansion, churned

    public static func of(_ account: Account, on day: Day) -> (stage: LifecycleStage, day: Int)? {
        guard let start = account.startDate, start <= day else { return nil }
        let days = start.days(until: day)
        if let churn = account.churnDate, churn <= day { return (.churned, days) }
        return (days < ChurnSignal.onboardingDays ? .onboarding : .expansion, days)
    }

    /// The goal at this day: seed 001's checkpoint ahead in onboarding.
    public func goal(day: Int) -> String {
        switch self {
        case .onboarding: return day < 7 ? "activated within 7 days" : day < 30 ? "30-day retention above 90%" : "90-day renewal rate above 80%"
        case .expansion: return "yearly expansion rate above 50%"
        case .churned: return "win back: see the win-back plan"
        }
    }
}
