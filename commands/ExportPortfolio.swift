import Intents
import Pages
import Playbooks
import Shell
import Workspace

/// `export portfolio FILE.html|.pdf [for CSM]`: the portfolio review as a page for a CS leader.
struct ExportPortfolioCommand: Command {
    let spec = CommandSpec(
        name: "export portfolio",
        phrases: ["export portfolio {rest}", "export portfolio review {rest}", "export the portfolio review {rest}", "export dashboard {rest}",
                  "导出 产品组合回顾 {rest}", "导出产品组合回顾 {rest}"],
        usage: "export portfolio FILE [for CSM] [as of DATE]",
        summary: "the portfolio review as one page for a browser or a PDF: ARR by tier, retention, renewals, at risk, cohorts",
        details: """
            FILE ends in .html (a page for a browser) or .pdf (printed through headless Chromium, on A4 unless 'letter' \
            follows the file). A self-contained HTML file (no script, nothing fetched): ARR by health tier, GRR / NRR / logo retention and \
            expansion against their targets, renewals by month for the next \(ExportPortfolioCommand.renewalDays) days by \
            forecast, the accounts at risk, and the cohort heat map — 'portfolio review', 'renewals' and 'cohort analysis' \
            figures, each section on a page of its own when printed. 'for CSM' narrows it to one CSM's book.
            """,
        examples: ["export portfolio book.html", "export portfolio dana.pdf for Dana", "export portfolio book.pdf letter", "导出 产品组合回顾 组合.html"],
        accountSlots: [])

    /// How far ahead the renewals by month look.
    static let renewalDays = 365

    func run(_ request: Request, in context: Context) throws -> Report {
        var words = request["rest"]!.split(whereSeparator: \.isWhitespace).map(String.init)
        var typedCSM: String?
        if let i = words.firstIndex(where: { $0.lowercased() == "for" }) {
            // "for Dana" before or after the file: the CSM's name runs to the file or the end.
            let end = words[(i + 1)...].firstIndex { w in [".html", ".htm", ".pdf"].contains { w.lowercased().hasSuffix($0) } } ?? words.count
            let name = words[(i + 1)..<end].filter { w in !HTMLPage.Paper.allCases.contains { $0.rawValue.lowercased() == w.lowercased() } }
            guard !name.isEmpty else { throw CommandError("name the CSM after 'for' — usage: \(spec.usage)") }
            typedCSM = name.joined(separator: " ")
            words.removeSubrange(i..<(i + 1 + name.count))
        }
        let file = try PageFile.take(from: &words, usage: spec.usage)
        guard words.isEmpty else { throw CommandError("'\(words.joined(separator: " ").excerpt)' — usage: \(spec.usage)") }
        let (report, ids) = try context.portfolioReview(csm: typedCSM)
        let ledger = try context.store.ledger()
        let cohorts = ledger.isEmpty ? nil : CohortTable(ledger: ledger, today: context.today, byQuarter: false) { ids.contains($0) }
        let months = RenewalForecast.months(try context.renewalForecasts(days: ExportPortfolioCommand.renewalDays, csm: report.csm))
        let page = PortfolioPage(review: report.review, csm: report.csm, renewals: months, renewalDays: ExportPortfolioCommand.renewalDays, cohorts: cohorts)
        try file.write(page.page(), in: context)
        let r = report.review
        var contents = ["\(grouped(r.accounts)) live account\(r.accounts == 1 ? "" : "s") by tier", r.yearRetention == nil ? "no retention (no ledger)" : "retention against the targets",
                        months.isEmpty ? "no renewals in \(ExportPortfolioCommand.renewalDays) days" : "renewals over \(months.count) month\(months.count == 1 ? "" : "s")",
                        "\(grouped(r.atRiskAccounts.count)) at risk"]
        contents.append(cohorts.map { "\(grouped($0.cohorts.count)) cohort\($0.cohorts.count == 1 ? "" : "s")" } ?? "no cohorts (no ledger)")
        return PageWritten(file: file.written, what: "the portfolio review" + (report.csm.map { " for \($0)" } ?? "") + " as of \(r.today)",
                           contents: contents, format: file.format)
    }
}
