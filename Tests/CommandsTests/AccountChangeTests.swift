import Foundation
import XCTest
import Shell
import Workspace
@testable import Commands

/// Accounts as things that change: renamed (the old name still finds it), merged (every
/// record moves; a week both have keeps the kept account's values), deleted (asked first) —
/// each recorded with who and when, and undone whole.
final class AccountChangeTests: WorkspaceTestCase {
    func testMergeMovesEverythingAndUndoesWholeOnSQLite() throws { try mergeMovesEverything(try workspace("sqlite")) }
    func testMergeMovesEverythingAndUndoesWholeOnPostgreSQL() throws { try mergeMovesEverything(try workspace("postgres")) }

    func mergeMovesEverything(_ location: WorkspaceLocation) throws {
        let (dana, context) = try shell(location, as: "dana")
        let file = (folder as NSString).appendingPathComponent("weeks.csv")
        try "account,week,nps,dau\nAcmee Corp,2026-11-22,60,\nAcmee Corp,2026-11-15,50,9\n".write(toFile: file, atomically: true, encoding: .utf8)
        XCTAssertTrue(dana.say("import \(file) --create").contains("1 account created"))
        _ = dana.say("log Acmee Corp call with Tom about the renewal")
        _ = dana.say("task add Acmee Corp send the proposal due friday")
        _ = dana.say("note Acmee Corp: wants SSO")
        let before = try state(dana)
        let acme = try context.account("Acme Corp")
        let acmeWeek = try XCTUnwrap(try context.store.snapshots(accountID: acme.id!).last)

        let merged = dana.say("account merge Acmee Corp into Acme Corp")
        XCTAssertTrue(merged.contains("merged Acmee Corp into Acme Corp: moved 1 event, 1 note, 1 task; 'Acmee Corp' is now an alias of Acme Corp"), merged)
        XCTAssertTrue(merged.contains("2 weeks both had (2026-11-15, 2026-11-22): Acme Corp's values kept, gaps filled from Acmee Corp"), merged)
        XCTAssertEqual(try context.store.snapshots(accountID: acme.id!).last, acmeWeek, "the kept account's week wins where both have a value")
        XCTAssertTrue(dana.say("timeline Acmee").contains("call — with Tom about the renewal"), "the old name finds the account it went into")
        XCTAssertTrue(dana.say("tasks Acme").contains("1  2026-11-27  Acme Corp  send the proposal"), "the task keeps its number")
        let change = try XCTUnwrap(try context.store.changes(accountID: acme.id!).last)
        XCTAssertEqual([change.author.user, change.author.what], ["dana", "account merge Acmee Corp into Acme Corp"])

        XCTAssertTrue(dana.say("undo").contains("undid: account merge Acmee Corp into Acme Corp"))
        for (was, now) in zip(before, try state(dana)) where was != now {
            XCTFail("undo left a difference:\n\(was)\n---\n\(now)")
        }
    }

    func state(_ run: OneTruthTests.Runner) throws -> [String] {
        // The change log keeps the undone change: what is compared is the records.
        ["timeline Acmee", "timeline Acme Corp", "tasks Acmee", "show Acme Corp", "show Acmee", "list accounts"].map {
            run.say($0).split(separator: "\n").filter { !$0.contains("  change  ") }
                .map { $0.split(separator: " ").joined(separator: " ") }.joined(separator: "\n")  // columns as wide as what is left
        }
    }

    func testRenameKeepsTheOldNameAndDeleteAsksFirst() throws {
        let location = try workspace("sqlite")
        let (dana, context) = try shell(location, as: "dana")
        XCTAssertTrue(dana.say("account rename Acme Corp to Acme Corporation").contains("'Acme Corp' stays an alias"))
        XCTAssertTrue(dana.say("score Acme Corp").hasPrefix("Acme Corporation — health"))
        XCTAssertEqual(dana.say("account rename Globex to Hooli"), "error: another account is already called Hooli — nothing changed\n")

        // Without a terminal to ask at, a delete needs --yes; with one, it asks.
        XCTAssertTrue(dana.say("account delete Pied Piper").contains("asks first: add --yes"))
        XCTAssertNoThrow(try context.account("Pied Piper"))
        dana.text.confirm = { _ in false }
        XCTAssertTrue(dana.say("account delete Pied Piper").contains("nothing changed"))
        dana.text.confirm = { question in question.contains("account delete Pied Piper?") }
        XCTAssertTrue(dana.say("account delete Pied Piper").contains("deleted Pied Piper"))
        XCTAssertTrue(dana.say("score Pied Piper").contains("no account named 'Pied Piper'"))
        XCTAssertTrue(dana.say("undo").contains("undid: account delete Pied Piper"))
        XCTAssertTrue(dana.say("score Pied Piper").hasPrefix("Pied Piper — health 61.7"))
    }

    /// An account made from a name in a product-event feed can be deleted with its usage, and
    /// undo brings the usage back as it was.
    func testDeleteTakesProductUsageAndUndoBringsItBack() throws {
        let (dana, _) = try shell(try workspace("sqlite"), as: "dana")
        let fixtures = (TranscriptFiles.folder as NSString).appendingPathComponent("fixtures")
        _ = dana.say("import \(fixtures)/usage-accounts.csv")
        _ = dana.say("import \(fixtures)/segment.ndjson")
        let trend = dana.say("trend Borealis dau")
        XCTAssertTrue(trend.contains("product events"), trend)
        XCTAssertTrue(dana.say("account delete Borealis Tech --yes").contains("product usage"))
        XCTAssertTrue(dana.say("trend Borealis dau").contains("no account named"))
        XCTAssertTrue(dana.say("undo").contains("undid: account delete Borealis Tech"))
        XCTAssertEqual(dana.say("trend Borealis dau"), trend)
    }
}
