import Foundation
import Charts
import Playbooks
import Scoring
import Workspace

/// The portfolio review as pages for a CS leader (seed 002's weekly dashboard): ARR by tier,
/// retention against its targets, renewals by month, the accounts at risk, and the cohort
/// heat map. The figures are `portfolio review`'s, `renewals`' and `cohort analysis`' own.
public struct PortfolioPage: Sendable {
    public let review: PortfolioReview
    public let csm: String?
    /// The renewals of the next `renewalDays` days, by month.
    public let renewals: [RenewalForecast.Month]
    public let renewalDays: Int
    /// The cohorts, when the workspace has a subscription ledger.
    public let cohorts: CohortTable?

    public init(review: PortfolioReview, csm: String?, renewals: [RenewalForecast.Month], renewalDays: Int, cohorts: CohortTable?) {
        self.review = review
        self.csm = csm
        self.renewals = renewals
        self.renewalDays = renewalDays
        self.cohorts = cohorts
    }

    /// The targets of seed 002's dashboard, as fractions.
    static let targets: [(name: String, target: Double, value: @Sendable (Retention) -> Double?)] = [
        ("GRR", 0.90, { $0.grr }), ("NRR", 1.10, { $0.nrr }), ("Logo retention", 0.85, { $0.logoRetention }), ("Expansion", 0.15, { $0.expansionRate }),
    ]
    /// The most at-risk accounts one page lists.
    static let atRiskRows = 20
    /// The most cohorts one heat map shows (the latest).
    static let cohortRows = 16

    public var title: String { "Portfolio review" + (csm.map { " — \($0)" } ?? "") + " — \(review.today)" }

    public func page(paper: HTMLPage.Paper? = nil) -> HTMLPage {
        HTMLPage(title: title, sections: [overview, renewalsAndRisk, cohortsSection], paper: paper)
    }

    /// How many charts the page holds.
    public var charts: Int { 1 + (review.yearRetention == nil ? 0 : 1) + (renewals.isEmpty ? 0 : 1) + ((cohorts?.cohorts.isEmpty ?? true) ? 0 : 1) }

    static func money(_ dollars: Double) -> String { Money(cents: Int64((dollars * 100).rounded())).description }
    /// "$1.2B", "$374M", "$37.5M", "$120k", "$8.4k", "$900": a bar's label, short enough for a narrow bar.
    static func short(_ dollars: Double) -> String {
        let a = abs(dollars)
        func whole(_ x: Double) -> String { String(Int64(x.rounded())) }
        if a >= 999_950_000 { return "$" + Format.oneDecimal(dollars / 1e9) + "B" }
        if a >= 99_950_000 { return "$" + whole(dollars / 1e6) + "M" }
        if a >= 999_950 { return "$" + Format.oneDecimal(dollars / 1e6) + "M" }
        if a >= 9_999.5 { return "$" + whole(dollars / 1e3) + "k" }
        if a >= 999.5 { return "$" + Format.oneDecimal(dollars / 1e3) + "k" }
        return "$" + whole(dollars)
    }
    static func percent(_ x: Double?) -> String { x.map { Format.percent(($0 * 1000).rounded() / 10) } ?? "—" }

    var overview: String {
        let r = review, money = PortfolioPage.money
        let n = Format.grouped
        let facts = ["as of \(r.today)", "\(n(r.accounts)) live accounts", "ARR \(money(r.arr))"] + (r.churned > 0 ? ["\(n(r.churned)) churned"] : [])
            + (r.noData > 0 ? ["\(n(r.noData)) without metrics"] : [])
        let trend = r.averageHealth.flatMap { now in r.averageHealthFourWeeksAgo.map { "four weeks ago \(Format.oneDecimal($0)): " + (now > $0 + 0.5 ? "up" : now < $0 - 0.5 ? "down" : "flat") } }
        let kpis = [HTML.kpi(n(r.accounts), "live accounts"), HTML.kpi(money(r.arr), "ARR"),
                    HTML.kpi(r.averageHealth.map { Format.oneDecimal($0) } ?? "—", "average health (target > 70)" + (trend.map { "; \($0)" } ?? "")),
                    HTML.kpi(money(r.arrAtRisk), "ARR at churn risk high or critical")]
        return """
            <h1>Portfolio review\(csm.map { " — " + HTML.text($0) } ?? "")</h1>
            <p class="sub">\(HTML.text(facts.joined(separator: " · ")))</p>
            <div class="kpis">\(kpis.joined())</div>
            <h2>ARR by health tier</h2>
            \(tierFigure)
            <h2>Retention against the targets</h2>
            \(retentionFigure)
            """
    }

