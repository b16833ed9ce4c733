import Foundation
import XCTest
import Scoring
import Shell
import Workspace
@testable import Commands

/// Every read command on every demo account, after three champions left: nobody who left
/// is addressed or named as holding a role, no reason is given without a driver behind it,
/// and an account's ARR, the book's ARR and ARR at risk, the renewal date and the next
/// review are the same figure in every command that shows them.
final class OneTruthTests: XCTestCase {
    let today = Day(iso: "2026-11-24")!
    var folder = ""

    override func setUpWithError() throws {
        folder = (NSTemporaryDirectory() as NSString).appendingPathComponent("cse-truth-\(UUID().uuidString)")
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    }

    override func tearDown() { try? FileManager.default.removeItem(atPath: folder) }

    /// Runs one line; returns its text (wide, so no sentence is wrapped) or its JSON.
    final class Runner {
        let text: Session, json: Session
        let textOut = BufferOutput(), jsonOut = BufferOutput()

        init(_ context: Context) {
            text = Session(context: context, commands: Catalog.commands, renderer: Renderer(width: 10_000, colour: false), json: false, output: textOut)
            json = Session(context: context, commands: Catalog.commands, renderer: Renderer(width: 10_000, colour: false), json: true, output: jsonOut)
        }

        func say(_ line: String) -> String {
            _ = text.run(line)
            return textOut.take()
        }

        func object(_ line: String) throws -> [String: Any] {
            _ = json.run(line)
            let data = Data(jsonOut.take().utf8)
            return try XCTUnwrap(JSONSerialization.jsonObject(with: data) as? [String: Any], line)
        }
    }

