import Intents
import Pages
import Playbooks
import Shell
import Workspace

/// `export qbr ACCOUNT FILE.html|.pdf`: the QBR deck as a page to present or print.
struct ExportQBRCommand: Command {
    let spec = CommandSpec(
        name: "export qbr",
        phrases: ["export qbr {account} {file}", "export qbr {account} to {file}", "export qbr deck {account} {file}", "export qbr deck {account} to {file}",
                  "export the qbr deck for {account} to {file}", "export qbr for {account} to {file}", "export qbr for {account} {file}",
                  "qbr deck {account} {file}", "导出 QBR {account} {file}", "导出QBR {account} {file}", "导出 定期业务回顾 {account} {file}"],
        options: [PageFile.paperOption, Words.forceOption],
        usage: "export qbr ACCOUNT FILE [as of DATE]",
        summary: "the QBR deck as one page for a browser or a PDF: health over time, dimensions, usage, goals, agenda",
        details: """
            FILE ends in .html (a page for a browser) or .pdf (printed through headless Chromium, on A4 unless 'letter' \
            follows the file). A self-contained HTML file (no script, nothing fetched): the health score over every week with the model's tiers \
            and the account's events marked, the five dimensions of the latest week, usage metrics over time, the goals \
            from baseline to target to now, the 60-minute agenda and next quarter's objectives, each section on a page of its \
            own when printed. Not for churned accounts; before the first QBR is due the deck says when it is.
            """,
        examples: ["export qbr Acme acme-qbr.html", "export qbr Globex to globex.pdf", "export qbr Acme acme.pdf letter", "导出 QBR 星辰科技 星辰.html"])

    func run(_ request: Request, in context: Context) throws -> Report {
        let account = try context.account(request.account()!)
        let file = try PageFile(request)
        let deck: QBRDeck
        switch QBRDeck.make(try context.playbookInput(account)) {
        case .success(let made): deck = made
        case .failure(let reason): throw CommandError("no QBR deck: \(reason.reason)")
        }
        guard try file.write(deck.page(), in: context) else { return Context.kept(file.typed) }
        let weeks = deck.input.health.weeks.count, goals = deck.plan.objectives.count
        var contents = ["health over \(weeks) week\(weeks == 1 ? "" : "s")", "the dimensions", "\(deck.usageChartCount) usage chart\(deck.usageChartCount == 1 ? "" : "s")",
                        goals == 0 ? "no goals recorded" : "\(goals) goal\(goals == 1 ? "" : "s")"]
        switch deck.prep {
        case .success(let prep): contents.append("the agenda for the QBR on \(prep.date)")
        case .failure: contents.append("no agenda yet (first QBR not due)")
        }
        return PageWritten(file: file.written, what: "\(account.name)'s QBR deck", contents: contents, format: file.format)
    }
}