    var renewalsAndRisk: String {
        let summary = review.renewals.map { w in "\(w.days) days: \(Format.grouped(w.accounts)) (\(PortfolioPage.money(w.arr))), \(Format.grouped(w.onTrack)) on track" }.joined(separator: " · ")
        let risky = review.atRiskAccounts
        let list = risky.isEmpty ? "<p class=\"note\">No live account is at churn risk high or critical.</p>"
            : "<ol>" + risky.prefix(PortfolioPage.atRiskRows).map { "<li>\(HTML.text($0))</li>" }.joined() + "</ol>"
                + (risky.count > PortfolioPage.atRiskRows ? "<p class=\"note\">and \(Format.grouped(risky.count - PortfolioPage.atRiskRows)) more — 'list at-risk accounts' has them all.</p>" : "")
        return """
            <h2>Renewals by month</h2>
            \(renewalsFigure)
            <p>\(HTML.text(summary))</p>
            <h2>Accounts at risk (\(Format.grouped(risky.count)), \(HTML.text(PortfolioPage.money(review.arrAtRisk))) ARR)</h2>
            \(list)
            """
    }

    var cohortsSection: String {
        "<h2>Retention by start cohort</h2>\n" + cohortFigure
    }

    // MARK: the charts

    var tierFigure: String {
        let tiers = review.tiers
        var chart = SVGChart(width: 720, height: 190, insets: .init(top: 18, right: 12, bottom: 24, left: 70), title: "ARR by health tier")
        let xs = chart.xBands(tiers.count, padding: 0.35), ys = chart.yScale(LinearScale.nice(0, max(1, tiers.map(\.arr).max() ?? 1), count: 4))
        chart.yAxis(ys, ticks: ys.ticks(4), label: PortfolioPage.short)
        chart.xAxis(tiers.enumerated().map { (xs.center($0.offset), $0.element.tier) })
        for (i, t) in tiers.enumerated() {
            let tier = Tier.allCases.first { $0.label == t.tier }
            chart.bar(i, of: xs, value: t.arr, on: ys, class: tier.map(QBRDeck.cssClass) ?? "", label: "\(PortfolioPage.short(t.arr)) · \(Format.grouped(t.accounts)) account\(t.accounts == 1 ? "" : "s")")
        }
        return HTML.figure(chart, caption: "ARR of the live accounts in each tier of their latest score, with how many accounts; \(Format.grouped(review.noData)) without metrics \(review.noData == 1 ? "is" : "are") in none.")
    }

    var retentionFigure: String {
        guard let y = review.yearRetention else {
            return "<p class=\"note\">No subscription ledger — import one ('import subscriptions.csv': account, product, start_date, end_date, mrr) to see GRR, NRR and logo retention.</p>"
        }
        let rows = PortfolioPage.targets
        var chart = SVGChart(width: 720, height: 30 + 38 * Double(rows.count), insets: .init(top: 16, right: 90, bottom: 24, left: 110), title: "Retention over the last 12 months against the targets")
        let top = max(1.2, rows.compactMap { $0.value(y) }.max() ?? 0)
        let ys = chart.yBands(rows.count, padding: 0.4), xs = chart.xScale(0...((top * 10).rounded(.up) / 10))
        chart.xAxis(xs.ticks(6).map { (xs($0), PortfolioPage.percent($0)) })
        for (i, row) in rows.enumerated() {
            let value = row.value(y)
            let met = value.map { $0 > row.target }
            chart.hbar(i, of: ys, value: value ?? 0, on: xs, class: met == true ? "healthy" : "critical", name: row.name,
                       label: value.map { PortfolioPage.percent($0) + (met! ? " ✓ met" : " ✗ below") } ?? "no data", labelOutside: true)
            chart.target(i, of: ys, at: row.target, on: xs, label: "> \(PortfolioPage.percent(row.target))")
        }
        return HTML.figure(chart, caption: "From the subscription ledger, \(y.from) to \(y.to): \(Format.grouped(y.accountsAtStart)) accounts at the start, \(Format.grouped(y.accountsRetained)) retained; "
                           + "the black line is each target. Expansion is the expansion MRR's share of the starting MRR.")
    }

