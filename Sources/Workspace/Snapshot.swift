/// One account's raw metrics for the week ending on `week`. A nil value is missing
/// data, which scoring leaves out rather than counting as zero.
public struct Snapshot: Equatable, Sendable {
    public var accountID: Int64
    public var week: Day
    public var values: [Double?]
    /// Values carried forward from an earlier week's answer (a monthly survey), with the
    /// week they were answered in; set by scoring, never stored.
    public var carried: [SnapshotField: Day]?
    /// The fields derived from product events rather than read from a snapshot (bit = field
    /// index); set when snapshots are read with usage, never stored.
    public var fromEvents: UInt32 = 0
    /// Metrics of the workspace's own that the model reads, by `CustomMetric.key`; attached
    /// when snapshots are read for such a model, never stored here.
    public var custom: [String: Double] = [:]

    public func isFromEvents(_ field: SnapshotField) -> Bool { fromEvents & (1 << UInt32(field.index)) != 0 }

    public init(accountID: Int64, week: Day, values: [Double?] = Array(repeating: nil, count: SnapshotField.allCases.count)) {
        self.accountID = accountID
        self.week = week
        self.values = values
    }

    public subscript(field: SnapshotField) -> Double? {
        get { values[field.index] }
        set { values[field.index] = newValue }
    }

    /// Checks that hold between columns: you cannot attend more meetings than were scheduled.
    public func crossFieldProblem() -> (SnapshotField, FieldProblem)? {
        if let attended = self[.meetingsAttended], let scheduled = self[.meetingsScheduled], attended > scheduled {
            return (.meetingsAttended, FieldProblem("\(SnapshotField.plain(attended)) meetings attended but only \(SnapshotField.plain(scheduled)) scheduled"))
        }
        return nil
    }
}
