import Workspace

/// An account's health as it stood on a day: the latest week's score, every earlier
/// weekly score, and the trend. A pure function of the records and the date.
public struct AccountHealth: Sendable {
    public struct Week: Equatable, Sendable {
        public var week: Day
        public var score: Double
    }

    public var account: Account
    public var asOf: Day
    /// The snapshots on or before `asOf`, oldest first.
    public var snapshots: [Snapshot]
    public var current: HealthScore?
    public var weeks: [Week]
    public var trend: Trend

    public init(account: Account, snapshots: [Snapshot], asOf: Day, model: HealthModel = .claw) {
        self.account = account
        self.asOf = asOf
        let known = snapshots.filter { $0.week <= asOf }.sorted { $0.week < $1.week }
        self.snapshots = known
        let scores = known.map { model.score($0, account: account) }
        current = scores.last
        weeks = scores.map { Week(week: $0.week, score: $0.total) }
        trend = Trend(weeklyScores: scores.map(\.total))
    }

    public var tier: Tier? { current?.tier }
    public var isChurned: Bool { account.isChurned(on: asOf) }
}