    /// Every month from today's to the horizon's, those without renewals included.
    var months: [RenewalForecast.Month] {
        let end = RenewalForecast.month(review.today.adding(days: renewalDays))
        var all: [RenewalForecast.Month] = [], day = review.today
        while all.last?.label != end {
            let label = RenewalForecast.month(day)
            all.append(renewals.first { $0.label == label } ?? RenewalForecast.Month(label: label))
            day = day.adding(months: 1)
        }
        return all
    }

    var renewalsFigure: String {
        guard !renewals.isEmpty else { return "<p class=\"note\">No renewal in the next \(renewalDays) days.</p>" }
        let renewals = months
        var chart = SVGChart(width: 720, height: 210, insets: .init(top: 18, right: 12, bottom: 36, left: 70), title: "Renewals by month")
        let xs = chart.xBands(renewals.count, padding: 0.3)
        let ys = chart.yScale(LinearScale.nice(0, max(1, renewals.map(\.arr.dollars).max() ?? 1), count: 4))
        chart.yAxis(ys, ticks: ys.ticks(4), label: PortfolioPage.short)
        chart.xAxis(renewals.enumerated().map { (xs.center($0.offset), $0.element.label) })
        for (i, m) in renewals.enumerated() {
            var base = 0.0
            for outlook in RenewalForecast.Outlook.allCases {
                let arr = m.arr(outlook).dollars
                guard arr > 0 else { continue }
                chart.bar(i, of: xs, value: base + arr, base: base, on: ys, class: outlook.rawValue.replacingOccurrences(of: "_", with: "-"))
                base += arr
            }
            guard m.count > 0 else { continue }
            chart.text(PortfolioPage.short(m.arr.dollars), x: xs.center(i), y: ys(base) - 3, class: "value", anchor: "middle")
            chart.text(Format.grouped(m.count), x: xs.center(i), y: chart.bottom + 27, class: "tick", anchor: "middle")
        }
        let legend = RenewalForecast.Outlook.allCases.map { "<i class=\"\($0.rawValue.replacingOccurrences(of: "_", with: "-"))\"></i>\($0.label)" }.joined()
        return HTML.figure(chart, caption: "ARR renewing each month in the next \(renewalDays) days, stacked from the bottom: safe, at risk, likely lost (the forecast of 'renewals'); under each month, how many renewals.")
            + "<p class=\"legend\">\(legend)</p>"
    }

    var cohortFigure: String {
        guard let table = cohorts, !table.cohorts.isEmpty else {
            return "<p class=\"note\">No subscription ledger — import one to see how each start cohort retains.</p>"
        }
        let shown = table.cohorts.suffix(PortfolioPage.cohortRows)
        // Shaded from 50% (or the lowest value, when lower) to 100%: the differences that matter are near the top.
        let lowest = shown.flatMap(\.logos).compactMap { $0 }.min() ?? 0.5
        let map = HeatMap(rows: shown.map { "\($0.label) (\(Format.grouped($0.accounts)))" }, columns: CohortTable.months.map { "Month \($0)" },
                          values: shown.map(\.logos), domain: min(0.5, lowest)...1, label: { PortfolioPage.percent($0) })
        let chart = map.chart(width: 720, labelWidth: 120, title: "Logo retention by start cohort")
        let findings = table.findings(revenue: false)
        return HTML.figure(chart, caption: "The share of each \(table.byQuarter ? "quarter" : "month")'s new accounts still active that many months after their start (with how many started); darker is higher, from \(PortfolioPage.percent(min(0.5, lowest))) to 100%; — where the cohort is too young"
                           + (table.cohorts.count > shown.count ? "; the latest \(shown.count) of \(table.cohorts.count) cohorts." : "."))
            + (findings.isEmpty ? "" : "<h3>What the cohorts say</h3><ul>" + findings.map { "<li>\(HTML.text($0))</li>" }.joined() + "</ul>")
    }
}
