/// The five dimensions of the claw model (seed 000); their maxima are their weights.
public enum Dimension: String, CaseIterable, Codable, Sendable {
    case productUsage = "product_usage"
    case businessValue = "business_value"
    case engagement
    case technicalHealth = "technical_health"
    case relationship

    public var max: Double {
        switch self {
        case .productUsage: return 30
        case .businessValue: return 25
        case .engagement: return 20
        case .technicalHealth: return 15
        case .relationship: return 10
        }
    }

    public var label: String {
        switch self {
        case .productUsage: return "Product usage"
        case .businessValue: return "Business value"
        case .engagement: return "Engagement"
        case .technicalHealth: return "Technical health"
        case .relationship: return "Relationship"
        }
    }

    public var metrics: [Metric] { Metric.allCases.filter { $0.dimension == self } }
}
