import Foundation
import Charts
import Playbooks
import Scoring
import Workspace

/// The QBR as pages to present (seed 002's dashboard): the account's health over all its
/// weeks with the model's tiers and its events marked, the five dimensions of the latest
/// week, usage over time, goals from baseline to target to now, the 60-minute agenda and
/// next quarter's objectives. Every number is the one `score`, `success plan` and `QBR prep`
/// show for the same day.
public struct QBRDeck: Sendable {
    public let input: PlaybookInput
    public let plan: SuccessPlan
    /// The QBR prep, or why there is none yet (an account in its first 90 days).
    public let prep: Result<QBRPrep, NotApplicable>

    /// The deck of a live account with at least one week of metrics.
    public static func make(_ input: PlaybookInput) -> Result<QBRDeck, NotApplicable> {
        switch SuccessPlan.make(input) {
        case .failure(let reason): return .failure(reason)
        case .success(let plan):
            guard !input.health.weeks.isEmpty else {
                return .failure(NotApplicable("\(input.account.name) has no weekly metrics to show yet — import its snapshots first"))
            }
            return .success(QBRDeck(input: input, plan: plan, prep: QBRPrep.make(input)))
        }
    }

    /// The events a health chart marks: all but the routine touches.
    static let routine: Set<String> = [EventKind.call.rawValue, EventKind.emailSent.rawValue, EventKind.meetingAttended.rawValue, EventKind.paymentOnTime.rawValue]
    /// The most events one chart marks (the latest).
    static let markedEvents = 15

    /// The snapshot metrics drawn over time, with a second one on the same chart.
    static let usage: [(metric: SnapshotField, second: SnapshotField?, title: String)] = [
        (.dau, .licensedUsers, "Daily active users (solid) and licensed users (dashed)"),
        (.coreFeaturesUsed, nil, "Core features used (of 6)"),
        (.conversationsPerDay, nil, "Conversations per day"),
        (.weeklyHours, nil, "Hours of use per week"),
        (.usersThisMonth, nil, "Users this month"),
        (.nps, nil, "NPS"),
    ]

    public var title: String { "\(input.account.name) — quarterly business review" }

    /// The page, laid out for `paper` when printed.
    public func page(paper: HTMLPage.Paper? = nil) -> HTMLPage {
        HTMLPage(title: title, sections: [overview, usageAndGoals, agenda], paper: paper)
    }

    /// The usage charts the page draws: one for each metric with a value in some week.
    public var usageChartCount: Int { QBRDeck.usage.filter { u in input.snapshots.contains { $0[u.metric] != nil } }.count }

    // MARK: the sections

    var overview: String {
        let account = input.account, health = input.health, today = input.today
        let facts = [account.segment.map { "\($0.label) segment" }, account.plan.map { "\($0) plan" }, account.arr.map { "ARR \($0)" }, account.csm.map { "CSM \($0)" },
                     account.renewalDate.map { "renews \($0)" }].compactMap { $0 }
        let when: String
        switch prep {
        case .success(let prep): when = "QBR on \(prep.date) · prepared \(today)"
        case .failure: when = "prepared \(today)"
        }
        var kpis = [HTML.kpi("—", "no score")]
        if let now = health.current {
            kpis = [HTML.kpi("\(Format.oneDecimal(now.shown)) / 100", "health, \(now.band.label) (\(now.tier.priority)), week ending \(now.week)"),
                    HTML.kpi(health.trend.label, "four-week trend"),
                    HTML.kpi(input.risk.level.label, "churn risk" + (input.risk.drivers.first.map { ": \($0.label)" } ?? "")),
                    HTML.kpi("\(health.weeks.count)", "week\(health.weeks.count == 1 ? "" : "s") on record since \(health.weeks[0].week)")]
        }
        return """
            <h1>\(HTML.text(account.name))</h1>
            <p class="sub">Quarterly business review · \(HTML.text(facts.joined(separator: " · "))) · \(HTML.text(when))</p>
            <div class="kpis">\(kpis.joined())</div>
            <h2>Health over time</h2>
            \(healthFigure)
            <h2>The five dimensions</h2>
            \(dimensionsFigure)
            """
    }

    var usageAndGoals: String {
        let charts = usageCharts
        let usage = charts.isEmpty ? "<p class=\"note\">No usage metrics on record — import weekly snapshots with DAU, licensed users and features used.</p>"
            : "<div class=\"small-multiples\">\(charts.joined())</div>"
        return """
            <h2>Usage over time</h2>
            \(usage)
            <h2>Goals: baseline → target → now</h2>
            \(goals)
            """
    }

