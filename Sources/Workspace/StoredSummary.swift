/// One account's summary as the store keeps it: what the scoring code computed for a model
/// and a day (`basis`), in the words it wrote it (`body`; `details` for JSON only).
///
/// `stamp` counts the changes that have touched the account: every write bumps it and
/// clears the basis, in the write's own transaction. A summary computed from a reading is
/// saved only while the stamp it read is still the stamp, so a change made meanwhile is
/// never hidden behind a summary of what came before it.
public struct StoredSummary: Equatable, Sendable {
    public var accountID: Int64
    /// nil: the account has no row yet.
    public var stamp: Int64?
    public var basis: String
    public var body: String
    public var details: String
    /// What ranks each of the summary's alerts and says which it is, written from the same
    /// summary as `body` (`AlertHead.kept`): read without the bodies by `alerts` on a terminal.
    public var alerts: String
    /// What the portfolio review reads of the account, written from the same reading as `body`
    /// (`PortfolioReview.Row.kept`): read without the bodies and the events by `portfolio review`.
    public var review: String

    public init(accountID: Int64, stamp: Int64?, basis: String, body: String, details: String, alerts: String, review: String) {
        self.accountID = accountID
        self.stamp = stamp
        self.basis = basis
        self.body = body
        self.details = details
        self.alerts = alerts
        self.review = review
    }
}
