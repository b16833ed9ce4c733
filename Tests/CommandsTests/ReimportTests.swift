import Foundation
import XCTest
import Shell
import Workspace
@testable import Commands

/// A book re-exported every night: a file imported a second time changes nothing, on either
/// store and in every format; an edited file changes what was edited; a name near an account
/// is not a new account.
final class ReimportTests: WorkspaceTestCase {
    var fixtures: String { (TranscriptFiles.folder as NSString).appendingPathComponent("fixtures") }

    func testEveryFileImportedTwiceChangesNothingOnSQLite() throws { try everyFileImportedTwice(try workspace("sqlite")) }
    func testEveryFileImportedTwiceChangesNothingOnPostgreSQL() throws { try everyFileImportedTwice(try workspace("postgres")) }

    /// Everything a CSM could read back: the four exports, each table's rows, the change log.
    func state(_ run: OneTruthTests.Runner, _ context: Context) throws -> [String] {
        var said: [String] = []
        for kind in ["accounts", "snapshots", "events", "subscriptions"] {
            let file = (folder as NSString).appendingPathComponent("state-\(UUID().uuidString).csv")
            _ = run.say("export \(kind) \(file)")
            said.append(try String(contentsOfFile: file, encoding: .utf8))
        }
        let store = try XCTUnwrap(context.workspace.store as? SQLStore)
        said.append(try WorkspaceCopy.counts(store).rows.map { "\($0.table) \($0.count)" }.joined(separator: "\n"))
        said.append(run.say("timeline Hooli"))
        return said
    }

    func everyFileImportedTwice(_ location: WorkspaceLocation) throws {
        let (run, context) = try shell(location, as: "dana")
        var files = ["crm-activity.csv", "accounts-update.csv", "weeks.csv", "ledger.csv", "segment.ndjson", "daily-counts.csv",
                     "hubspot-companies.csv", "salesforce-accounts.csv", "usage-seats.csv", "usage-accounts.csv", "salesforce-contacts.csv", "salesforce-report.csv"]
            .map { (fixtures as NSString).appendingPathComponent($0) }
        // The workspace's own exports, in each format, are files of every kind too.
        for kind in ["accounts", "snapshots", "events", "subscriptions"] {
            for ext in ["csv", "yaml", "json"] {
                let file = (folder as NSString).appendingPathComponent("\(kind).\(ext)")
                XCTAssertTrue(run.say("export \(kind) \(file)").hasPrefix("exported"), file)
                files.append(file)
            }
        }
        for file in files {
            let first = run.say("import \(file)")
            XCTAssertTrue(first.hasPrefix("imported"), first)
            let before = try state(run, context)
            let again = run.say("import \(file)")
            XCTAssertTrue(again.contains("— nothing changed; "), again)
            for (was, now) in zip(before, try state(run, context)) where was != now {
                let lines = Set(was.split(separator: "\n")).symmetricDifference(Set(now.split(separator: "\n")))
                XCTFail("importing \(file) again changed: \(lines.sorted().prefix(6).joined(separator: " | "))")
            }
        }
        // Events counted once: Hooli's severe tickets are what the log holds, not twice that.
        let events = run.say("timeline Hooli")
        XCTAssertEqual(events.components(separatedBy: "champion left").count - 1, 1, events)
    }

    func testAnEditedFileChangesWhatWasEditedOnSQLite() throws { try editedFile(try workspace("sqlite")) }
    func testAnEditedFileChangesWhatWasEditedOnPostgreSQL() throws { try editedFile(try workspace("postgres")) }

