/// What the workspace remembers of an alert that fires: when it was first seen, and whether
/// the CSM acknowledged it or snoozed it. Kept while the alert fires; when a look finds it
/// quiet the state is dropped, so a later firing is new again.
public struct AlertState: Equatable, Sendable {
    public var id: Int64?
    public var accountID: Int64
    /// The monitor ("dau_drop", or "custom:searches_per_user below 2").
    public var key: String
    public var firstSeen: Day
    public var acked: Day?
    public var snoozedUntil: Day?

    public init(id: Int64? = nil, accountID: Int64, key: String, firstSeen: Day, acked: Day? = nil, snoozedUntil: Day? = nil) {
        self.id = id
        self.accountID = accountID
        self.key = key
        self.firstSeen = firstSeen
        self.acked = acked
        self.snoozedUntil = snoozedUntil
    }

    /// The source of the task an acknowledged alert becomes.
    public static func taskSource(_ id: Int64) -> String { "alert #\(id)" }

    /// Out of the list on `day`: acknowledged, or snoozed past it.
    public func isHidden(on day: Day) -> Bool { acked != nil || (snoozedUntil.map { $0 > day } ?? false) }
}
