/// A dimension of a health model. The claw model uses the first five; the engine and
/// analyst models (seeds 002 and 004) add their own. A model's rules say which metric
/// counts in which dimension and how much.
public enum Dimension: String, CaseIterable, Codable, Sendable {
    case productUsage = "product_usage"
    case businessValue = "business_value"
    case engagement
    case technicalHealth = "technical_health"
    case relationship
    case outcomes
    case financial
    case growthSignals = "growth_signals"
    case supportHealth = "support_health"

    public var label: String {
        switch self {
        case .productUsage: return "Product usage"
        case .businessValue: return "Business value"
        case .engagement: return "Engagement"
        case .technicalHealth: return "Technical health"
        case .relationship: return "Relationship"
        case .outcomes: return "Outcomes"
        case .financial: return "Financial"
        case .growthSignals: return "Growth signals"
        case .supportHealth: return "Support health"
        }
    }
}
