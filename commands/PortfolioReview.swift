import Intents
import Playbooks
import Scoring
import Shell
import Workspace

/// `portfolio review [for CSM]`: the dashboard and the eight monthly questions.
struct PortfolioReviewCommand: Command {
    let spec = CommandSpec(
        name: "portfolio review",
        phrases: ["portfolio review", "portfolio", "book review", "dashboard", "weekly dashboard", "{options} portfolio review", "{options} dashboard",
                  "{options} weekly dashboard", "产品组合回顾", "组合回顾", "{options}组合回顾", "{options}的组合回顾", "{options}的portfolio review"],
        options: [Words.csmOption, Words.mineOption],
        usage: "portfolio review [for CSM] [as of DATE]",
        summary: "the book: ARR per tier, retention, health trend, renewals, ARR at risk, the eight monthly questions",
        details: """
            The weekly dashboard with its targets (GRR > 90%, NRR > 110%, logo retention > 85%, expansion > 15% a \
            year, average health > 70), retention from the ledger over the last 12 months and this month, renewals in \
            30/60/90 days, ARR at risk (the ARR of live accounts at churn risk high or critical — every P0–P1 \
            account, and any other whose drivers raise it there), and the eight \
            monthly review questions answered with the accounts behind each. 'for CSM' narrows it to one CSM's book.
            """,
        examples: ["portfolio review", "portfolio review for Dana", "dashboard for Priya", "产品组合回顾", "Dana's weekly dashboard"],
        natural: Natural(.book, cues: ["portfolio": 3, "portfolio review": 4, "dashboard": 3, "book review": 4, "book overview": 4, "overview": 2,
                                      "the book": 2, "my book": 3, "our book": 3, "book looking": 3, "book look": 3, "book looked": 3, "how's the book": 3, "weekly review": 3, "book": 1, "组合回顾": 4, "盘点": 3, "看板": 3, "周报": 2,
                                      "整个book": 3, "portfolio reveiw": 3],
                         questions: ["how's the book looking this week?", "Dana's weekly dashboard", "本周客户盘点"]))

    func run(_ request: Request, in context: Context) throws -> Report {
        // On a terminal, today, the review is kept for the book as it is (its stamp, read
        // before the book) and answered from there until a change moves the stamp.
        let csm = try context.csm(of: request, usage: "portfolio review for NAME")
        guard let rows = context.listRows, rows <= PortfolioReview.keptLines, context.today == context.clockToday else {
            return try context.portfolioReview(csm: csm).report
        }
        let name = "portfolio review " + (csm ?? "").lowercased()
        let basis = context.summaryBasis, stamp = try context.store.bookStamp()
        if let text = try context.store.keptAnswer(name, basis: basis, book: stamp), let kept = PortfolioReview.kept(text) {
            return PortfolioReport(review: kept.review, csm: kept.csm)
        }
        let report = try context.portfolioReview(csm: csm).report
        // A review that cannot be kept (the workspace is busy or read-only) is still the answer.
        if let text = report.review.kept(for: report.csm) { try? context.store.keep(answer: text, name: name, basis: basis, book: stamp) }
        return report
    }
}

struct PortfolioReport: Report {
    let review: PortfolioReview
    let csm: String?

    enum Keys: String, CodingKey {
        case asOf = "as_of", csm, accounts, arr, churned, noData = "no_data", tiers, retention12Months = "retention_12_months",
             monthToDate = "month_to_date", averageHealth = "average_health", averageHealth4WeeksAgo = "average_health_4_weeks_ago",
             qbrsLast90Days = "qbrs_last_90_days", activeOnboardings = "active_onboardings", renewals, arrAtRisk = "arr_at_risk",
             atRiskAccounts = "at_risk_accounts", questions
    }

