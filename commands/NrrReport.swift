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
        phrases: ["nrr report", "nrr report {period}", "nrr", "nrr {period}", "net revenue retention", "net revenue retention {period}",
                  "retention report", "retention report {period}", "净收入留存报告", "净收入留存报告 {period}"],
        usage: "NRR report [PERIOD] [by segment]",
        summary: "starting MRR, expansion, contraction, churn, NRR, GRR, logo retention over a period, by segment",
        details: """
            PERIOD: from DATE to DATE, for YEAR, for Qn YEAR, last quarter, last year or this year. \
            From the subscription ledger ('import subscriptions.csv'). An account is active on a day when a subscription \
            has start ≤ day and (no end, or end > day). Starting MRR is that of the accounts active on the first day; \
            NRR = their MRR on the last day ÷ starting MRR; GRR = (starting − churned − contraction) ÷ starting; logo \
            retention = accounts active on both days ÷ accounts active on the first; churn rate = 1 − logo retention. \
            The default period is the last 12 months. 'by segment' compares each with the segment's NRR benchmarks \
            (enterprise 110/120/130%, mid-market 105/110/120%, SMB 95/100/110%).
            """,
        examples: ["NRR report", "NRR report by segment", "nrr report for 2025", "nrr report last quarter by segment",
                   "NRR report from 2026-01-01 to 2026-06-30", "净收入留存报告"],
        accountSlots: [])

    func run(_ request: Request, in context: Context) throws -> Report {
        var words = (request["period"] ?? "").lowercased().split(whereSeparator: \.isWhitespace).map(String.init)
        var bySegment = false
        if let i = words.firstIndex(of: "by"), i + 1 < words.count, words[i + 1].hasPrefix("segment") {
            bySegment = true
            words.removeSubrange(i...(i + 1))
        }
        if words.contains("按细分") || words.contains("分细分") { bySegment = true; words.removeAll { $0 == "按细分" || $0 == "分细分" } }
        let period = try ReportPeriod(words, today: context.today)
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
struct ReportPeriod: Encodable {
    var from: Day
    var to: Day
    var label: String

    init(_ words: [String], today: Day) throws {
        func quarter(_ year: Int, _ q: Int) -> (Day, Day) {
            let start = Day(year: year, month: (q - 1) * 3 + 1, day: 1)!
            return (start, start.adding(months: 3).adding(days: -1))
        }
        let text = words.joined(separator: " ")
        /// A year as a CSM writes one: four digits.
        func year(_ word: String) throws -> Int {
            guard let year = Int(word), (1000...9999).contains(year) else {
                throw CommandError("'\(word.excerpt)' is not a year — write four digits, as in 'for 2025' or 'for Q3 2026'")
            }
            return year
        }
        switch words.count {
        case 0:
            (from, to, label) = (today.adding(months: -12), today, "the last 12 months")
        case _ where text == "last quarter" || text == "上季度":
            let c = today.components
            let q = (c.month - 1) / 3 + 1
            (from, to) = q == 1 ? quarter(c.year - 1, 4) : quarter(c.year, q - 1)
            label = "last quarter"
        case _ where text == "last year" || text == "去年":
            (from, to, label) = (Day(year: today.year - 1, month: 1, day: 1)!, Day(year: today.year - 1, month: 12, day: 31)!, "\(today.year - 1)")
        case _ where text == "this year" || text == "今年":
            (from, to, label) = (Day(year: today.year, month: 1, day: 1)!, today, "\(today.year) to date")
        case _ where text == "last 12 months" || text == "last twelve months":
            (from, to, label) = (today.adding(months: -12), today, "the last 12 months")
        case 2 where words[0] == "for" && words[1].allSatisfy({ $0.isNumber || $0 == "-" || $0 == "+" }):
            let year = try year(words[1])
            (from, to, label) = (Day(year: year, month: 1, day: 1)!, Day(year: year, month: 12, day: 31)!, "\(year)")
        case 3 where words[0] == "for" && words[1].hasPrefix("q") && Int(words[1].dropFirst()).map({ (1...4).contains($0) }) == true:
            let q = Int(words[1].dropFirst())!, year = try year(words[2])
            (from, to) = quarter(year, q)
            label = "Q\(q) \(year)"
        case 4 where words[0] == "from" && words[2] == "to":
            guard let a = Day(iso: words[1]), let b = Day(iso: words[3]) else {
                throw CommandError("'\(words[1])' or '\(words[3])' is not a date — write from YYYY-MM-DD to YYYY-MM-DD")
            }
            guard a < b else { throw CommandError("the period must start before it ends: \(a) is not before \(b)") }
            (from, to, label) = (a, b, "\(a) to \(b)")
        default:
            throw CommandError("'\(text)' is not a period — use from DATE to DATE, for 2025, for Q3 2026, last quarter, last year or this year")
        }
        if to > today { to = today }
        guard from < to else { throw CommandError("\(label) has not started yet (today is \(today))") }
    }
}

struct NRRReport: Report {
    struct Row {
        var name: String
        var segment: Segment?
        var retention: Retention
    }
    let period: ReportPeriod
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
