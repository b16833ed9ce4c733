/// A free-text note a CSM keeps on an account (`note ACCOUNT TEXT`).
public struct Note: Equatable, Sendable {
    public var id: Int64?
    public var accountID: Int64
    public var date: Day
    public var text: String
    /// Who recorded it (CSE_USER, else the login name); nil before cse kept authors.
    public var author: String?

    public init(id: Int64? = nil, accountID: Int64, date: Day, text: String) {
        self.id = id
        self.accountID = accountID
        self.date = date
        self.text = text
    }
}
