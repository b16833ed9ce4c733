import Intents
import Playbooks
import Scoring
import Shell
import Workspace

/// `cohort analysis [by month | by quarter] [revenue]`: seed 002's retention table.
struct CohortAnalysisCommand: Command {
    let spec = CommandSpec(
        name: "cohort analysis",
        phrases: ["cohort analysis", "cohorts", "cohort table", "retention cohorts", "{options} cohorts", "留存群体分析", "同期群分析", "cohort分析",
                  "{options}cohort", "{options}看cohort"],
        options: [OptionSpec("by", type: .choice(CohortAnalysisCommand.grouping), "by {value}", "{value}", "按{value}", "按{value}看"),
                  OptionSpec("revenue", "revenue", "mrr", "revenue view", "on revenue", "收入", "看收入")],
        usage: "cohort analysis [by month | by quarter] [revenue]",
        summary: "retention by start cohort at month 0, 1, 2, 3, 6, 12, with what to look for",
        details: """
            Logo retention unless 'revenue' is asked for. Accounts are grouped by the month (or quarter) their first subscription started; each cell is the share of \
            the cohort's accounts active that many months after each one's start (with 'revenue', the share of its \
            starting MRR). A cell appears once the whole cohort is that old. The findings answer the cohort questions: \
            do newer cohorts retain better, where is the steepest drop, which cohort is best, does revenue hold up.
            """,
        examples: ["cohort analysis", "cohort analysis by quarter", "cohort analysis revenue", "cohorts by quarter revenue", "留存群体分析"],
        natural: Natural(.book, cues: ["cohort": 3, "cohorts": 3, "cohort analysis": 4, "signup cohort": 3, "cohort retention": 4, "logo retention": 2, "logos": 1, "同期群": 4,
                                      "留存群体": 4, "cohort分析": 4],
                         questions: ["how are the cohorts doing on revenue?", "按季度看cohort"]))

    static let grouping = Vocabulary("cohort grouping", ["month": ["month", "months", "monthly", "月", "按月"],
                                                         "quarter": ["quarter", "quarters", "quarterly", "季度"]])

    func run(_ request: Request, in context: Context) throws -> Report {
        let byQuarter = request.choice("by") == "quarter"
        let revenue = request.flag("revenue")
        let ledger = try context.store.ledger()
        guard !ledger.isEmpty else {
            throw CommandError("the workspace has no subscription ledger — import one: 'import subscriptions.csv' (account,product,start_date,end_date,mrr)")
        }
        let table = CohortTable(ledger: ledger, today: context.today, byQuarter: byQuarter)
        return CohortReport(table: table, revenue: revenue, findings: table.findings(revenue: revenue))
    }
}

struct CohortReport: Report {
    let table: CohortTable
    let revenue: Bool
    let findings: [String]

    enum Keys: String, CodingKey { case by, measure, months, cohorts, findings }

    func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: Keys.self)
        try c.encode(table.byQuarter ? "quarter" : "month", forKey: .by)
        try c.encode(revenue ? "revenue" : "logos", forKey: .measure)
        try c.encode(CohortTable.months, forKey: .months)
        try c.encode(table.cohorts, forKey: .cohorts)
        try c.encode(findings, forKey: .findings)
    }

    /// Shades a cell by how much of the cohort is left (on a terminal; plain text reads the numbers).
    func style(_ x: Double) -> Style { x >= 0.9 ? .green : x >= 0.75 ? .yellow : x >= 0.5 ? .orange : .red }

    func render(into doc: inout Document) {
        doc.line(Span("Cohort analysis", .bold), " — \(revenue ? "revenue" : "logo") retention by start \(table.byQuarter ? "quarter" : "month")")
        doc.blank()
        guard !table.cohorts.isEmpty else { doc.line(Span("no cohort has finished its first \(table.byQuarter ? "quarter" : "month") yet", .dim)); return }
        var columns: [TextTable.Column] = [.init("Cohort"), .init("Accounts", right: true), .init("Start MRR", right: true, optional: true)]
        columns += CohortTable.months.map { .init("Month \($0)", right: true) }
        var table = TextTable(columns)
        for cohort in self.table.cohorts {
            let cells = revenue ? cohort.revenue : cohort.logos
            table.add([Span(cohort.label, .bold), Span("\(cohort.accounts)"), Span(Money(cents: cohort.startingMRR).description)]
                      + cells.map { $0.map { Span(Format.percent(($0 * 1000).rounded() / 10), style($0)) } ?? Span("—", .dim) })
        }
        doc.table(table)
        doc.blank()
        doc.line(Span("What to look for", .bold))
        if findings.isEmpty { doc.line(Span("  too few cohorts with data to compare", .dim)) }
        for f in findings { doc.wrapped(Span("  · "), text: f) }
    }
}
