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
    /// The latest week's score with every metric's reading and points.
    public var current: HealthScore?
    /// Every week's total and tier, oldest first.
    public var weeks: [Week]
    /// The model the scores come from.
    public let model: HealthModel
    public var trend: Trend

    /// `scoring`: how many of the latest weeks to score (all when nil); the book's lists read
    /// five (the trend's), while the older weeks still serve as history and survey answers.
    public init(records: AccountRecords, snapshots: [Snapshot], asOf: Day, model: HealthModel = .claw, scoring: Int? = nil) {
        self.records = records
        self.asOf = asOf
        let known = SurveyCarry.fill(snapshots.filter { $0.week <= asOf }.sorted { $0.week < $1.week })
        self.snapshots = known
        self.model = model
        let scores = known.indices.suffix(scoring ?? known.count).map { model.week(known[$0], history: known[..<$0], records: records) }
        weeks = scores.map { Week(week: $0.week, score: $0.total, band: $0.band, shown: $0.shown) }
        current = known.last.map { model.score($0, history: known.dropLast(), records: records) }
        trend = Trend(weeklyScores: scores.map(\.total))
    }

    public var tier: Tier? { current?.tier }

    /// Who holds a role at the account on `asOf` (nobody when they left or none is recorded).
    public func holder(_ role: Contact.Role) -> Contact? { records.contacts(on: asOf).first { $0.role == role } }

    /// The full score of the week `weeksBack` before the latest, for comparisons.
    public func score(weeksBack: Int) -> HealthScore? {
        let i = snapshots.count - 1 - weeksBack
        guard i >= 0 else { return nil }
        return weeksBack == 0 ? current : model.score(snapshots[i], history: snapshots[..<i], records: records)
    }
    public var isChurned: Bool { account.isChurned(on: asOf) }
}
