import Workspace

/// Monthly surveys (NPS, CSAT, performance satisfaction) are answered about once a month,
/// so a week without an answer carries the last one forward — for up to 13 weeks, marked
/// with the week it was answered — instead of dropping the metric and flipping the tier.
public enum SurveyCarry {
    public static let fields: [SnapshotField] = [.nps, .csmSatisfaction, .performanceSatisfaction]
    public static let maxWeeks = 13

    /// The snapshots (oldest first) with missing survey answers filled from the last one.
    public static func fill(_ snapshots: [Snapshot]) -> [Snapshot] {
        var last: [SnapshotField: (value: Double, week: Day)] = [:]
        var result = snapshots
        for i in result.indices {
            for field in fields {
                if let value = result[i][field] {
                    last[field] = (value, result[i].week)
                } else if let (value, week) = last[field], week.days(until: result[i].week) <= maxWeeks * 7 {
                    result[i][field] = value
                    if result[i].carried == nil { result[i].carried = [:] }
                    result[i].carried![field] = week
                }
            }
        }
        return result
    }
}