    func testEveryReadCommandOnEveryDemoAccountTellsOneTruth() throws {
        let workspace = try WorkspaceDirectory.create(at: (folder as NSString).appendingPathComponent("ws"), demoAsOf: today)
        let context = Context(workspace: workspace, today: today, specs: Catalog.commands.map(\.spec), directory: folder, progress: nil)
        let run = Runner(context)
        // Three departures: one named, one naming the sponsor after the champion, one unnamed.
        _ = run.say("log Acme champion left Maria Lopez resigned, Tom Becker covers for now")
        _ = run.say("log Globex champion left on 2026-11-20 Hank Scorpio resigned")
        _ = run.say("log Tyrell champion left resigned")

        let accounts = try context.accounts()
        var departed: [String: [String]] = [:]
        for account in accounts {
            let records = try context.records(of: account)
            departed[account.name] = records.departures(on: today).map(\.contact.name)
        }
        XCTAssertEqual(departed["Acme Corp"], ["Maria Lopez"])
        XCTAssertEqual(departed["Globex"], ["Hank Scorpio"])
        XCTAssertEqual(departed["Tyrell Corp"], ["Rachael Rosen"], "unnamed: the champion then")

        let perAccount = ["score", "show", "churn risk", "alerts", "trend", "why", "save plan", "success plan", "renewal prep", "QBR prep",
                          "onboarding plan", "expansion", "win-back plan", "timeline", "draft qbr recap", "draft renewal", "draft welcome",
                          "draft escalation", "draft health alert", "draft activation", "draft win-back"]
        let book = ["list accounts", "churn risk", "portfolio review", "alerts", "expansion"]

        // 1. Nobody who left is named except as having left (the line says so), or in the
        //    history: an event dated before today ("2026-10-25 meeting attended …", "last touch  2026-10-25 — …").
        func history(_ line: Substring) -> Bool {
            let first = line.split(separator: " ").lazy.compactMap { Day(iso: String($0)) }.first
            return first.map { $0 < today } ?? false
        }
        for account in accounts {
            let gone = departed[account.name] ?? []
            guard !gone.isEmpty else { continue }
            for command in perAccount {
                for line in run.say("\(command) \(account.name)").split(separator: "\n") where gone.contains(where: line.contains) && !history(line) {
                    XCTAssertTrue(line.contains("left") || line.contains("resigned"),
                                  "\(command) \(account.name) names someone who left: \(line)")
                }
            }
            for kind in ["qbr recap", "renewal", "welcome", "escalation"] {
                guard let draft = try? run.object("draft \(kind) \(account.name)"), let to = draft["to"] as? [[String: Any]] else { continue }
                let cc = draft["cc"] as? [[String: Any]] ?? []
                for person in to + cc {
                    XCTAssertFalse(gone.contains(person["name"] as? String ?? ""), "draft \(kind) \(account.name) goes to someone who left")
                }
            }
        }
        for command in book {
            for line in run.say(command).split(separator: "\n") {
                for name in departed.values.flatMap({ $0 }) where line.contains(name) && !history(line) {
                    XCTAssertTrue(line.contains("left") || line.contains("resigned"), "\(command) names \(name), who left: \(line)")
                }
            }
        }

        // 2. A reason only with a driver behind it; plays only with a driver or a reason.
        for account in accounts where !account.isChurned(on: today) {
            let card = try run.object("churn risk \(account.name)")
            let drivers = card["drivers"] as? [[String: Any]] ?? []
            let behind = card["reason_drivers"] as? [String] ?? []
            if let reason = card["reason"] as? String {
                XCTAssertFalse(behind.isEmpty, "\(account.name): reason \(reason) with no driver")
                for d in drivers where behind.contains(d["signal"] as! String) { XCTAssertEqual(d["reason"] as? String, reason) }
            } else {
                XCTAssertTrue(drivers.isEmpty, "\(account.name): drivers but no reason")
                XCTAssertEqual((card["save_plays"] as? [String])?.count, 0, "\(account.name): plays with no driver")
            }
            // The tier is the floor; the next contact is never after the renewal.
            let floor = ["low", "medium", "high", "critical"]
            XCTAssertGreaterThanOrEqual(floor.firstIndex(of: card["level"] as! String)!, floor.firstIndex(of: card["floor"] as! String)!)
            if let renewal = account.renewalDate, renewal >= today {
                let by = (card["intervention"] as? [String: String])?["plan_by"] ?? ""
                XCTAssertLessThanOrEqual(by, renewal.description, "\(account.name): next contact after the renewal")
                let plan = try run.object("save plan \(account.name)")
                let dates = (plan["within_48_hours"] as? [[String: Any]] ?? []).compactMap { $0["by"] as? String }
                    + (plan["recovery"] as? [[String: Any]] ?? []).compactMap { $0["date"] as? String }
                for date in dates { XCTAssertLessThanOrEqual(date, renewal.description, "\(account.name): a save-plan date after the renewal") }
            }
        }

        // 3. One figure per fact across commands.
        let list = try run.object("list accounts")
        let risks = try run.object("churn risk")
        let portfolio = try run.object("portfolio review")
        XCTAssertEqual(list["arr"] as? Double, portfolio["arr"] as? Double, "the book's ARR")
        XCTAssertEqual(list["arr"] as? Double, 434_300, "live accounts only: Initech churned")
        XCTAssertEqual(list["arr_at_risk"] as? Double, risks["arr_at_risk"] as? Double, "ARR at risk, list and churn risk")
        XCTAssertEqual(list["arr_at_risk"] as? Double, portfolio["arr_at_risk"] as? Double, "ARR at risk, list and portfolio")
        let rows = Dictionary(uniqueKeysWithValues: (list["accounts"] as! [[String: Any]]).map { ($0["account"] as! String, $0) })
        let riskRows = Dictionary(uniqueKeysWithValues: (risks["accounts"] as! [[String: Any]]).map { ($0["account"] as! String, $0) })
        for account in accounts {
            let shown = try run.object("show \(account.name)")
            XCTAssertEqual(shown["arr"] as? Double, account.arr?.dollars, account.name)
            XCTAssertEqual(rows[account.name]?["arr"] as? Double, account.arr?.dollars, "list: \(account.name)")
            if let row = riskRows[account.name] {
                XCTAssertEqual(row["arr"] as? Double, account.arr?.dollars, "churn risk: \(account.name)")
                XCTAssertEqual(row["level"] as? String, rows[account.name]?["churn_risk"] as? String, "churn level, list and churn risk: \(account.name)")
            }
            if let renewal = try? run.object("renewal prep \(account.name)"), renewal["applies"] as? Bool != false {
                XCTAssertEqual(renewal["renewal_date"] as? String, shown["renewal_date"] as? String, "renewal date: \(account.name)")
            }
            if let plan = try? run.object("success plan \(account.name)"), let next = plan["next_review"] as? String,
               let qbr = try? run.object("QBR prep \(account.name)"), let date = qbr["date"] as? String {
                XCTAssertEqual(next, date, "the next review: \(account.name)")
                XCTAssertFalse([6, 7].contains(Day(iso: date)!.weekday), "a QBR on a weekend: \(account.name)")
            }
        }
    }
}
