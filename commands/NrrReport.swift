import Foundation
import Intents
import Playbooks
import Scoring
import Shell
import Workspace

/// `NRR report [from DATE to DATE | for 2025 | last quarter] [by segment]`.
struct NRRReportCommand: Command {
    let spec = CommandSpec(
        name: "nrr report",
        phrases: ["nrr report", "nrr", "net revenue retention", "retention report", "grr", "nrr and grr", "净收入留存报告", "nrr报告", "净收入留存",
                  "{options}nrr", "{options}的nrr", "{options} nrr", "{options}的净收入留存"],
        options: [OptionSpec("period", type: .period, "{value}", "for {value}", "over {value}"),
                  OptionSpec("by segment", "by segment", "by segments", "per segment", "each segment", "between enterprise and smb", "按细分", "分细分",
                             "按细分看", "各细分")],
        usage: "NRR report [PERIOD] [by segment]",
        summary: "starting MRR, expansion, contraction, churn, NRR, GRR, logo retention over a period, by segment",
        details: """
            PERIOD: from DATE to DATE, for YEAR, for Qn YEAR, for MONTH, last quarter, last month, last year or this year. \
            From the subscription ledger ('import subscriptions.csv'). An account is active on a day when a subscription \
            has start ≤ day and (no end, or end > day). Starting MRR is that of the accounts active on the first day; \
            NRR = their MRR on the last day ÷ starting MRR; GRR = (starting − churned − contraction) ÷ starting; logo \
            retention = accounts active on both days ÷ accounts active on the first; churn rate = 1 − logo retention. \
            The default period is the last 12 months. 'by segment' compares each with the segment's NRR benchmarks \
            (enterprise 110/120/130%, mid-market 105/110/120%, SMB 95/100/110%).
            """,
        examples: ["NRR report", "NRR report by segment", "nrr report for 2025", "nrr report last quarter by segment",
                   "NRR report from 2026-01-01 to 2026-06-30", "净收入留存报告", "NRR report for October"],
        natural: Natural(.book, cues: ["nrr": 3, "grr": 3, "net retention": 3, "net revenue retention": 4, "gross retention": 3, "revenue retention": 3,
                                      "retention": 2, "compare": 1, "净收入留存": 4, "净收入留存率": 4, "净留存": 3, "留存率": 2, "留存": 2, "nrr报告": 4],
                         questions: ["what's our net retention?", "what was NRR last month?", "去年的净留存"]))

    func run(_ request: Request, in context: Context) throws -> Report {
        let bySegment = request.flag("by segment")
        let period = try request.period() ?? Period(from: context.today.adding(months: -12), to: context.today, today: context.today)
        let ledger = try context.store.ledger()
        guard !ledger.isEmpty else {
            throw CommandError("the workspace has no subscription ledger — import one: 'import subscriptions.csv' (account,product,start_date,end_date,mrr)")
        }
        if let first = ledger.rows.lazy.map(\.start).min(), period.to < first {
            throw CommandError("the ledger begins on \(first); \(period.label) (\(period.from) to \(period.to)) is before any subscription")
        }
        let segments = Dictionary(uniqueKeysWithValues: try context.accounts().map { ($0.id!, $0.segment) })
        var rows = [NRRReport.Row(name: "All accounts", segment: nil, retention: Retention(ledger: ledger, from: period.from, to: period.to))]
        if bySegment {
            for segment in Segment.allCases {
                rows.append(.init(name: segment.label, segment: segment,
                                  retention: Retention(ledger: ledger, from: period.from, to: period.to) { segments[$0] == segment }))
            }
        }
        return NRRReport(period: period, rows: rows)
    }
}

/// A report's period as the CSM says it.
struct NRRReport: Report {
    struct Row {
        var name: String
        var segment: Segment?
        var retention: Retention
    }
    let period: Period
    let rows: [Row]

    struct RowJSON: Encodable {
        var segment: String
        var retention: Retention
        var benchmark: NRRBenchmark?
        var verdict: String?
    }

    enum Keys: String, CodingKey { case from, to, period, rows }

    func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: Keys.self)
        try c.encode(period.from, forKey: .from)
        try c.encode(period.to, forKey: .to)
        try c.encode(period.label, forKey: .period)
        try c.encode(rows.map { r in
            let benchmark = r.segment.map(NRRBenchmark.of)
            return RowJSON(segment: r.segment?.rawValue ?? "all", retention: r.retention, benchmark: benchmark,
                           verdict: benchmark.flatMap { b in r.retention.nrr.map(b.verdict) })
        }, forKey: .rows)
    }

    func render(into doc: inout Document) {
        doc.line(Span("NRR report", .bold), " — \(period.label)", Span(" (\(period.from) to \(period.to))", .dim))
        doc.blank()
        var columns: [TextTable.Column] = [.init("")]
        columns += rows.map { .init($0.name, right: true) }
        var table = TextTable(columns, indent: 0)
        let money = { (cents: Int64) in Money(cents: cents).description }
        let pct = { (x: Double?) in x.map { Format.percent(($0 * 1000).rounded() / 10) } ?? "—" }
        func add(_ label: String, _ value: (Retention) -> String, bold: Bool = false) {
            table.add([Span(label, bold ? .bold : nil)] + rows.map { Span(value($0.retention), bold ? .bold : nil) })
        }
        add("accounts at start", { "\($0.accountsAtStart)" })
        add("still active at the end", { "\($0.accountsRetained)" })
        add("starting MRR", { money($0.startingMRR) })
        add("+ expansion", { money($0.expansion) })
        add("− contraction", { money($0.contraction) })
        add("− churned", { money($0.churned) })
        add("= ending MRR", { money($0.endingMRR) })
        add("NRR", { pct($0.nrr) }, bold: true)
        add("GRR", { pct($0.grr) }, bold: true)
        add("logo retention", { pct($0.logoRetention) })
        add("churn rate", { pct($0.churnRate) })
        add("new and won-back MRR", { money($0.newMRR) })
        if rows.contains(where: { $0.segment != nil }) {
            table.add([Span("benchmark good/great/world-class", .dim)] + rows.map { r in
                Span(r.segment.map { s in let b = NRRBenchmark.of(s); return "\(Int(b.good * 100))/\(Int(b.great * 100))/\(Int(b.worldClass * 100))%" } ?? "", .dim)
            })
            table.add([Span("against the benchmark", .bold)] + rows.map { r -> Span in
                guard let s = r.segment, let nrr = r.retention.nrr else { return Span("") }
                let verdict = NRRBenchmark.of(s).verdict(nrr)
                return Span(verdict, verdict == "below good" ? .red : verdict == "good" ? .yellow : .green)
            })
        }
        doc.table(table)
        if !rows.contains(where: { $0.segment != nil }) {
            doc.line(Span("add 'by segment' to compare each segment with its NRR benchmarks", .dim))
        }
    }
}
