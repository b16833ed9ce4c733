import Foundation
import XCTest
import Shell
import Workspace
@testable import Commands

/// What one shell reads while others write: a read is one snapshot on both stores.
final class ConcurrentReadTests: WorkspaceTestCase {
    // MARK: one snapshot

    func testAReadIsOneSnapshotOnSQLite() throws { try readIsOneSnapshot(try workspace("sqlite")) }
    func testAReadIsOneSnapshotOnPostgreSQL() throws { try readIsOneSnapshot(try workspace("postgres")) }

    /// Another session writes between a read's count and the rows it counts: both are of the
    /// workspace as the read's first statement saw it; the next read sees the write.
    func readIsOneSnapshot(_ location: WorkspaceLocation) throws {
        let reader = try XCTUnwrap(try open(location).store as? SQLStore)
        let writer = try open(location).store
        let (counted, listed) = try reader.database.read { s -> (Int64, Int) in
            let counted = try s.row("SELECT COUNT(*) FROM account").map { $0[0] as Int64 } ?? 0
            _ = try writer.apply([.insertAccount(Account(name: "Aardvark Analytics", segment: .smb, arr: Money(dollars: 1_000), csm: "Sam Okafor"))])
            return (counted, try s.rows("SELECT id FROM account").count)
        }
        XCTAssertEqual(Int(counted), listed, "the count and the rows it counts are one snapshot")
        XCTAssertEqual(try reader.accounts().count, listed + 1, "the write landed, and the next read sees it")
        // A failed read ends its transaction: the next one starts afresh.
        XCTAssertThrowsError(try reader.database.read { try $0.execute("SELECT * FROM no_such_table", []) })
        XCTAssertEqual(try reader.accounts().count, listed + 1)
    }
}
