/// One account's stored product usage over a window of days, and the weekly metrics it
/// gives (seed 000's usage metrics, and each event's counts).
public struct UsageHistory: Sendable {
    public struct UserDay: Sendable { public var day: Int; public var user: Int64; public var events: UInt64 }
    public struct EventDay: Sendable { public var day: Int; public var event: Int64; public var count: Int64; public var users: Int64? }

    public var coverage: UsageCoverage
    /// Every event name of the workspace, by id.
    public var events: [Int64: String]
    public var userDays: [UserDay]
    public var eventDays: [EventDay]

    public init(coverage: UsageCoverage, events: [Int64: String], userDays: [UserDay], eventDays: [EventDay]) {
        self.coverage = coverage
        self.events = events
        self.userDays = userDays
        self.eventDays = eventDays
    }

    /// A week's metrics read up to 60 days back (users last month).
    public static let lookbackDays = 59

    /// Days of a 30-day month, and of the "per 28 days" window.
    static let month = 30, fourWeeks = 28

    /// The bits of the events that make a user active.
    func activeMask(_ rules: UsageRules) -> UInt64 {
        guard rules.active != nil else { return ~0 }
        return events.reduce(0) { rules.isActivity($1.value) ? $0 | UsageSlice.bit(event: $1.key) : $0 }
    }

    /// The usage metrics of the week ending `end` that the data supports, by snapshot field.
    public func derived(weekEnding end: Day, rules: UsageRules) -> [SnapshotField: Double] {
        let e = end.ordinal
        let week = (e - 6)...e
        guard coverage.covers(week) else { return [:] }
        var values: [SnapshotField: Double] = [:]
        let mask = activeMask(rules)
        // DAU: the week's average of each day's distinct active users.
        var activeByDay: [Int: Int] = [:]
        for u in userDays where week.contains(u.day) && u.events & mask != 0 { activeByDay[u.day, default: 0] += 1 }
        var rowsByDay: [Int: [EventDay]] = [:]
        for row in eventDays where week.contains(row.day) && rules.isActivity(events[row.event] ?? "") { rowsByDay[row.day, default: []].append(row) }
        var total = 0.0
        var known = true
        for d in week {
            if coverage.covers(d...d, usersKnown: true) {
                total += Double(activeByDay[d] ?? 0)
            } else if let rows = rowsByDay[d] {
                // Daily counts give each event's users: the day's active users are at least the most of them.
                guard let most = rows.compactMap(\.users).max() else { known = false; break }
                total += Double(most)
            }
        }
        if known { values[.dau] = total / 7 }
        func distinctUsers(_ days: ClosedRange<Int>) -> Double? {
            guard coverage.covers(days, usersKnown: true) else { return nil }
            return Double(Set(userDays.lazy.filter { days.contains($0.day) && $0.events & mask != 0 }.map(\.user)).count)
        }
        values[.usersThisMonth] = distinctUsers((e - UsageHistory.month + 1)...e)
        values[.usersLastMonth] = distinctUsers((e - 2 * UsageHistory.month + 1)...(e - UsageHistory.month))
        let inWeek = eventDays.filter { week.contains($0.day) && $0.count > 0 }
        if !rules.coreFeatures.isEmpty {
            let used = Set(inWeek.compactMap { events[$0.event] }.filter(rules.isCoreFeature).map(UsageRules.key))
            values[.coreFeaturesUsed] = Double(min(used.count, UsageRules.maxCoreFeatures))
        }
        if !rules.conversations.isEmpty {
            values[.conversationsPerDay] = Double(inWeek.filter { rules.isConversation(events[$0.event] ?? "") }.reduce(0) { $0 + $1.count }) / 7
        }
        return values
    }

    /// The week ends (on `weekEnds`, up to `through`) whose seven days are all covered.
    public func coveredWeeks(weekEnds: Weekday, through: Day) -> [Day] {
        guard let first = coverage.spans.map(\.first).min() else { return [] }
        var weeks: [Day] = []
        var end = first.weekEnd(on: weekEnds)
        let last = through.lastWeekEnd(on: weekEnds)
        while end <= last {
            if coverage.covers((end.ordinal - 6)...end.ordinal) { weeks.append(end) }
            end = end.adding(days: 7)
        }
        return weeks
    }

    /// `snapshots` with what the events say filled in: a value a snapshot holds wins; a
    /// missing one (or a week with no snapshot) takes the derived value, marked as such.
    public func merged(into snapshots: [Snapshot], accountID: Int64, rules: UsageRules, weekEnds: Weekday, through: Day) -> [Snapshot] {
        var byWeek = Dictionary(uniqueKeysWithValues: snapshots.map { ($0.week, $0) })
        for week in coveredWeeks(weekEnds: weekEnds, through: through) {
            let derived = derived(weekEnding: week, rules: rules)
            guard !derived.isEmpty else { continue }
            var snapshot = byWeek[week] ?? Snapshot(accountID: accountID, week: week)
            for (field, value) in derived where snapshot[field] == nil {
                snapshot[field] = value
                snapshot.fromEvents |= 1 << UInt32(field.index)
            }
            byWeek[week] = snapshot
        }
        return byWeek.values.sorted { $0.week < $1.week }
    }

    /// Each event's counts as metrics over these weeks: per week, per 28 days and per
    /// active user (the week's count ÷ the users active in it).
    public func eventMetrics(weeks: [Day], rules: UsageRules) -> [CustomMetric] {
        let mask = activeMask(rules)
        var perWeek: [Int64: [(Day, Double)]] = [:], perFourWeeks: [Int64: [(Day, Double)]] = [:], perUser: [Int64: [(Day, Double)]] = [:]
        for end in weeks {
            let e = end.ordinal
            let week = (e - 6)...e, four = (e - UsageHistory.fourWeeks + 1)...e
            guard coverage.covers(week) else { continue }
            var weekCounts: [Int64: Int64] = [:], fourCounts: [Int64: Int64] = [:]
            for row in eventDays where four.contains(row.day) {
                fourCounts[row.event, default: 0] += row.count
                if week.contains(row.day) { weekCounts[row.event, default: 0] += row.count }
            }
            let users = coverage.covers(week, usersKnown: true)
                ? Set(userDays.lazy.filter { week.contains($0.day) && $0.events & mask != 0 }.map(\.user)).count : 0
            for id in Set(fourCounts.keys) {
                let n = Double(weekCounts[id] ?? 0)
                perWeek[id, default: []].append((end, n))
                if coverage.covers(four) { perFourWeeks[id, default: []].append((end, Double(fourCounts[id] ?? 0))) }
                if users > 0 { perUser[id, default: []].append((end, n / Double(users))) }
            }
        }
        var metrics: [CustomMetric] = []
        for (id, name) in events {
            if let w = perWeek[id] { metrics.append(CustomMetric(name: "\(name) per week", source: .events, weeks: w)) }
            if let w = perFourWeeks[id] { metrics.append(CustomMetric(name: "\(name) per 28 days", source: .events, weeks: w)) }
            if let w = perUser[id] { metrics.append(CustomMetric(name: "\(name) per active user", source: .events, weeks: w)) }
        }
        return metrics.sorted { $0.name.lowercased() < $1.name.lowercased() }
    }
}
