/// A metric of the workspace's own, week by week: a numeric snapshot column cse does not
/// score ("searches_per_user"), or a count of a product event (per week, per 28 days, per
/// active user).
public struct CustomMetric: Sendable {
    public enum Source: String, Sendable {
        case snapshots = "snapshot column"
        case events = "product events"
    }

    public var name: String
    public var source: Source
    /// Oldest first.
    public var weeks: [(week: Day, value: Double)]

    public init(name: String, source: Source, weeks: [(week: Day, value: Double)]) {
        self.name = name
        self.source = source
        self.weeks = weeks
    }

    /// The value in the week ending `week`, if there is one.
    public func value(in week: Day) -> Double? { weeks.last { $0.week == week }?.value }

    /// Names compare as a CSM types them: case, spaces, underscores and hyphens aside.
    public static func key(_ name: String) -> String {
        name.lowercased().split(whereSeparator: { $0 == " " || $0 == "_" || $0 == "-" }).joined(separator: " ")
    }

    /// The metric `name` means among these, if one.
    public static func named(_ name: String, in metrics: [CustomMetric]) -> CustomMetric? {
        let key = key(name)
        return metrics.first { CustomMetric.key($0.name) == key }
    }
}
