/// One raw metric column of a weekly snapshot (SPEC.md section 1), in the order of the
/// snapshots CSV header. Each column knows its domain, so import, `set` and export
/// validate and format it the same way.
public enum SnapshotField: String, CaseIterable, Codable, Sendable {
    case dau
    case licensedUsers = "licensed_users"
    case coreFeaturesUsed = "core_features_used"
    case conversationsPerDay = "conversations_per_day"
    case weeklyHours = "weekly_hours"
    case usersThisMonth = "users_this_month"
    case usersLastMonth = "users_last_month"
    case meetingsScheduled = "meetings_scheduled"
    case meetingsAttended = "meetings_attended"
    case feedbackPerMonth = "feedback_per_month"
    case communityPostsPerMonth = "community_posts_per_month"
    case communityEventsPerMonth = "community_events_per_month"
    case communityContributionsPerQuarter = "community_contributions_per_quarter"
    case apiErrorRatePct = "api_error_rate_pct"
    case integrationUptimePct = "integration_uptime_pct"
    case performanceSatisfaction = "performance_satisfaction"
    case nps
    case csmSatisfaction = "csm_satisfaction"
    case execRelationship = "exec_relationship"

    /// The value kinds, each with its domain.
    public enum Domain: Sendable {
        case count                  // whole number ≥ 0
        case rate                   // decimal ≥ 0 (averages, per-day and per-month figures)
        case bounded(Double, Double, whole: Bool)
        case execLevel              // regular / occasional / none

        public var describe: String {
            switch self {
            case .count: return "a whole number ≥ 0"
            case .rate: return "a number ≥ 0"
            case let .bounded(lo, hi, whole):
                return (whole ? "a whole number" : "a number") + " from \(SnapshotField.plain(lo)) to \(SnapshotField.plain(hi))"
            case .execLevel: return "regular, occasional or none"
            }
        }
    }

    public var domain: Domain {
        switch self {
        case .licensedUsers, .usersThisMonth, .usersLastMonth, .meetingsScheduled, .meetingsAttended: return .count
        case .coreFeaturesUsed: return .bounded(0, 6, whole: true)
        // DAU is the week's average of daily active users, as analytics tools export it.
        case .dau, .conversationsPerDay, .weeklyHours, .feedbackPerMonth, .communityPostsPerMonth,
             .communityEventsPerMonth, .communityContributionsPerQuarter: return .rate
        case .apiErrorRatePct, .integrationUptimePct: return .bounded(0, 100, whole: false)
        case .performanceSatisfaction, .csmSatisfaction: return .bounded(0, 10, whole: false)
        case .nps: return .bounded(-100, 100, whole: true)
        case .execRelationship: return .execLevel
        }
    }

    public var index: Int { SnapshotField.allCases.firstIndex(of: self)! }

    /// How a card names the column in "— DAU from product events".
    public var shortLabel: String {
        switch self {
        case .dau: return "DAU"
        case .usersThisMonth: return "users this month"
        case .usersLastMonth: return "users last month"
        case .coreFeaturesUsed: return "core features"
        case .conversationsPerDay: return "conversations"
        default: return rawValue.replacingOccurrences(of: "_", with: " ")
        }
    }

    /// No count or rate is larger: a billion users, meetings or conversations a day.
    public static let largestCount = 1_000_000_000.0

    /// What a count column counts, for "not a whole number".
    var countNoun: String {
        switch self {
        case .licensedUsers: return "licensed seats"
        case .usersThisMonth, .usersLastMonth: return "distinct users"
        case .meetingsScheduled, .meetingsAttended: return "meetings"
        default: return "whole things"
        }
    }

    /// The field a CSM means by a name: the column name, with spaces for underscores, or a
    /// short form ("features", "uptime", "api errors").
    public static func named(_ name: String) -> SnapshotField? {
        byName[name.lowercased().split(whereSeparator: { $0 == " " || $0 == "_" || $0 == "-" }).joined(separator: " ")]
    }

    /// Every column by its name with spaces for underscores, and the short names.
    private static let byName: [String: SnapshotField] = Dictionary(uniqueKeysWithValues: allCases.map {
        ($0.rawValue.split(separator: "_").joined(separator: " "), $0)
    }).merging(shortNames) { column, _ in column }

