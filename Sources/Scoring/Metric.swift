import Workspace

/// The fifteen scored metrics of seed 000, each read from one or more raw snapshot columns.
public enum Metric: String, CaseIterable, Codable, Sendable {
    case activeUserPenetration = "active_user_penetration"
    case featureDepth = "feature_depth"
    case usageFrequency = "usage_frequency"
    case usageHours = "usage_hours"
    case userGrowth = "user_growth"
    case subscriptionLevel = "subscription_level"
    case meetingAttendance = "meeting_attendance"
    case feedbackActivity = "feedback_activity"
    case community
    case apiErrorRate = "api_error_rate"
    case integrationStability = "integration_stability"
    case performanceSatisfaction = "performance_satisfaction"
    case nps
    case csmSatisfaction = "csm_satisfaction"
    case executiveRelationship = "executive_relationship"

    public var dimension: Dimension {
        switch self {
        case .activeUserPenetration, .featureDepth, .usageFrequency: return .productUsage
        case .usageHours, .userGrowth, .subscriptionLevel: return .businessValue
        case .meetingAttendance, .feedbackActivity, .community: return .engagement
        case .apiErrorRate, .integrationStability, .performanceSatisfaction: return .technicalHealth
        case .nps, .csmSatisfaction, .executiveRelationship: return .relationship
        }
    }

    public var label: String {
        switch self {
        case .activeUserPenetration: return "active-user penetration"
        case .featureDepth: return "feature depth"
        case .usageFrequency: return "usage frequency"
        case .usageHours: return "usage hours"
        case .userGrowth: return "user growth"
        case .subscriptionLevel: return "subscription level"
        case .meetingAttendance: return "meeting attendance"
        case .feedbackActivity: return "feedback activity"
        case .community: return "community"
        case .apiErrorRate: return "API error rate"
        case .integrationStability: return "integration stability"
        case .performanceSatisfaction: return "performance satisfaction"
        case .nps: return "NPS"
        case .csmSatisfaction: return "CSM satisfaction"
        case .executiveRelationship: return "executive relationship"
        }
    }

    /// The raw columns this metric needs; any of them missing leaves the metric out.
    public var inputs: [SnapshotField] {
        switch self {
        case .activeUserPenetration: return [.dau, .licensedUsers]
        case .featureDepth: return [.coreFeaturesUsed]
        case .usageFrequency: return [.conversationsPerDay]
        case .usageHours: return [.weeklyHours]
        case .userGrowth: return [.usersThisMonth, .usersLastMonth]
        case .subscriptionLevel: return []
        case .meetingAttendance: return [.meetingsScheduled, .meetingsAttended]
        case .feedbackActivity: return [.feedbackPerMonth]
        case .community: return [.communityPostsPerMonth, .communityEventsPerMonth, .communityContributionsPerQuarter]
        case .apiErrorRate: return [.apiErrorRatePct]
        case .integrationStability: return [.integrationUptimePct]
        case .performanceSatisfaction: return [.performanceSatisfaction]
        case .nps: return [.nps]
        case .csmSatisfaction: return [.csmSatisfaction]
        case .executiveRelationship: return [.execRelationship]
        }
    }
}
