import Workspace

/// An account's health as it stood on a day: the latest week's score, every earlier
/// weekly score, and the trend. A pure function of the records and the date.
public struct AccountHealth: Sendable {
    public struct Week: Equatable, Sendable {
        public var week: Day
        public var score: Double
        public var band: TierScheme.Band
        public var shown: Double
    }

    public var records: AccountRecords
    public var account: Account { records.account }
    public var asOf: Day
    /// The snapshots on or before `asOf`, oldest first.
    public var snapshots: [Snapshot]
    /// Every week's score, oldest first.
    public var scores: [HealthScore]
    public var current: HealthScore? { scores.last }
    public var weeks: [Week] { scores.map { Week(week: $0.week, score: $0.total, band: $0.band, shown: $0.shown) } }
    public var trend: Trend

    public init(records: AccountRecords, snapshots: [Snapshot], asOf: Day, model: HealthModel = .claw) {
        self.records = records
        self.asOf = asOf
        let known = snapshots.filter { $0.week <= asOf }.sorted { $0.week < $1.week }
        self.snapshots = known
        let scores = known.indices.map { model.score(known[$0], history: known[..<$0], records: records) }
        self.scores = scores
        trend = Trend(weeklyScores: scores.map(\.total))
    }

    public var tier: Tier? { current?.tier }
    public var isChurned: Bool { account.isChurned(on: asOf) }
}
