import Workspace

/// A metric's input as read from a snapshot: the number its band is applied to, and
/// how a person would say it ("50% (15 of 30 licensed)").
public struct Reading: Equatable, Sendable {
    public var value: Double
    public var parts: [Double]
    public var shown: String

    public init(value: Double, parts: [Double] = [], shown: String) {
        self.value = value
        self.parts = parts
        self.shown = shown
    }

    /// Reads `metric` from a week's snapshot and the account; nil when the data is
    /// missing or the ratio undefined (0 licensed users, 0 meetings scheduled, 0 users last month).
    public static func of(_ metric: Metric, snapshot: Snapshot, account: Account) -> Reading? {
        func v(_ f: SnapshotField) -> Double? { snapshot[f] }
        switch metric {
        case .activeUserPenetration:
            guard let dau = v(.dau), let licensed = v(.licensedUsers), licensed > 0 else { return nil }
            return Reading(value: dau / licensed, shown: "\(Format.percent(dau * 100 / licensed)) (\(Format.number(dau)) of \(Format.number(licensed)) licensed)")
        case .featureDepth:
            guard let used = v(.coreFeaturesUsed) else { return nil }
            return Reading(value: used / 6, shown: "\(Format.number(used)) of 6 core features")
        case .usageFrequency:
            guard let c = v(.conversationsPerDay) else { return nil }
            return Reading(value: c, shown: "\(Format.number(c)) conversations/day")
        case .usageHours:
            guard let h = v(.weeklyHours) else { return nil }
            return Reading(value: h, shown: "\(Format.number(h)) h/week")
        case .userGrowth:
            guard let now = v(.usersThisMonth), let before = v(.usersLastMonth), before > 0 else { return nil }
            let growth = (now - before) * 100 / before
            return Reading(value: growth, shown: "\(Format.signedPercent(growth)) (\(Format.number(now)) vs \(Format.number(before)) users)")
        case .subscriptionLevel:
            if let plan = account.plan, let level = SubscriptionPlan(parsing: plan) {
                return Reading(value: level.points, shown: level.rawValue)
            }
            guard let arr = account.arr else { return nil }
            return Reading(value: arr.dollars, parts: [arr.dollars], shown: "ARR \(arr)")
        case .meetingAttendance:
            guard let scheduled = v(.meetingsScheduled), let attended = v(.meetingsAttended), scheduled > 0 else { return nil }
            return Reading(value: attended / scheduled, shown: "\(Format.percent(attended * 100 / scheduled)) (\(Format.number(attended)) of \(Format.number(scheduled)) meetings)")
        case .feedbackActivity:
            guard let f = v(.feedbackPerMonth) else { return nil }
            return Reading(value: f, shown: "\(Format.number(f))/month")
        case .community:
            guard let posts = v(.communityPostsPerMonth), let events = v(.communityEventsPerMonth),
                  let contributions = v(.communityContributionsPerQuarter) else { return nil }
            return Reading(value: posts, parts: [posts, events, contributions],
                           shown: "\(Format.count(posts, "post")), \(Format.count(events, "event")), \(Format.count(contributions, "contribution"))")
        case .apiErrorRate:
            guard let e = v(.apiErrorRatePct) else { return nil }
            return Reading(value: e, shown: "\(Format.number(e))% failed calls")
        case .integrationStability:
            guard let u = v(.integrationUptimePct) else { return nil }
            return Reading(value: u, shown: "\(Format.number(u))% uptime")
        case .performanceSatisfaction:
            guard let s = v(.performanceSatisfaction) else { return nil }
            return Reading(value: s, shown: "\(Format.number(s))/10")
        case .nps:
            guard let n = v(.nps) else { return nil }
            return Reading(value: n, shown: Format.number(n))
        case .csmSatisfaction:
            guard let s = v(.csmSatisfaction) else { return nil }
            return Reading(value: s, shown: "\(Format.number(s))/10")
        case .executiveRelationship:
            guard let level = v(.execRelationship) else { return nil }
            return Reading(value: level, shown: ExecRelationship(level: level).rawValue)
        }
    }
}

/// Seed 000's subscription levels, by plan name.
public enum SubscriptionPlan: String, CaseIterable, Sendable {
    case enterprise, professional, growth, starter

    public init?(parsing text: String) {
        self.init(rawValue: text.comparable)
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
