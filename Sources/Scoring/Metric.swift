import Workspace

/// The scored metrics: seed 000's fifteen, then those the engine and analyst models read
/// from history, contacts, events and goals.
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
    // Read by the engine and analyst models.
    case dauMauRatio = "dau_mau_ratio"
    case loginTrend = "login_trend"
    case relationshipBreadth = "relationship_breadth"
    case goalsAchieved = "goals_achieved"
    case paymentStatus = "payment_status"
    case seatTrend = "seat_trend"
    case expansionSignals = "expansion_signals"
    case openSevereTickets = "open_severe_tickets"
    case escalations
    /// A metric of the workspace's own that a model file scores (`custom_metrics:`); its
    /// name is on the rule, the reading and the score.
    case custom

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
        case .dauMauRatio: return "DAU/MAU"
        case .loginTrend: return "login trend"
        case .relationshipBreadth: return "champion and sponsors"
        case .goalsAchieved: return "goals achieved"
        case .paymentStatus: return "payment status"
        case .seatTrend: return "seat trend"
        case .expansionSignals: return "expansion signals"
        case .openSevereTickets: return "open severe tickets"
        case .escalations: return "support escalations"
        case .custom: return "custom metric"
        }
    }
}

extension Metric {
    /// The snapshot columns a metric reads in its week (none for those read from records).
    public var inputs: [SnapshotField] {
        switch self {
        case .activeUserPenetration: return [.dau, .licensedUsers]
        case .featureDepth: return [.coreFeaturesUsed]
        case .usageFrequency: return [.conversationsPerDay]
        case .usageHours: return [.weeklyHours]
        case .userGrowth: return [.usersThisMonth, .usersLastMonth]
        case .meetingAttendance: return [.meetingsAttended, .meetingsScheduled]
        case .feedbackActivity: return [.feedbackPerMonth]
        case .community: return [.communityPostsPerMonth, .communityEventsPerMonth, .communityContributionsPerQuarter]
        case .apiErrorRate: return [.apiErrorRatePct]
        case .integrationStability: return [.integrationUptimePct]
        case .performanceSatisfaction: return [.performanceSatisfaction]
        case .nps: return [.nps]
        case .csmSatisfaction: return [.csmSatisfaction]
        case .executiveRelationship: return [.execRelationship]
        case .dauMauRatio: return [.dau, .usersThisMonth]
        case .loginTrend: return [.dau]
        case .seatTrend: return [.licensedUsers]
        case .expansionSignals: return [.usersThisMonth, .usersLastMonth]
        case .subscriptionLevel, .relationshipBreadth, .goalsAchieved, .paymentStatus, .openSevereTickets, .escalations, .custom: return []
        }
    }
}
