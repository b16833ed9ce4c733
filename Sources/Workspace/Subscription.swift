/// One line of the subscription ledger, for retention maths (SPEC.md section 4).
/// Active on a day when start ≤ day and (no end, or end > day).
public struct Subscription: Equatable, Sendable {
    public var id: Int64?
    public var accountID: Int64
    public var product: String
    public var start: Day
    public var end: Day?
    public var mrr: Money

    public init(id: Int64? = nil, accountID: Int64, product: String, start: Day, end: Day? = nil, mrr: Money) {
        self.id = id
        self.accountID = accountID
        self.product = product
        self.start = start
        self.end = end
        self.mrr = mrr
    }
}
