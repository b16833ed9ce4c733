import Workspace

/// An alert a model file adds on a metric of the workspace's own, or on any snapshot column
/// (model.yaml `monitors:`):
///
///     monitors:
///       - {metric: searches_per_user, below: 2, severity: orange}
///       - {metric: Report Built per week, drop_pct: 40, weeks: 4, severity: red, who: CSM and product team, within: within 24 h}
public struct CustomMonitor: Equatable, Sendable {
    public enum Condition: Equatable, Sendable {
        /// The latest week's value is under the limit.
        case below(Double)
        /// The latest week's value is over the limit.
        case above(Double)
        /// The value fell by more than this percent against `weeks` weeks back.
        case dropPercent(Double, weeks: Int)
    }

    public var metric: String
    public var condition: Condition
    public var severity: Alert.Severity
    public var who: String
    public var within: String

    public init(metric: String, condition: Condition, severity: Alert.Severity, who: String = "CSM", within: String = "this week") {
        self.metric = metric
        self.condition = condition
        self.severity = severity
        self.who = who
        self.within = within
    }

    /// How the alert is titled: "searches_per_user below 2".
    public var label: String {
        let n = Format.number
        switch condition {
        case .below(let limit): return "\(metric) below \(n(limit))"
        case .above(let limit): return "\(metric) above \(n(limit))"
        case let .dropPercent(pct, weeks): return "\(metric) down over \(n(pct))% in \(weeks == 1 ? "a week" : "\(weeks) weeks")"
        }
    }

    /// The alert on the account's latest week, when the condition holds; a week without the
    /// metric is missing data, not an alert.
    func alert(for health: AccountHealth) -> Alert? {
        let key = CustomMetric.key(metric), field = SnapshotField.named(metric)
        func value(_ week: Snapshot) -> Double? { field.map { week[$0] } ?? week.custom[key] }
        let weeks = health.snapshots
        guard let latest = weeks.last, let now = value(latest) else { return nil }
        let evidence: Evidence
        switch condition {
        case .below(let limit):
            guard now < limit else { return nil }
            evidence = .metric(name: metric, value: now, limit: limit, above: false)
        case .above(let limit):
            guard now > limit else { return nil }
            evidence = .metric(name: metric, value: now, limit: limit, above: true)
        case let .dropPercent(pct, back):
            guard weeks.count > back, let before = value(weeks[weeks.count - 1 - back]), before > 0,
                  (before - now) / before * 100 > pct else { return nil }
            evidence = .change(what: metric, from: before, to: now, weeks: back, inPoints: false)
        }
        return Alert(account: health.account.name, arr: health.account.arr, monitor: .custom, severity: severity, evidence: evidence,
                     who: who, within: within, name: label)
    }
}
