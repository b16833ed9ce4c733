/// One account's stored product usage over a window of days, and the weekly metrics it
/// gives (seed 000's usage metrics, and each event's counts).
public struct UsageHistory: Sendable {
    public struct UserDay: Sendable { public var day: Int; public var user: Int64; public var events: UInt64 }
    public struct EventDay: Sendable { public var day: Int; public var event: Int64; public var count: Int64; public var users: Int64? }

    public var coverage: UsageCoverage
    /// Every event name of the workspace, by id.
    public var events: [Int64: String]
    /// Both ordered by day.
    public var userDays: [UserDay]
    public var eventDays: [EventDay]

    public init(coverage: UsageCoverage, events: [Int64: String], userDays: [UserDay], eventDays: [EventDay]) {
        self.coverage = coverage
        self.events = events
        self.userDays = userDays.sorted { $0.day < $1.day }
        self.eventDays = eventDays.sorted { $0.day < $1.day }
    }

    /// A week's metrics read up to 60 days back (users last month).
    public static let lookbackDays = 59

    /// Days of a 30-day month, and of the "per 28 days" window.
    static let month = 30, fourWeeks = 28

    /// The rules turned into event ids and bits, once per history.
    struct Compiled {
        var activeMask: UInt64
        var active: Set<Int64>?
        var core: Set<Int64>
        var conversations: Set<Int64>
        var hasCore: Bool
        var hasConversations: Bool
    }

    func compile(_ rules: UsageRules) -> Compiled {
        func ids(_ test: (String) -> Bool) -> Set<Int64> { Set(events.filter { test($0.value) }.map(\.key)) }
        let active = rules.active == nil ? nil : ids(rules.isActivity)
        return Compiled(activeMask: active.map { $0.reduce(0) { $0 | UsageSlice.bit(event: $1) } } ?? ~0, active: active,
                        core: ids(rules.isCoreFeature), conversations: ids(rules.isConversation),
                        hasCore: !rules.coreFeatures.isEmpty, hasConversations: !rules.conversations.isEmpty)
    }

    /// The rows of these days (binary search: rows are ordered by day).
    private func rows<T>(_ all: [T], _ days: ClosedRange<Int>, day: (T) -> Int) -> ArraySlice<T> {
        func first(atLeast d: Int) -> Int {
            var (lo, hi) = (0, all.count)
            while lo < hi { let mid = (lo + hi) / 2; if day(all[mid]) < d { lo = mid + 1 } else { hi = mid } }
            return lo
        }
        return all[first(atLeast: days.lowerBound)..<first(atLeast: days.upperBound + 1)]
    }

    /// The usage metrics of the week ending `end` that the data supports, by snapshot field.
    public func derived(weekEnding end: Day, rules: UsageRules) -> [SnapshotField: Double] {
        derived(weekEnding: end, compile(rules))
    }

