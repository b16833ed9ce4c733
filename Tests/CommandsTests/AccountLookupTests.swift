import Foundation
import XCTest
import Intents
import Shell
import Workspace
@testable import Commands

/// A name or alias typed in full is found by one look-up; it must give what the resolver over
/// the whole book gives, and follow renames, new aliases and undo.
final class AccountLookupTests: XCTestCase {
    func testTheLookUpAgreesWithTheResolverAndFollowsChanges() throws {
        let folder = (NSTemporaryDirectory() as NSString).appendingPathComponent("cse-lookup-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let today = Day(iso: "2026-11-24")!
        let workspace = try WorkspaceDirectory.create(at: folder, demoAsOf: today)
        let context = Context(workspace: workspace, today: today, specs: Catalog.commands.map(\.spec), directory: folder, progress: nil)
        let accounts = try workspace.store.accounts()
        let resolver = AccountResolver(accounts.map { .init(name: $0.name, aliases: $0.aliases) })
        var typed = accounts.flatMap { [$0.name, $0.name.uppercased(), $0.name.lowercased()] + $0.aliases }
        typed += ["acme", "ACME INC", "Globex", "星辰科技", "Tyrell Corp."]
        for query in typed {
            let hits = try workspace.store.accounts(withKey: query.comparable)
            guard case .found(let i) = resolver.resolve(query) else { continue }
            XCTAssertFalse(hits.isEmpty, "\(query) is found by the look-up")
            XCTAssertEqual(try context.account(query).id, accounts[i].id, query)
        }

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
