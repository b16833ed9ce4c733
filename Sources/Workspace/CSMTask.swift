/// Something a CSM has to do for an account, by a day: added by hand (`task add`), or from a
/// plan's dated actions (`accept`). Open until done; a snoozed task is out of sight until a day.
public struct CSMTask: Equatable, Sendable {
    public var id: Int64?
    public var accountID: Int64
    public var text: String
    public var due: Day?
    public var owner: String?
    public var created: Day
    /// The day it was done; nil while open.
    public var done: Day?
    /// Hidden from `tasks` and `today` until this day.
    public var snoozedUntil: Day?
    /// Where it came from: "save plan", "renewal prep" …; nil when added by hand.
    public var source: String?
    /// Who recorded it (CSE_USER, else the login name); nil before cse kept authors.
    public var author: String?

    public init(id: Int64? = nil, accountID: Int64, text: String, due: Day? = nil, owner: String? = nil, created: Day,
                done: Day? = nil, snoozedUntil: Day? = nil, source: String? = nil) {
        self.id = id
        self.accountID = accountID
        self.text = text
        self.due = due
        self.owner = owner
        self.created = created
        self.done = done
        self.snoozedUntil = snoozedUntil
        self.source = source
    }

    public var isOpen: Bool { done == nil }

    /// Open, due before `day`.
    public func isOverdue(on day: Day) -> Bool { isOpen && (due.map { $0 < day } ?? false) }

    /// Open and not snoozed past `day`.
    public func isVisible(on day: Day) -> Bool { isOpen && (snoozedUntil.map { $0 <= day } ?? true) }
}
