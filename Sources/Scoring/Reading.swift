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
    /// The week a carried-forward survey answer was given (`SurveyCarry`).
    public var carriedFrom: Day?
    /// The snapshot fields behind it that were derived from product events (bit = field index).
    public var fromEvents: UInt32 = 0
    /// A custom metric's name.
    public var name: String?

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

    /// Reads `metric` from a week's snapshot, the weeks before it (oldest first) and the
    /// account's records; nil when the data is missing or the ratio undefined (0 licensed
    /// users, 0 meetings scheduled, 0 users last month, no goals, no payment on record).
    public static func of(_ metric: Metric, snapshot: Snapshot, history: ArraySlice<Snapshot> = [], records: AccountRecords) -> Reading? {
        guard var reading = read(metric, snapshot: snapshot, history: history, records: records) else { return nil }
        if snapshot.fromEvents != 0 { reading.fromEvents = snapshot.fromEvents & metric.inputs.reduce(0) { $0 | 1 << UInt32($1.index) } }
        return reading
    }

    /// A metric of the workspace's own in this week, when the snapshot carries it.
    public static func custom(_ name: String, snapshot: Snapshot) -> Reading? {
        guard let value = snapshot.custom[CustomMetric.key(name)] else { return nil }
        var reading = Reading(metric: .custom, value: value, value)
        reading.name = name
        return reading
    }

    private static func read(_ metric: Metric, snapshot: Snapshot, history: ArraySlice<Snapshot>, records: AccountRecords) -> Reading? {
        func v(_ f: SnapshotField) -> Double? { snapshot[f] }
        func single(_ f: SnapshotField) -> Reading? {
            v(f).map { var r = Reading(metric: metric, value: $0, $0); r.carriedFrom = snapshot.carried?[f]; return r }
        }
        /// The value four weeks back, or from the earliest week when the history is shorter.
        func monthAgo(_ f: SnapshotField) -> (value: Double, weeks: Double)? {
            guard !history.isEmpty else { return nil }
            let i = max(history.startIndex, history.endIndex - 4)
            return history[i][f].map { ($0, Double(history.endIndex - i)) }
        }
        let account = records.account
        let today = snapshot.week
        func recent(_ days: Int) -> [Event] { records.events.filter { $0.date <= today && $0.date.days(until: today) <= days } }
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
        case .dauMauRatio:
            guard let dau = v(.dau), let mau = v(.usersThisMonth), mau > 0 else { return nil }
            return Reading(metric: metric, value: min(dau / mau, 1), dau, mau)
        case .loginTrend:
            guard let now = v(.dau), let (before, weeks) = monthAgo(.dau), before > 0 else { return nil }
            return Reading(metric: metric, value: (now - before) * 100 / before, now, before, weeks)
        case .seatTrend:
            guard let now = v(.licensedUsers), let (before, weeks) = monthAgo(.licensedUsers), before > 0 else { return nil }
            return Reading(metric: metric, value: (now - before) * 100 / before, now, before, weeks)
        case .relationshipBreadth:
            // No contact on record at all is a data gap; a role vacated by a departure is not.
            guard records.recordsContacts else { return nil }
            let roles = Set(records.contacts(on: today).compactMap(\.role))
            let level: Double = !roles.contains(.champion) ? 0 : !roles.contains(.executiveSponsor) ? 1 : roles.count < 3 ? 2 : 3
            return Reading(metric: metric, value: level, Double(roles.count))
        case .goalsAchieved:
            let goals = records.goals
            guard !goals.isEmpty else { return nil }
            let achieved = Double(goals.filter(\.isAchieved).count)
            return Reading(metric: metric, value: achieved / Double(goals.count), achieved, Double(goals.count))
        case .paymentStatus:
            let payments = records.events.filter { $0.date <= today }
            let late = recent(180).filter { [EventKind.paymentLate.rawValue, EventKind.paymentRefused.rawValue].contains($0.kind) }
            let expanding = recent(90).contains { EventKind(rawValue: $0.kind).map(EventKind.expansion.contains) ?? false }
            if !late.isEmpty { return Reading(metric: metric, value: 0, Double(late.count)) }
            if expanding { return Reading(metric: metric, value: 2, 0) }
            guard payments.contains(where: { $0.kind == EventKind.paymentOnTime.rawValue }) else { return nil }
            return Reading(metric: metric, value: 1, 0)
        case .expansionSignals:
            var count = Double(recent(90).filter { EventKind(rawValue: $0.kind).map(EventKind.expansion.contains) ?? false }.count)
            if let now = v(.usersThisMonth), let before = v(.usersLastMonth), before > 0, (now - before) / before >= 0.1 { count += 1 }
            return Reading(metric: metric, value: count, count)
        case .openSevereTickets:
            let all = records.events.filter { $0.date <= today }
            let open = all.filter { $0.kind == EventKind.severeTicketOpened.rawValue }.count - all.filter { $0.kind == EventKind.severeTicketClosed.rawValue }.count
            return Reading(metric: metric, value: Double(max(open, 0)), Double(max(open, 0)))
        case .escalations:
            let count = Double(recent(90).filter { $0.kind == EventKind.supportEscalation.rawValue }.count)
            return Reading(metric: metric, value: count, count)
        case .custom: return nil
        }
    }

    /// The reading as a CSM would say it; a carried survey answer says since when, a value
    /// derived from product events says so.
    public var shown: String {
        var text = carriedFrom.map { "\(said) (carried from the week ending \($0))" } ?? said
        if fromEvents != 0 {
            let names = SnapshotField.allCases.filter { fromEvents & 1 << UInt32($0.index) != 0 }.map(\.shortLabel)
            text += " — \(names.joined(separator: ", ")) from product events"
        }
        return text
    }

    var said: String {
        let n = Format.number
        let parts = [p0, p1, p2]
        switch metric {
        case .activeUserPenetration:
            // More active users than seats is seat overage (an expansion signal), not "12000%".
            if parts[0] > parts[1] {
                return "seat overage: \(n(parts[0])) active, \(n(parts[1])) licensed (+\(n(parts[0] - parts[1])))"
            }
            return "\(Format.percent(parts[0] * 100 / parts[1])) (\(n(parts[0])) of \(n(parts[1])) licensed)"
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
        case .dauMauRatio: return "\(Format.percent(value * 100)) (\(n(parts[0])) DAU of \(n(parts[1])) monthly users)"
        case .loginTrend, .seatTrend:
            let direction = value > 5 ? "up" : value < -5 ? "down" : "flat"
            return "\(direction): \(metric == .loginTrend ? "DAU" : "seats") \(n(parts[1])) → \(n(parts[0])) (\(Format.signedPercent(value)) in \(Format.count(parts[2], "week")))"
        case .relationshipBreadth:
            return ["no champion", "champion only", "champion and executive sponsor", "champion, sponsor and technical lead"][Int(value)]
        case .goalsAchieved: return "\(n(parts[0])) of \(n(parts[1])) goals achieved"
        case .paymentStatus: return value == 0 ? "late or refused (\(n(parts[0])) in 180 days)" : value == 2 ? "paying, and expanding" : "paid on time"
        case .expansionSignals: return value == 1 ? "1 signal" : "\(n(value)) signals"
        case .openSevereTickets: return value == 1 ? "1 open" : "\(n(value)) open"
        case .escalations: return "\(n(value)) in 90 days"
        case .custom: return n(value)
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