    func editedFile(_ location: WorkspaceLocation) throws {
        let (run, _) = try shell(location, as: "dana")
        let events = (folder as NSString).appendingPathComponent("activity.csv")
        try """
            account,date,event,details,id
            Acme Corp,2026-11-20,call,pricing review,00T1
            Acme Corp,2026-11-21,qbr held,,00T2
            Acme Corp,2026-11-21,qbr held,,00T3
            """.write(toFile: events, atomically: true, encoding: .utf8)
        XCTAssertTrue(run.say("import \(events)").contains("3 events added"))
        XCTAssertTrue(run.say("import \(events)").contains("nothing changed; 3 events already present"))
        try String(contentsOfFile: events, encoding: .utf8).replacingOccurrences(of: "pricing review", with: "pricing review with the CFO")
            .write(toFile: events, atomically: true, encoding: .utf8)
        XCTAssertTrue(run.say("import \(events)").contains("1 event updated; 2 events already present"))
        let timeline = run.say("timeline Acme")
        XCTAssertTrue(timeline.contains("pricing review with the CFO"), timeline)
        XCTAssertEqual(timeline.components(separatedBy: "pricing review").count - 1, 1, timeline)

        // Without record ids, a row is the same event when account, day, kind and details are;
        // two alike in one file are two (two calls that day), kept once each.
        let plain = (folder as NSString).appendingPathComponent("plain.csv")
        try "account,date,event,details\nGlobex,2026-11-20,call,\nGlobex,2026-11-20,call,\n".write(toFile: plain, atomically: true, encoding: .utf8)
        XCTAssertTrue(run.say("import \(plain)").contains("2 events added"))
        XCTAssertTrue(run.say("import \(plain)").contains("nothing changed; 2 events already present"))

        // An accounts file and a ledger: the changed row is updated, the rest left as they are.
        let accounts = (folder as NSString).appendingPathComponent("accounts.csv")
        _ = run.say("export accounts \(accounts)")
        let text = try String(contentsOfFile: accounts, encoding: .utf8)
        let acme = try XCTUnwrap(text.split(separator: "\n").first { $0.hasPrefix("Acme Corp,") })
        try text.replacingOccurrences(of: acme, with: acme.replacingOccurrences(of: ",professional,", with: ",premium,"))
            .write(toFile: accounts, atomically: true, encoding: .utf8)
        let said = run.say("import \(accounts)")
        XCTAssertTrue(said.contains("1 account updated; 12 accounts already up to date"), said)
        XCTAssertTrue(run.say("show Acme").contains("premium"))
        XCTAssertTrue(run.say("undo").contains("undid"), "the edit is undone like any import")
        XCTAssertTrue(run.say("show Acme").contains("professional"))

        let ledger = (fixtures as NSString).appendingPathComponent("ledger.csv")
        XCTAssertTrue(run.say("import \(ledger) --create").contains("ledger of"))
        XCTAssertTrue(run.say("import \(ledger)").contains("nothing changed; 4 subscriptions already in the ledger"))
    }

    /// "Norhtwind Logistics" in a file is Northwind Logistics mistyped: refused with both names,
    /// nothing written, unless asked to create it.
    func testANameNearAnAccountIsRefusedNotCreated() throws {
        let (run, context) = try shell(try workspace("sqlite"), as: "dana")
        let file = (folder as NSString).appendingPathComponent("weeks.csv")
        try "account,week,nps\nAcmee Corp,2026-11-22,40\nHooli,2026-11-22,30\nIndustries Stark Inc,2026-11-22,50\nUnit 5,2026-11-22,10\n"
            .write(toFile: file, atomically: true, encoding: .utf8)
        let before = try context.accounts().count
        let said = run.say("import \(file)")
        XCTAssertTrue(said.contains("2 names are not in the workspace but near an account that it has — nothing was imported"), said)
        XCTAssertTrue(said.contains("'Acmee Corp' — did you mean Acme Corp?"), said)
        XCTAssertTrue(said.contains("'Industries Stark Inc' — did you mean Stark Industries?"), said)
        XCTAssertTrue(said.contains("set Acme Corp aliases Acme; ACME Inc; Acmee Corp"), said)
        XCTAssertEqual(try context.accounts().count, before)
        XCTAssertTrue(run.say("score Hooli").contains("Hooli"))
        XCTAssertTrue(run.say("import \(file) --create").contains("3 accounts created"))
    }

    func testNearNames() {
        let near = NearNames([("northwind logistics", "Northwind Logistics"), ("acme corp", "Acme Corp"), ("unit 4", "Unit 4"), ("pied", "Pied")])
        XCTAssertEqual(near.near("Norhtwind Logistics"), "Northwind Logistics")
        XCTAssertEqual(near.near("Northwind Logistic"), "Northwind Logistics")
        XCTAssertEqual(near.near("Logistics Northwind, Inc."), "Northwind Logistics")
        XCTAssertEqual(near.near("ACME"), "Acme Corp")
        XCTAssertNil(near.near("Unit 5"), "other digits, another account")
        XCTAssertNil(near.near("Pier"), "short names are not compared letter by letter")
        XCTAssertNil(near.near("Northwind Freight"))
    }