    static let shortNames: [String: SnapshotField] = [
        "daily active users": .dau, "licensed": .licensedUsers, "licenses": .licensedUsers, "seats": .licensedUsers,
        "features": .coreFeaturesUsed, "core features": .coreFeaturesUsed, "conversations": .conversationsPerDay,
        "hours": .weeklyHours, "usage hours": .weeklyHours, "users": .usersThisMonth, "meetings": .meetingsAttended,
        "attended": .meetingsAttended, "scheduled": .meetingsScheduled, "feedback": .feedbackPerMonth,
        "posts": .communityPostsPerMonth, "events": .communityEventsPerMonth, "contributions": .communityContributionsPerQuarter,
        "api errors": .apiErrorRatePct, "api error rate": .apiErrorRatePct, "error rate": .apiErrorRatePct,
        "uptime": .integrationUptimePct, "integration uptime": .integrationUptimePct, "performance": .performanceSatisfaction,
        "csm": .csmSatisfaction, "csm sat": .csmSatisfaction, "exec": .execRelationship, "executive relationship": .execRelationship,
        "exec relationship": .execRelationship,
        "日活": .dau, "功能": .coreFeaturesUsed, "核心功能": .coreFeaturesUsed, "错误率": .apiErrorRatePct, "api错误率": .apiErrorRatePct,
        "参会": .meetingsAttended, "参会情况": .meetingsAttended, "参加会议": .meetingsAttended, "使用时长": .weeklyHours, "对话": .conversationsPerDay,
        "座位": .licensedUsers, "席位": .licensedUsers,
    ]

    /// Parses a cell. Empty means missing data (nil); a bad value is an error message.
    public func parse(_ text: String) -> Result<Double?, FieldProblem> {
        let t = text.trimmingSpaces
        if t.isEmpty { return .success(nil) }
        switch domain {
        case .execLevel:
            switch t.lowercased() {
            case "regular", "2", "定期沟通": return .success(2)
            case "occasional", "1", "有接触": return .success(1)
            case "none", "0", "无": return .success(0)
            default: return .failure(FieldProblem("'\(t)' is not an executive relationship level: use \(domain.describe)"))
            }
        case .count:
            guard let v = Double(t.hasSuffix("%") ? "x" : t), v.isFinite else { return .failure(.notANumber(t, domain)) }
            guard v >= 0 else { return .failure(FieldProblem("\(t) is out of range: \(rawValue) must be \(domain.describe)")) }
            guard v == v.rounded() else { return .failure(FieldProblem("\(t) is not a whole number: \(rawValue) counts \(countNoun)")) }
            guard v <= SnapshotField.largestCount else { return .failure(FieldProblem("\(t) is out of range: \(rawValue) must be at most \(SnapshotField.plain(SnapshotField.largestCount))")) }
            return .success(v)
        case .rate:
            guard let v = Double(t), v.isFinite else { return .failure(.notANumber(t, domain)) }
            guard v >= 0 else { return .failure(FieldProblem("\(t) is out of range: \(rawValue) must be \(domain.describe)")) }
            guard v <= SnapshotField.largestCount else { return .failure(FieldProblem("\(t) is out of range: \(rawValue) must be at most \(SnapshotField.plain(SnapshotField.largestCount))")) }
            return .success(v)
        case let .bounded(lo, hi, whole):
            var s = t
            if s.hasSuffix("%") && (self == .apiErrorRatePct || self == .integrationUptimePct) { s.removeLast() }
            guard let v = Double(s.trimmingSpaces), v.isFinite else { return .failure(.notANumber(t, domain)) }
            guard v >= lo, v <= hi, !whole || v == v.rounded() else {
                return .failure(FieldProblem("\(t) is out of range: \(rawValue) must be \(domain.describe)"))
            }
            return .success(v)
        }
    }

    /// The cell text for a stored value; `parse(format(v)) == v`.
    public func format(_ value: Double?) -> String {
        guard let value else { return "" }
        if case .execLevel = domain { return ExecRelationship(level: value).rawValue }
        return SnapshotField.plain(value)
    }

    static func plain(_ v: Double) -> String {
        if v == v.rounded() && abs(v) < 1e15 { return String(Int64(v)) }
        return String(v)
    }
}

/// Executive relationship (seed 000 section 5C).
public enum ExecRelationship: String, Sendable {
    case regular, occasional, none

    public init(level: Double) {
        self = level >= 2 ? .regular : level >= 1 ? .occasional : .none
    }

    public var level: Double {
        switch self {
        case .regular: return 2
        case .occasional: return 1
        case .none: return 0
        }
    }
}

/// Why one value was refused.
public struct FieldProblem: Error, Equatable, Sendable {
    public let message: String
    public init(_ message: String) { self.message = message }

    static func notANumber(_ text: String, _ domain: SnapshotField.Domain) -> FieldProblem {
        FieldProblem("'\(text)' is not a number: expected \(domain.describe)")
    }
}
