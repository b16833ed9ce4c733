/// An account whose product events stop while other accounts' keep coming: its last day
/// covered by an event import is before the last day any import covers. The weeks after it
/// have no usage (missing, not zero): a data alert, never a churn signal.
public struct FeedGap: Equatable, Sendable {
    public var accountID: Int64
    /// The last day an import covered for the account.
    public var last: Day
    /// The last day an import covered for any account.
    public var feedLast: Day

    public init(accountID: Int64, last: Day, feedLast: Day) {
        self.accountID = accountID
        self.last = last
        self.feedLast = feedLast
    }

    /// "no product events since 2026-12-06 (other accounts' reach 2026-12-07)".
    public var shown: String { "no product events since \(last) (other accounts' reach \(feedLast))" }

    /// What fills the gap.
    public var fill: String { "the weeks after it are missing, not zero: import the event export that covers them" }
}
