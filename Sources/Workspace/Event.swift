/// Something that happened at an account (SPEC.md section 3): champion left,
/// competitor mentioned, payment refused … Events feed alerts and churn risk.
public struct Event: Equatable, Sendable {
    public var id: Int64?
    public var accountID: Int64
    public var date: Day
    public var kind: String
    public var details: String?
    /// Who recorded it (CSE_USER, else the login name); nil before cse kept authors.
    public var author: String?
    /// The record id of the system it was imported from (a CRM's activity id), if its file had one.
    public var sourceID: String?

    public init(id: Int64? = nil, accountID: Int64, date: Day, kind: String, details: String? = nil) {
        self.id = id
        self.accountID = accountID
        self.date = date
        self.kind = kind
        self.details = details
    }
}
