import Workspace

/// A metric's input as read from a snapshot: the number its band is applied to, the
/// raw inputs behind it, and how a person would say it ("50% (15 of 30 licensed)").
/// `shown` is built only when printed: scoring a whole book must not format strings.
public struct Reading: Equatable, Sendable {
    public var metric: Metric
    public var value: Double
    /// Up to three raw inputs, held inline: scoring a book of 10,000 accounts must not
    /// allocate an array per metric.
    private var p0, p1, p2: Double
    /// The plan name, for the subscription level.
    var plan: String?

    public init(metric: Metric, value: Double, parts: [Double] = [], plan: String? = nil) {
        self.metric = metric
        self.value = value
        p0 = parts.count > 0 ? parts[0] : value
        p1 = parts.count > 1 ? parts[1] : 0
        p2 = parts.count > 2 ? parts[2] : 0
        self.plan = plan
    }

    init(metric: Metric, value: Double, _ p0: Double, _ p1: Double = 0, _ p2: Double = 0) {
        self.metric = metric
        self.value = value
        self.p0 = p0
        self.p1 = p1
        self.p2 = p2
    }

    /// The raw inputs: (DAU, licensed), (attended, scheduled), (posts, events, contributions) …
    public var parts: [Double] { [p0, p1, p2] }

    /// Reads `metric` from a week's snapshot and the account; nil when the data is
    /// missing or the ratio undefined (0 licensed users, 0 meetings scheduled, 0 users last month).
    public static func of(_ metric: Metric, snapshot: Snapshot, account: Account) -> Reading? {
        func v(_ f: SnapshotField) -> Double? { snapshot[f] }
        func single(_ f: SnapshotField) -> Reading? { v(f).map { Reading(metric: metric, value: $0, $0) } }
        switch metric {
        case .activeUserPenetration:
            guard let dau = v(.dau), let licensed = v(.licensedUsers), licensed > 0 else { return nil }
            return Reading(metric: metric, value: dau / licensed, dau, licensed)
        case .featureDepth:
            guard let used = v(.coreFeaturesUsed) else { return nil }
            return Reading(metric: metric, value: used / 6, used)
        case .userGrowth:
            guard let now = v(.usersThisMonth), let before = v(.usersLastMonth), before > 0 else { return nil }
            return Reading(metric: metric, value: (now - before) * 100 / before, now, before)
        case .subscriptionLevel:
            if let plan = account.plan, let level = SubscriptionPlan(parsing: plan) {
                return Reading(metric: metric, value: level.points, plan: level.rawValue)
            }
            guard let arr = account.arr else { return nil }
            return Reading(metric: metric, value: arr.dollars, arr.dollars)
        case .meetingAttendance:
            guard let scheduled = v(.meetingsScheduled), let attended = v(.meetingsAttended), scheduled > 0 else { return nil }
            return Reading(metric: metric, value: attended / scheduled, attended, scheduled)
        case .community:
            guard let posts = v(.communityPostsPerMonth), let events = v(.communityEventsPerMonth),
                  let contributions = v(.communityContributionsPerQuarter) else { return nil }
            return Reading(metric: metric, value: posts, posts, events, contributions)
        case .usageFrequency: return single(.conversationsPerDay)
        case .usageHours: return single(.weeklyHours)
        case .feedbackActivity: return single(.feedbackPerMonth)
        case .apiErrorRate: return single(.apiErrorRatePct)
        case .integrationStability: return single(.integrationUptimePct)
        case .performanceSatisfaction: return single(.performanceSatisfaction)
        case .nps: return single(.nps)
        case .csmSatisfaction: return single(.csmSatisfaction)
        case .executiveRelationship: return single(.execRelationship)
        }
    }

    /// The reading as a CSM would say it.
    public var shown: String {
        let n = Format.number
        let parts = [p0, p1, p2]
        switch metric {
        case .activeUserPenetration: return "\(Format.percent(parts[0] * 100 / parts[1])) (\(n(parts[0])) of \(n(parts[1])) licensed)"
        case .featureDepth: return "\(n(parts[0])) of 6 core features"
        case .usageFrequency: return "\(n(value)) conversations/day"
        case .usageHours: return "\(n(value)) h/week"
        case .userGrowth: return "\(Format.signedPercent(value)) (\(n(parts[0])) vs \(n(parts[1])) users)"
        case .subscriptionLevel: return plan ?? "ARR \(Money(cents: Int64((value * 100).rounded())))"
        case .meetingAttendance: return "\(Format.percent(parts[0] * 100 / parts[1])) (\(n(parts[0])) of \(n(parts[1])) meetings)"
        case .feedbackActivity: return "\(n(value))/month"
        case .community:
            return "\(Format.count(parts[0], "post")), \(Format.count(parts[1], "event")), \(Format.count(parts[2], "contribution"))"
        case .apiErrorRate: return "\(n(value))% failed calls"
        case .integrationStability: return "\(n(value))% uptime"
        case .performanceSatisfaction, .csmSatisfaction: return "\(n(value))/10"
        case .nps: return n(value)
        case .executiveRelationship: return ExecRelationship(level: value).rawValue
        }
    }
}

/// Seed 000's subscription levels, by plan name.
public enum SubscriptionPlan: String, CaseIterable, Sendable {
    case enterprise, professional, growth, starter

    public init?(parsing text: String) {
        guard let plan = SubscriptionPlan(rawValue: text) ?? SubscriptionPlan(rawValue: text.comparable) else { return nil }
        self = plan
    }

    public var points: Double {
        switch self {
        case .enterprise: return 5
        case .professional: return 4
        case .growth: return 3
        case .starter: return 2
        }
    }
}
