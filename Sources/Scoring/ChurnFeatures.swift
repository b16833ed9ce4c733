import Foundation
import Workspace

/// What a fitted churn model reads about an account on a day: the seed's metrics as the
/// score card reads them, their change over four weeks, the workspace's own metrics that
/// the model file names, the account's tenure and its ARR. A value the data lacks is nil.
public struct ChurnFeatures: Equatable, Sendable {
    /// The metrics read, each with its four-week change (subscription level is the ARR's).
    public static let metrics: [Metric] = [.activeUserPenetration, .featureDepth, .usageFrequency, .usageHours, .userGrowth,
                                           .meetingAttendance, .feedbackActivity, .community, .apiErrorRate, .integrationStability,
                                           .performanceSatisfaction, .nps, .csmSatisfaction, .executiveRelationship]
    public static let changeWeeks = 4

    /// Custom metric names, as the model file writes them.
    public var custom: [String]

    public init(custom: [String] = []) { self.custom = custom }

    /// One name per value, in order: `nps`, `nps_change_4w`, …, `custom:NAME`, `tenure_days`, `arr_log`.
    public var names: [String] {
        ChurnFeatures.metrics.flatMap { [$0.rawValue, "\($0.rawValue)_change_4w"] } + custom.map { "custom:\($0)" } + ["tenure_days", "arr_log"]
    }

    /// The values for an account as it stood on `health.asOf`.
    public func values(_ health: AccountHealth) -> [Double?] {
        let weeks = health.snapshots, records = health.records
        guard let last = weeks.last else { return Array(repeating: nil, count: names.count) }
        let prior = weeks.dropLast()
        let back = weeks.count > ChurnFeatures.changeWeeks ? weeks.count - 1 - ChurnFeatures.changeWeeks : nil
        var values: [Double?] = []
        values.reserveCapacity(names.count)
        for metric in ChurnFeatures.metrics {
            let now = Reading.of(metric, snapshot: last, history: prior, records: records)?.value
            let then = back.flatMap { Reading.of(metric, snapshot: weeks[$0], history: weeks[..<$0], records: records)?.value }
            values.append(now)
            values.append(now.flatMap { n in then.map { n - $0 } })
        }
        for name in custom { values.append(last.custom[CustomMetric.key(name)]) }
        values.append(records.account.startDate.map { Double($0.days(until: health.asOf)) })
        values.append(records.account.arr.map { log(1 + $0.dollars) })
        return values
    }

    /// A feature's value as a CSM reads it: shares as percents, ARR in dollars, tenure in days.
    public static func shown(_ name: String, _ value: Double?) -> String {
        guard let value else { return "missing" }
        if name == "arr_log" { return Money(cents: Int64(((exp(value) - 1) * 100).rounded())).description }
        if name == "tenure_days" { return Format.count(value, "day") }
        let change = name.hasSuffix("_change_4w")
        let key = change ? String(name.dropLast("_change_4w".count)) : name
        let shares: Set<String> = [Metric.activeUserPenetration.rawValue, Metric.featureDepth.rawValue, Metric.meetingAttendance.rawValue]
        if shares.contains(key) { return change ? Format.signedPercent(value * 100).replacingOccurrences(of: "%", with: " points") : Format.percent(value * 100) }
        return change ? (value >= 0 ? "+" : "") + Format.number(value) : Format.number(value)
    }

    /// How a CSM would read a feature's name.
    public static func label(_ name: String) -> String {
        if name.hasPrefix("custom:") { return String(name.dropFirst(7)) }
        if name == "tenure_days" { return "tenure (days)" }
        if name == "arr_log" { return "ARR" }
        let change = name.hasSuffix("_change_4w")
        let key = change ? String(name.dropLast("_change_4w".count)) : name
        let label = Metric(rawValue: key)?.label ?? key
        return change ? "\(label), change over 4 weeks" : label
    }
}