    /// An alias that another account answers to would make a name match two accounts.
    func testAnAliasThatClashesIsRefused() throws {
        let (run, _) = try shell(try workspace("sqlite"), as: "dana")
        XCTAssertEqual(run.say("set Globex aliases Acme"), "error: 'Acme' is already an alias of Acme Corp: a name would match 2 accounts — nothing changed\n")
        XCTAssertTrue(run.say("set Globex aliases Hooli").contains("another account is already called Hooli"))
        XCTAssertTrue(run.say("set Globex aliases Globex Corp").contains("Globex Corp"))
    }

    /// Product events from before an account became a customer (a trial, a pilot) make no
    /// weekly score: the first week scored is the one its start falls in.
    func testNoWeekBeforeTheStartIsScored() throws {
        let (run, _) = try shell(try workspace("sqlite"), as: "dana")
        _ = run.say("import \(fixtures)/usage-accounts.csv")
        _ = run.say("import \(fixtures)/segment.ndjson")
        XCTAssertTrue(run.say("set Borealis start date 2026-10-20").contains("2025-03-01 → 2026-10-20"))
        let timeline = run.say("timeline Borealis")
        XCTAssertTrue(timeline.contains("2026-10-20  start   became a customer\n  2026-10-25  score   first weekly score"), timeline)
        XCTAssertEqual(run.say("trend Borealis dau").split(separator: "\n").filter { $0.hasPrefix("2026-") }.map { String($0.prefix(10)) },
                       ["2026-10-25", "2026-11-01", "2026-11-08", "2026-11-15", "2026-11-22"])
    }

    /// The warehouse's weekly event counts alone: every numeric column is a metric of the
    /// workspace's own, and the scored columns of stored weeks keep their values.
    func testAFileOfTheWorkspacesOwnMetricsAlone() throws {
        let (run, _) = try shell(try workspace("sqlite"), as: "dana")
        let file = (folder as NSString).appendingPathComponent("counts.csv")
        try "account,week,post,newfriend,like,active_users\nAcme Corp,2026-11-22,12,3,40,18\nHooli,2026-11-22,5,1,9,20\n"
            .write(toFile: file, atomically: true, encoding: .utf8)
        let score = run.say("score Acme")
        let said = run.say("import \(file)")
        XCTAssertTrue(said.contains("2 weeks updated"), said)
        XCTAssertTrue(said.contains("(post, newfriend, like, active_users) were kept as metrics of the workspace's own"), said)
        XCTAssertEqual(run.say("score Acme"), score, "the scored columns keep their values")
        XCTAssertTrue(run.say("trend Acme post").contains("2026-11-22     12"))
        XCTAssertTrue(run.say("import \(file)").contains("nothing changed; 2 weeks already present"))
    }

    /// A Salesforce report as it comes: its CSM column, not the account owner (a salesperson),
    /// names the CSM; a mapping.yaml key spelt unlike the file's column is said; a night with
    /// nothing to export is a header alone, imported as nothing.
    func testASalesforceReportAsItComes() throws {
        let location = try workspace("sqlite")
        let (run, context) = try shell(location, as: "dana")
        let said = run.say("import \(fixtures)/salesforce-report.csv")
        XCTAssertTrue(said.contains("Account Owner → ignored, Customer Success Manager → csm"), said)
        XCTAssertEqual(try context.account("Stark Industries").csm, "Priya Raman")
        XCTAssertEqual(try context.account("Pied Piper").csm, "Sam Okafor")

        guard case .folder(let path) = location else { return XCTFail("a folder workspace") }
        try "\"Customer Sucess Manager\": csm\n".write(toFile: path + "/mapping.yaml", atomically: true, encoding: .utf8)
        XCTAssertTrue(run.say("import \(fixtures)/salesforce-report.csv")
            .contains("note: mapping.yaml names 'customer sucess manager', which this file does not have — it has 'Customer Success Manager'"))

        let empty = (folder as NSString).appendingPathComponent("empty.csv")
        try "account,date,event,details\n".write(toFile: empty, atomically: true, encoding: .utf8)
        XCTAssertEqual(run.say("import \(empty)"), "imported \(empty): 0 rows — nothing changed (the file has its header and no rows)\n")
        XCTAssertTrue(run.say("help account").hasPrefix("account rename A to NAME"), "the command's own name finds its page")
    }
}
