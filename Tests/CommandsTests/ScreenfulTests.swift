import Foundation
import XCTest
import Shell
import Workspace
@testable import Commands

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
