import Scoring
import Shell
import Workspace

/// One metric of one account week by week: a snapshot column (with the weeks product events
/// filled in marked) or a metric of the workspace's own. `trend ACCOUNT METRIC` shows it.
struct MetricSeries {
    struct Week { var week: Day; var value: Double; var fromEvents: Bool }

    let name: String
    let source: String
    let weeks: [Week]

    /// The series `name` means for this account, or an error naming what there is.
    static func find(_ name: String, of account: Account, in context: Context) throws -> MetricSeries {
        let snapshots = try context.snapshots(of: account).filter { $0.week <= context.today }
        if let field = SnapshotField.named(name) {
            let weeks = snapshots.compactMap { s in s[field].map { Week(week: s.week, value: $0, fromEvents: s.isFromEvents(field)) } }
            let derived = weeks.filter(\.fromEvents).count
            let source = weeks.isEmpty ? "no data" : derived == 0 ? "from snapshots" : derived == weeks.count ? "from product events" : "from snapshots and product events"
            return MetricSeries(name: field.rawValue, source: source, weeks: weeks)
        }
        let custom = try context.customMetrics(of: account)
        if let metric = CustomMetric.named(name, in: custom) {
            return MetricSeries(name: metric.name, source: metric.source.rawValue,
                                weeks: metric.weeks.filter { $0.week <= context.today }.map { Week(week: $0.week, value: $0.value, fromEvents: metric.source == .events) })
        }
        let names = custom.map(\.name)
        throw CommandError("\(account.name) has no metric '\(name.excerpt)' — try a snapshot column (dau, nps, …)"
            + (names.isEmpty ? "" : " or one of its own: " + names.prefix(8).joined(separator: ", ") + (names.count > 8 ? ", …" : "")))
    }
}

struct MetricTrendReport: Report {
    let account: Account
    let series: MetricSeries

    enum Keys: String, CodingKey { case account, metric, source, weekly }
    struct WeekJSON: Encodable { var week: Day; var value: Double; var source: String }

    func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: Keys.self)
        try c.encode(account.name, forKey: .account)
        try c.encode(series.name, forKey: .metric)
        try c.encode(series.source, forKey: .source)
        try c.encode(series.weeks.map { WeekJSON(week: $0.week, value: $0.value, source: $0.fromEvents ? "product events" : "snapshot") }, forKey: .weekly)
    }

    func render(into doc: inout Document) {
        doc.line(Span(account.name, .bold), " — ", Span(series.name, .bold), Span(" (\(series.source))", .dim))
        guard let first = series.weeks.first, let last = series.weeks.last else {
            doc.line(Span("  no week has a value: import snapshots or product events with 'import FILE'", .dim))
            return
        }
        let change = first.value == 0 ? "" : " (\(Format.signedPercent((last.value - first.value) * 100 / first.value)))"
        doc.wrapped(Span("  "), text: "\(series.weeks.count) week\(series.weeks.count == 1 ? "" : "s"): \(Format.number(first.value)) → \(Format.number(last.value))\(change) · \(sparkline(series.weeks.map(\.value), minimumSpan: 0))")
        doc.blank()
        var table = TextTable([.init("Week"), .init("Value", right: true), .init("Change", right: true), .init("Source")])
        for (i, week) in series.weeks.enumerated() {
            let step = i == 0 ? "" : { let d = week.value - series.weeks[i - 1].value; return (d > 0 ? "+" : "") + Format.number(d) }()
            table.add(Span(week.week.description), Span(Format.number(week.value)), Span(step), Span(week.fromEvents ? "product events" : "snapshot", .dim))
        }
        doc.table(table)
    }
}
