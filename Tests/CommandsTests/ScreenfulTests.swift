import Foundation
import XCTest
import Shell
import Workspace
@testable import Commands
import Playbooks

/// On a terminal a long list shows a screenful and says how many rows it left out; piped,
/// or in JSON, it shows every row. Its totals are always the whole list's.
final class ScreenfulTests: XCTestCase {
    var folder = ""
    var context: Context!

    override func setUpWithError() throws {
        folder = (NSTemporaryDirectory() as NSString).appendingPathComponent("cse-screen-\(UUID().uuidString)")
        let today = Day(iso: "2026-11-24")!
        try WorkspaceDirectory.create(at: folder, demoAsOf: today)
        context = Context(workspace: try WorkspaceDirectory(path: folder), today: today, specs: Catalog.commands.map(\.spec), directory: folder, progress: nil)
    }

    override func tearDown() { try? FileManager.default.removeItem(atPath: folder) }

    func say(_ line: String, height: Int?, json: Bool = false) -> String {
        let output = BufferOutput()
        let session = Session(context: context, commands: Catalog.commands, renderer: Renderer(width: 120, colour: false, height: height), json: json, output: output)
        _ = session.run(line)
        return output.take()
    }

    func testAListShowsAScreenfulOnATerminal() throws {
        let all = say("list accounts", height: nil)
        let screen = say("list accounts", height: 14)
        let rows = { (text: String) in text.split(separator: "\n").filter { $0.contains("$") && !$0.contains("live accounts") }.count }
        XCTAssertEqual(rows(all), 13, all)
        XCTAssertEqual(rows(screen), 10, screen)
        // (The hint wraps like any other line.)
        XCTAssertTrue(screen.replacingOccurrences(of: "\n", with: " ")
            .contains("… 3 more accounts: narrow the list, or pipe it for every row: cse -w '\(folder)' -c 'list accounts' | less"), screen)
        XCTAssertTrue(say("list accounts", height: 20).contains("… 1 more account: narrow"))
        XCTAssertFalse(all.contains("more accounts"))
        // The totals count every account, not the ones on the screen.
        XCTAssertTrue(screen.contains("12 live accounts · ARR $434,300 · 4 at risk"), screen)
        XCTAssertEqual(say("list accounts", height: 40), all, "a list that fits is shown whole")
        let json = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(say("list accounts", height: 14, json: true).utf8)) as? [String: Any])
        XCTAssertEqual((json["accounts"] as? [Any])?.count, 13)
    }

    func testChurnRiskAndAlertsShowAScreenfulOnATerminal() {
        let risks = say("churn risk", height: 14)
        XCTAssertTrue(risks.contains("more accounts: narrow the list"), risks)
        XCTAssertTrue(risks.contains("ARR at risk (high and critical): $74,100"), risks)
        let alerts = say("alerts", height: 10)
        let all = say("alerts", height: nil)
        XCTAssertTrue(alerts.contains("more accounts with alerts: narrow the list"), alerts)
        XCTAssertLessThan(alerts.count, all.count)
        // The count under the list is the whole book's.
        let count = { (text: String) in text.split(separator: "\n").first { $0.contains("alerts (") }?.components(separatedBy: " · ").first }
        XCTAssertEqual(count(alerts), "11 alerts (4 red) on 4 accounts")
        XCTAssertEqual(count(alerts), count(all))
    }

    /// On a terminal the portfolio review is kept for the book as it is: the next look reads
    /// it, and a change to any account has it computed again.
    func testThePortfolioReviewIsKeptUntilTheBookChanges() throws {
        let name = "portfolio review "
        let kept = { try self.context.store.keptAnswer(name, basis: self.context.summaryBasis, book: try self.context.store.bookStamp()) }
        let first = say("portfolio review", height: 40)
        XCTAssertTrue(first.contains("Portfolio review"), first)
        XCTAssertEqual(say("portfolio review", height: 40), first)
        XCTAssertNotNil(try kept(), "kept for the book as it is now")
        XCTAssertEqual(say("portfolio review", height: 40), first, "read back, the same review")
        XCTAssertTrue(say("set Hooli arr 990000", height: nil).contains("Hooli"))
        XCTAssertNil(try kept(), "the change moved the book's stamp")
        let changed = say("portfolio review", height: 40)
        XCTAssertNotEqual(changed, first)
        XCTAssertTrue(changed.contains("ARR $1,364,300") && changed.contains("Hooli (52.8, churn risk critical, $990,000)"), changed)
        XCTAssertEqual(say("portfolio review", height: 40), changed)
        // One CSM's book is kept apart, and says whose it is.
        let dana = say("portfolio review for Dana", height: 40)
        XCTAssertTrue(dana.contains("Portfolio review — Dana"), dana)
        XCTAssertEqual(say("portfolio review for Dana", height: 40), dana)
        XCTAssertEqual(say("portfolio review", height: 40), changed)
        // JSON is computed: every line, and the accounts behind each answer.
        let json = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(say("portfolio review", height: 40, json: true).utf8)) as? [String: Any])
        let questions = try XCTUnwrap(json["questions"] as? [[String: Any]])
        XCTAssertTrue(questions.contains { ($0["accounts"] as? [String])?.isEmpty == false })
    }

    /// A kept review holds every figure and the first lines of each long list, with its length.
    func testAKeptReviewReadsBackItsFiguresAndFirstLines() throws {
        _ = say("portfolio review", height: 40)
        let text = try XCTUnwrap(try context.store.keptAnswer("portfolio review ", basis: context.summaryBasis, book: try context.store.bookStamp())
            ?? { _ = say("portfolio review", height: 40); return try context.store.keptAnswer("portfolio review ", basis: context.summaryBasis, book: try context.store.bookStamp()) }())
        var review = try XCTUnwrap(PortfolioReview.kept(text)).review
        XCTAssertNil(PortfolioReview.kept(String(text.dropLast())))
        review.atRiskAccounts = Lines(count: 500) { "account \($0)" }
        let long = try XCTUnwrap(PortfolioReview.kept(try XCTUnwrap(review.kept(for: "Dana"))))
        XCTAssertEqual(long.csm, "Dana")
        XCTAssertEqual(long.review.atRiskAccounts.count, 500)
        XCTAssertEqual(Array(long.review.atRiskAccounts.prefix(PortfolioReview.keptLines)), (0..<PortfolioReview.keptLines).map { "account \($0)" })
        XCTAssertEqual(long.review.tiers, review.tiers)
        XCTAssertEqual(long.review.yearRetention, review.yearRetention)
        XCTAssertEqual(long.review.renewals, review.renewals)
        XCTAssertEqual(long.review.questions.map(\.evidence), review.questions.map(\.evidence))
        XCTAssertEqual([long.review.averageHealth, long.review.averageHealthFourWeeksAgo], [review.averageHealth, review.averageHealthFourWeeksAgo])
        review.averageHealth = .nan
        XCTAssertNil(review.kept(for: nil), "a figure that would not read back is not kept")
    }

    /// On a terminal `alerts` ranks the heads kept beside the summaries and reads the words of
    /// the accounts it shows; piped, each summary's alerts: one answer, before and after a change.
    func testAlertsOnATerminalAreThePipedAlerts() {
        _ = say("alerts", height: nil)
        XCTAssertEqual(say("alerts", height: 60), say("alerts", height: nil))
        _ = say("log Hooli champion left Ann Lee resigned", height: nil)
        let terminal = say("alerts", height: 60)
        XCTAssertTrue(terminal.contains("champion left"), terminal)
        XCTAssertEqual(say("alerts", height: 60), say("alerts", height: nil))
        XCTAssertEqual(say("alerts all over $1,000 ARR", height: 60), say("alerts all over $1,000 ARR", height: nil))
    }
}
