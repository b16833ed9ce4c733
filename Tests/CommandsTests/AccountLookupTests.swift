import Foundation
import XCTest
import Intents
import Shell
import Workspace
@testable import Commands

/// A name or alias typed in full, or a unique start, is found by indexed look-ups of the
/// workspace's names; they follow renames, new aliases and undo.
final class AccountLookupTests: XCTestCase {
    func testTheLookUpsFindEveryNameAndFollowChanges() throws {
        let folder = (NSTemporaryDirectory() as NSString).appendingPathComponent("cse-lookup-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let today = Day(iso: "2026-11-24")!
        let workspace = try WorkspaceDirectory.create(at: folder, demoAsOf: today)
        let context = Context(workspace: workspace, today: today, specs: Catalog.commands.map(\.spec), directory: folder, progress: nil)
        let accounts = try workspace.store.accounts()
        for account in accounts {
            for typed in [account.name, account.name.uppercased(), account.name.lowercased(), account.name + "."] + account.aliases {
                XCTAssertEqual(try context.account(typed).id, account.id, typed)
            }
        }
        XCTAssertEqual(try context.account("Tyr").name, "Tyrell Corp", "a unique start")
        XCTAssertEqual(try context.account("xingchen").name, "星辰科技", "an alias")

        let run = OneTruthTests.Runner(context)
        _ = run.say("set Acme account Acme Industries")
        XCTAssertEqual(try workspace.store.accounts(withKey: "acme industries").map(\.account.name), ["Acme Industries"])
        XCTAssertEqual(try workspace.store.accounts(withKey: "acme corp").count, 0, "the old name is gone")
        XCTAssertEqual(try workspace.store.accounts(withKey: "acme inc").map(\.isName), [false], "aliases stay")
        _ = run.say("undo")
        XCTAssertEqual(try workspace.store.accounts(withKey: "acme corp").map(\.account.name), ["Acme Corp"])
        let fixtures = (TranscriptFiles.folder as NSString).appendingPathComponent("fixtures")
        XCTAssertTrue(run.say("import \(fixtures)/new-book.csv").hasPrefix("imported"))
        let created = try workspace.store.accounts().count - accounts.count
        XCTAssertGreaterThan(created, 0)
        _ = run.say("undo")
        XCTAssertEqual(try workspace.store.accounts().count, accounts.count)
        let keys = try (workspace.store as! SQLStore).database.read { try $0.rows("SELECT COUNT(DISTINCT account_id) FROM account_key").first.map { $0[0] as Int64 } }
        XCTAssertEqual(keys, Int64(accounts.count), "every account has its keys, and only those")
    }
}
