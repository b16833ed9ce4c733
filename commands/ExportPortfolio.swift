import Intents
import Pages
import Playbooks
import Shell
import Workspace

/// `export portfolio FILE.html|.pdf [for CSM]`: the portfolio review as a page for a CS leader.
struct ExportPortfolioCommand: Command {
    let spec = CommandSpec(
        name: "export portfolio",
        phrases: ["export portfolio {file}", "export portfolio to {file}", "export portfolio review {file}", "export portfolio review to {file}",
                  "export the portfolio review to {file}", "export dashboard {file}", "export portfolio {options} to {file}", "export portfolio {options} {file}",
                  "导出 产品组合回顾 {file}", "导出产品组合回顾 {file}"],
        options: [Words.csmOption, Words.mineOption, PageFile.paperOption, Words.forceOption],
        usage: "export portfolio FILE [for CSM] [as of DATE]",
        summary: "the portfolio review as one page for a browser or a PDF: ARR by tier, retention, renewals, at risk, cohorts",
        details: """
            FILE ends in .html (a page for a browser) or .pdf (printed through headless Chromium, on A4 unless 'letter' \
            follows the file). A self-contained HTML file (no script, nothing fetched): ARR by health tier, GRR / NRR / logo retention and \
            expansion against their targets, renewals by month for the next \(ExportPortfolioCommand.renewalDays) days by \
            forecast, the accounts at risk, and the cohort heat map — 'portfolio review', 'renewals' and 'cohort analysis' \
            figures, each section on a page of its own when printed. 'for CSM' narrows it to one CSM's book.
            """,
        examples: ["export portfolio book.html", "export portfolio dana.pdf for Dana", "export portfolio book.pdf letter", "导出 产品组合回顾 组合.html"])

    /// How far ahead the renewals by month look.
    static let renewalDays = 365

    func run(_ request: Request, in context: Context) throws -> Report {
        let csm = try context.csm(of: request, usage: "export portfolio FILE for NAME")
        let file = try PageFile(request)
        let (report, ids) = try context.portfolioReview(csm: csm)
        let ledger = try context.store.ledger()
        let cohorts = ledger.isEmpty ? nil : CohortTable(ledger: ledger, today: context.today, byQuarter: false) { ids.contains($0) }
        let months = RenewalForecast.months(try context.renewalForecasts(days: ExportPortfolioCommand.renewalDays, csm: report.csm))
        let page = PortfolioPage(review: report.review, csm: report.csm, renewals: months, renewalDays: ExportPortfolioCommand.renewalDays, cohorts: cohorts)
        guard try file.write(page.page(), in: context) else { return Context.kept(file.typed) }
        let r = report.review
        var contents = ["\(grouped(r.accounts)) live account\(r.accounts == 1 ? "" : "s") by tier", r.yearRetention == nil ? "no retention (no ledger)" : "retention against the targets",
                        months.isEmpty ? "no renewals in \(ExportPortfolioCommand.renewalDays) days" : "renewals over \(months.count) month\(months.count == 1 ? "" : "s")",
                        "\(grouped(r.atRiskAccounts.count)) at risk"]
        contents.append(cohorts.map { "\(grouped($0.cohorts.count)) cohort\($0.cohorts.count == 1 ? "" : "s")" } ?? "no cohorts (no ledger)")
        return PageWritten(file: file.written, what: "the portfolio review" + (report.csm.map { " for \($0)" } ?? "") + " as of \(r.today)",
                           contents: contents, format: file.format)
    }
}