    func derived(weekEnding end: Day, _ rules: Compiled) -> [SnapshotField: Double] {
        let e = end.ordinal
        let week = (e - 6)...e
        guard coverage.covers(week) else { return [:] }
        var values: [SnapshotField: Double] = [:]
        // DAU: the week's average of each day's distinct active users.
        var activeByDay = [Int](repeating: 0, count: 7)
        for u in rows(userDays, week, day: \.day) where u.events & rules.activeMask != 0 { activeByDay[u.day - week.lowerBound] += 1 }
        var mostUsers = [Int64?](repeating: nil, count: 7), anyRow = [Bool](repeating: false, count: 7)
        let inWeek = rows(eventDays, week, day: \.day)
        for row in inWeek where rules.active?.contains(row.event) ?? true {
            let i = row.day - week.lowerBound
            anyRow[i] = true
            if let users = row.users { mostUsers[i] = max(mostUsers[i] ?? 0, users) }
        }
        var total = 0.0
        var known = true
        for (i, d) in week.enumerated() {
            if coverage.covers(d...d, usersKnown: true) {
                total += Double(activeByDay[i])
            } else if anyRow[i] {
                // Daily counts give each event's users: the day's active users are at least the most of them.
                guard let most = mostUsers[i] else { known = false; break }
                total += Double(most)
            }
        }
        if known { values[.dau] = total / 7 }
        func distinctUsers(_ days: ClosedRange<Int>) -> Double? {
            guard coverage.covers(days, usersKnown: true) else { return nil }
            var users = Set<Int64>()
            for u in rows(userDays, days, day: \.day) where u.events & rules.activeMask != 0 { users.insert(u.user) }
            return Double(users.count)
        }
        values[.usersThisMonth] = distinctUsers((e - UsageHistory.month + 1)...e)
        values[.usersLastMonth] = distinctUsers((e - 2 * UsageHistory.month + 1)...(e - UsageHistory.month))
        if rules.hasCore {
            var used = Set<Int64>()
            for row in inWeek where row.count > 0 && rules.core.contains(row.event) { used.insert(row.event) }
            values[.coreFeaturesUsed] = Double(min(used.count, UsageRules.maxCoreFeatures))
        }
        if rules.hasConversations {
            values[.conversationsPerDay] = Double(inWeek.reduce(0) { rules.conversations.contains($1.event) ? $0 + $1.count : $0 }) / 7
        }
        return values
    }

    /// The week ends (on `weekEnds`, from `from` up to `through`) whose seven days are all covered.
    public func coveredWeeks(weekEnds: Weekday, from: Day? = nil, through: Day) -> [Day] {
        guard let start = coverage.spans.map(\.first).min() else { return [] }
        var weeks: [Day] = []
        var end = max(start, from ?? start).weekEnd(on: weekEnds)
        let last = through.lastWeekEnd(on: weekEnds)
        while end <= last {
            if coverage.covers((end.ordinal - 6)...end.ordinal) { weeks.append(end) }
            end = end.adding(days: 7)
        }
        return weeks
    }

    /// `snapshots` with what the events say filled in for the weeks ending from `from`: a
    /// value a snapshot holds wins; a missing one (or a week with no snapshot) takes the
    /// derived value, marked as such.
    public func merged(into snapshots: [Snapshot], accountID: Int64, rules: UsageRules, weekEnds: Weekday, from: Day? = nil, through: Day) -> [Snapshot] {
        let compiled = compile(rules)
        var byWeek = Dictionary(snapshots.map { ($0.week, $0) }, uniquingKeysWith: { $1 })
        for week in coveredWeeks(weekEnds: weekEnds, from: from, through: through) {
            let derived = derived(weekEnding: week, compiled)
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
        let mask = compile(rules).activeMask
        var perWeek: [Int64: [(Day, Double)]] = [:], perFourWeeks: [Int64: [(Day, Double)]] = [:], perUser: [Int64: [(Day, Double)]] = [:]
        for end in weeks {
            let e = end.ordinal
            let week = (e - 6)...e, four = (e - UsageHistory.fourWeeks + 1)...e
            guard coverage.covers(week) else { continue }
            var weekCounts: [Int64: Int64] = [:], fourCounts: [Int64: Int64] = [:]
            for row in rows(eventDays, four, day: \.day) {
                fourCounts[row.event, default: 0] += row.count
                if week.contains(row.day) { weekCounts[row.event, default: 0] += row.count }
            }
            var users = Set<Int64>()
            if coverage.covers(week, usersKnown: true) {
                for u in rows(userDays, week, day: \.day) where u.events & mask != 0 { users.insert(u.user) }
            }
            let fourCovered = coverage.covers(four)
            for id in fourCounts.keys {
                let n = Double(weekCounts[id] ?? 0)
                perWeek[id, default: []].append((end, n))
                if fourCovered { perFourWeeks[id, default: []].append((end, Double(fourCounts[id] ?? 0))) }
                if !users.isEmpty { perUser[id, default: []].append((end, n / Double(users.count))) }
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