    func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: Keys.self)
        try c.encode(review.today, forKey: .asOf)
        try c.encode(csm, forKey: .csm)
        try c.encode(review.accounts, forKey: .accounts)
        try c.encode(review.arr, forKey: .arr)
        try c.encode(review.churned, forKey: .churned)
        try c.encode(review.noData, forKey: .noData)
        try c.encode(review.tiers, forKey: .tiers)
        try c.encode(review.yearRetention, forKey: .retention12Months)
        try c.encode(review.monthToDate, forKey: .monthToDate)
        try c.encode(review.averageHealth.map { ($0 * 10).rounded() / 10 }, forKey: .averageHealth)
        try c.encode(review.averageHealthFourWeeksAgo.map { ($0 * 10).rounded() / 10 }, forKey: .averageHealth4WeeksAgo)
        try c.encode(review.qbrsLast90Days, forKey: .qbrsLast90Days)
        try c.encode(review.onboarding, forKey: .activeOnboardings)
        try c.encode(review.renewals, forKey: .renewals)
        try c.encode(review.arrAtRisk, forKey: .arrAtRisk)
        try c.encode(review.atRiskAccounts, forKey: .atRiskAccounts)
        try c.encode(review.questions, forKey: .questions)
    }

    func render(into doc: inout Document) {
        let r = review
        let money = { (x: Double) in Money(cents: Int64((x * 100).rounded())).description }
        let pct = { (x: Double?) in x.map { Format.percent(($0 * 1000).rounded() / 10) } ?? "—" }
        doc.line(Span("Portfolio review", .bold), Span(csm.map { " — \($0)" } ?? ""), Span("  as of \(r.today)", .dim))
        doc.line(Span("\(r.accounts) live accounts · ARR \(money(r.arr))" + (r.churned > 0 ? " · \(r.churned) churned" : "") + (r.noData > 0 ? " · \(r.noData) without metrics" : ""), .dim))
        doc.blank()
        let top = max(1, r.tiers.map(\.arr).max() ?? 1)
        var table = TextTable([.init("Health"), .init("Accounts", right: true), .init("ARR", right: true), .init("", shrinkable: true)])
        let styles: [Style] = [.green, .yellow, .orange, .red]
        for (i, t) in r.tiers.enumerated() {
            let bar = String(repeating: "█", count: t.arr > 0 ? max(1, Int((t.arr / top * 30).rounded())) : 0)
            table.add(Span("\(t.emoji) \(t.tier)", styles[i]), Span("\(t.accounts)"), Span(money(t.arr)), Span(bar, styles[i]))
        }
        doc.table(table)
        doc.blank()
        let label = { (s: String) in Span(DisplayWidth.pad(s, to: 13), .bold) }
        if let y = r.yearRetention {
            let flag = { (x: Double?, target: Double) -> Style? in x.map { $0 > target ? .green : .red } }
            doc.wrapped(label("Retention"), text: [Span("last 12 months: GRR "), Span(pct(y.grr), flag(y.grr, 0.9)), Span(" (target > 90%) · NRR "),
                                                  Span(pct(y.nrr), flag(y.nrr, 1.1)), Span(" (> 110%) · logo "), Span(pct(y.logoRetention), flag(y.logoRetention, 0.85)),
                                                  Span(" (> 85%) · expansion "), Span(pct(y.expansionRate), flag(y.expansionRate, 0.15)), Span(" of starting MRR (> 15% a year)")])
        } else {
            doc.wrapped(label("Retention"), text: [Span("no subscription ledger — import one to see GRR, NRR and logo retention", .dim)])
        }
        if let m = r.monthToDate {
            doc.wrapped(label("This month"), text: "ARR churned \(Money(cents: m.churned * 12)) · contracted \(Money(cents: m.contraction * 12)) · expanded \(Money(cents: m.expansion * 12))")
        }
        if let now = r.averageHealth {
            let before = r.averageHealthFourWeeksAgo
            let direction = before.map { now > $0 + 0.5 ? "up" : now < $0 - 0.5 ? "down" : "flat" } ?? "—"
            doc.wrapped(label("Health"), text: [Span("average \(Format.oneDecimal(now))", now > 70 ? .green : .yellow), Span(" (target > 70)"),
                                               Span(before.map { ", four weeks ago \(Format.oneDecimal($0)): \(direction)" } ?? "")])
        }
        doc.wrapped(label("Engagement"), text: "\(r.qbrsLast90Days) QBR\(r.qbrsLast90Days == 1 ? "" : "s") held in the last 90 days · \(r.onboarding) account\(r.onboarding == 1 ? "" : "s") onboarding")
        doc.wrapped(label("Renewals"), text: r.renewals.map { w in
            "\(w.days) d: \(w.accounts) (\(money(w.arr))), \(w.onTrack) on track" + (w.atRisk.isEmpty ? "" : ", at risk: \(names(w.atRisk, doc))")
        }.joined(separator: " · "))
        doc.wrapped(label("ARR at risk"), text: [Span(money(r.arrAtRisk), r.arrAtRisk > 0 ? .red : .green),
                                                 Span(" at churn risk high or critical" + (r.atRiskAccounts.isEmpty ? "" : ": " + names(r.atRiskAccounts, doc)))])
        doc.blank()
        doc.line(Span("Monthly review", .bold))
        for (i, q) in r.questions.enumerated() {
            doc.wrapped(Span("\(i + 1). "), text: [Span(q.question, .bold)])
            doc.wrapped(Span("   "), text: q.answer)
            for e in doc.fitting(q.evidence) { doc.wrapped(Span("   · "), text: [Span(e, .dim)]) }
            if doc.fitting(q.evidence).count < q.evidence.count {
                doc.line(Span("   … \(q.evidence.count - doc.fitting(q.evidence).count) more — see them all piped or with --json", .dim))
            }
        }
    }
}