    var agenda: String {
        var out = ""
        switch prep {
        case .success(let prep):
            out += "<h2>Agenda (60 minutes)</h2>\n<p class=\"sub\">QBR on \(prep.date) (\(HTML.text(prep.dateBasis))); pre-read to send by \(prep.preReadBy)</p>\n<div class=\"agenda\">"
            for s in prep.agenda {
                out += "<h3>\(HTML.text(s.title)) <span>— \(s.minutes) min</span></h3><ul>" + s.points.map { "<li>\(HTML.text($0))</li>" }.joined() + "</ul>"
            }
            out += "</div>"
        case .failure(let reason):
            out += "<h2>Agenda</h2>\n<p class=\"note\">No QBR yet: \(HTML.text(reason.reason)).</p>"
        }
        out += "\n<h2>Next quarter's objectives</h2>\n"
        let open = plan.objectives.filter { $0.status != .achieved }
        if open.isEmpty {
            out += "<p class=\"note\">\(plan.objectives.isEmpty ? "No objectives recorded" : "Every recorded objective is achieved") — agree 2–3 measurable objectives for next quarter ('goal add').</p>"
        } else {
            out += "<ol>" + open.map { o in
                let g = o.goal
                let measure = g.metric.map { m in "\(m)" + [g.baseline, g.target].compactMap { $0 }.map { " " + $0 }.joined(separator: " →") } ?? ""
                let owner = g.owner.map { o.ownerLeft == nil ? "owner \($0)" : "owner \($0) (left on \(o.ownerLeft!) — agree a new owner)" } ?? "no owner"
                return "<li><b>\(HTML.text(g.objective))</b>" + (measure.isEmpty ? "" : " — \(HTML.text(measure))")
                    + HTML.text(" · \(owner)" + (g.due.map { " · due \($0)" } ?? "") + " · \(o.status.rawValue)") + "</li>"
            }.joined() + "</ol>"
        }
        if case .success(let prep) = prep {
            out += "<h3>Expansion recommendations</h3>"
            out += prep.recommendations.isEmpty ? "<p class=\"note\">None from the workspace.</p>"
                : "<ul>" + prep.recommendations.map { "<li><b>\(HTML.text($0.play))</b> — \(HTML.text($0.roi))</li>" }.joined() + "</ul>"
            out += "<h3>Attendees</h3><p>Theirs: \(HTML.text(prep.theirSide.joined(separator: ", ")))</p><p>Ours: \(HTML.text(prep.ourSide.joined(separator: ", ")))</p>"
        }
        return out
    }

    // MARK: the charts

    /// The day numbers of the weeks, from the first.
    private var first: Day { input.health.weeks[0].week }
    private func x(_ day: Day) -> Double { Double(first.days(until: day)) }
    /// The days every chart over time spans: the weeks, and half a week either side, so that
    /// the first and last points (and a single week) sit inside the plot area.
    private var span: ClosedRange<Double> { -3.5...(x(input.health.weeks.last!.week) + 3.5) }

    /// The x axis's labels: at most seven weeks, spread evenly, always the last.
    private func weekTicks(_ scale: LinearScale) -> [(at: Double, label: String)] {
        let weeks = input.health.weeks.map(\.week)
        let every = max(1, Int((Double(weeks.count) / 7).rounded(.up)))
        var picked = Swift.stride(from: weeks.count - 1, through: 0, by: -every).map { weeks[$0] }.reversed() as [Day]
        if picked.count > 7 { picked.removeFirst() }
        let long = first.days(until: weeks.last!) > 330
        return picked.map { day in
            let d = day.description
            return (scale(x(day)), long ? String(d.prefix(7)) : String(d.dropFirst(5)))
        }
    }

    var healthFigure: String {
        let health = input.health
        var chart = SVGChart(width: 720, height: 250, insets: .init(top: 16, right: 12, bottom: 24, left: 32), title: "Weekly health score of \(input.account.name)")
        let xs = chart.xScale(span), ys = chart.yScale(0...100)
        let scheme = health.model.tiers(for: input.account.segment)
        for (i, band) in scheme.bands.enumerated() {
            let top = i == 0 ? 100 : scheme.bands[i - 1].lowerBound
            chart.band(ys, from: band.lowerBound, to: top, class: QBRDeck.cssClass(band.level), label: "\(band.label) ≥ \(Format.number(band.lowerBound))")
        }
        chart.yAxis(ys, ticks: [0, 20, 40, 60, 80, 100], label: { Format.number($0) })
        chart.xAxis(weekTicks(xs))
        let events = input.events.filter { !QBRDeck.routine.contains($0.kind) && $0.date >= first.adding(days: -6) && $0.date <= input.today }
        let marked = events.suffix(QBRDeck.markedEvents)
        for (n, e) in marked.enumerated() {
            chart.marker(at: xs(x(max(e.date, first))), label: "\(n + 1)", title: "\(e.date) \(e.kind)" + (e.details.map { " — \($0)" } ?? ""))
        }
        chart.line(health.weeks.map { (xs(x($0.week)), ys($0.shown)) }, class: "score", dots: health.weeks.count <= 26)
        var caption = "Weekly health score (0–100) on the model's tiers, \(health.weeks.count) week\(health.weeks.count == 1 ? "" : "s") to \(health.weeks.last!.week)."
        if marked.isEmpty {
            caption += " No events logged besides routine calls, e-mails and meetings."
        } else {
            caption += " Events: " + marked.enumerated().map { "\($0 + 1) \($1.date) \($1.kind)" }.joined(separator: "; ")
                + (events.count > marked.count ? "; and \(events.count - marked.count) earlier" : "") + "."
        }
        return HTML.figure(chart, caption: caption)
    }