/// Names in a line: all of them, or on a terminal the first ten, and how many more.
private func names<C: Collection<String>>(_ all: C, _ doc: Document) -> String {
    let shown = all.prefix(doc.listRows.map { min($0, 10) } ?? all.count)
    return shown.joined(separator: ", ") + (shown.count < all.count ? " and \(all.count - shown.count) more" : "")
}

extension Context {
    /// The review computed from what it reads of each account (`PortfolioReview.Row`) and the
    /// ledger; with `csm` (a name as the accounts hold it), of that CSM's accounts only. Also the ids of the accounts it
    /// reviews.
    func portfolioReview(csm: String?) throws -> (report: PortfolioReport, accounts: Set<Int64>) {
        var book = try reviewRows()
        if let csm { book = book.filter { $0.csm == csm } }
        let review = try PortfolioReview(book: book, ledger: try store.ledger(), today: today) { id in
            guard let account = try store.accounts(ids: [id]).first else { throw CommandError("an account was deleted while the review read it — ask again") }
            return PlaybookInput(health: try self.health(of: account))
        }
        return (PortfolioReport(review: review, csm: csm), Set(book.map(\.id)))
    }

    /// What the review reads of every account in the book today, in the order of
    /// `Account.byName`. Today, the accounts out of date are computed and kept first, then each
    /// row is read from beside its kept summary; one still missing or unreadable (the workspace
    /// is busy or read-only, a change just landed) is computed and takes its place. As of
    /// another day, every account is computed.
    func reviewRows() throws -> [PortfolioReview.Row] {
        guard today == clockToday else {
            return Account.byName(try computed(nil, details: false, keep: false).book.reviews, name: \.name, id: \.id)
        }
        // Kept first, so that the rows read are the whole book: merging 100,000 rows costs more
        // than computing one account.
        _ = try keepOutdated()
        let blocks = BlockDecoder { id, bytes in bytes.withUnsafeBytes { PortfolioReview.Row(id: id, kept: $0) } }
        let inBook = try store.eachKeptReview(basis: summaryBasis, on: today) { id, bytes in blocks.add(id, bytes) }
        var (rows, unread) = blocks.finish()
        if rows.count < inBook || !unread.isEmpty {
            let fresh = try keepOutdated(also: unread).reviews, freshIDs = Set(fresh.map(\.id))
            rows = rows.filter { !freshIDs.contains($0.id) } + fresh
        }
        return Account.byName(rows, name: \.name, id: \.id)
    }
}