    var dimensionsFigure: String {
        guard let now = input.health.current else { return "<p class=\"note\">No score yet.</p>" }
        let dims = now.dimensions
        var chart = SVGChart(width: 720, height: 28 + 26 * Double(dims.count), insets: .init(top: 6, right: 150, bottom: 22, left: 130),
                             title: "The dimensions of \(input.account.name)'s health, week ending \(now.week)")
        let ys = chart.yBands(dims.count, padding: 0.3), xs = chart.xScale(0...100)
        chart.xAxis([0, 25, 50, 75, 100].map { (xs($0), "\(Int($0))%") })
        for (i, d) in dims.enumerated() {
            chart.hbar(i, of: ys, value: 100, on: xs, class: "track")
            let share = d.points.map { $0 / d.max * 100 }
            let scaled = d.points != nil && d.metrics.contains { $0.points == nil } ? ", scaled for missing data" : ""
            let label = d.points.map { "\(Format.oneDecimal($0)) / \(Format.number(d.max)) (\(Int((share!).rounded()))%)\(scaled)" }
                ?? "no data: " + d.metrics.filter { $0.points == nil }.map(\.label).joined(separator: ", ")
            chart.hbar(i, of: ys, value: share ?? 0, on: xs, class: "dimension", name: d.dimension.label, label: label)
        }
        // The total is the dimensions with data, scaled up to the whole (`HealthModel`).
        let withData = dims.filter { $0.points != nil }
        let sum: String
        if withData.count == dims.count {
            sum = "health \(Format.oneDecimal(now.shown)) is their sum"
        } else {
            let earned = withData.compactMap(\.points).reduce(0, +), possible = withData.map(\.max).reduce(0, +), all = dims.map(\.max).reduce(0, +)
            sum = "health \(Format.oneDecimal(now.shown)) is the \(withData.count) with data, \(Format.oneDecimal(earned)) of their \(Format.number(possible)) points, scaled to \(Format.number(all))"
        }
        return HTML.figure(chart, caption: "Points of each dimension out of its maximum, week ending \(now.week); \(sum)"
                           + (now.lowConfidence ? " (low confidence: \(Int((now.coverage * 100).rounded()))% of the model's points have data)" : "") + ".")
    }

    var usageCharts: [String] {
        let snapshots = input.snapshots
        return QBRDeck.usage.compactMap { metric, second, title in
            let points = snapshots.compactMap { s in s[metric].map { (x(s.week), $0) } }
            guard !points.isEmpty else { return nil }
            let seconds = second.map { f in snapshots.compactMap { s in s[f].map { (x(s.week), $0) } } } ?? []
            let all = points.map(\.1) + seconds.map(\.1)
            var chart = SVGChart(width: 350, height: 150, insets: .init(top: 10, right: 10, bottom: 22, left: 38), title: title)
            let ys = chart.yScale(LinearScale.nice(min(0, all.min()!), max(all.max()!, 1), count: 4)), xs = chart.xScale(span)
            chart.yAxis(ys, ticks: ys.ticks(4), label: { Format.number($0) })
            chart.xAxis(weekTicks(xs).enumerated().filter { $0.offset % 2 == 0 || $0.offset == weekTicks(xs).count - 1 }.map(\.element))
            if !seconds.isEmpty { chart.line(seconds.map { (xs($0.0), ys($0.1)) }, class: "second", dots: seconds.count <= 13) }
            chart.line(points.map { (xs($0.0), ys($0.1)) }, class: "usage", dots: points.count <= 13)
            let latest = points.last!.1
            return HTML.figure(chart, caption: "\(title): \(Format.number(latest)) in the week ending \(snapshots.last { $0[metric] != nil }!.week)"
                               + (points.count > 1 ? ", \(Format.number(points[0].1)) in the first" : ""))
        }
    }

    var goals: String {
        guard !plan.objectives.isEmpty else {
            return "<p class=\"note\">No goals recorded — agree 2–3 measurable objectives with the customer and record them ('goal add \(HTML.text(input.account.name)) …').</p>"
        }
        let rows = plan.objectives.map { o -> [String] in
            let g = o.goal
            return ["\(o.number)", g.objective, g.metric ?? "—", g.baseline ?? "—", g.target ?? "—", g.result ?? "not recorded",
                    g.due?.description ?? "—", o.status.rawValue, g.owner ?? "—"]
        }
        return HTML.table(["#", "Objective", "Metric", "Baseline", "Target", "Now", "Due", "Status", "Owner"], rows, nowrap: [6, 7])
    }

    /// The style sheet's name for a tier: "high-risk".
    static func cssClass(_ tier: Tier) -> String { tier.rawValue.replacingOccurrences(of: "_", with: "-") }
}
