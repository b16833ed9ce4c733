import Foundation
import XCTest
import Shell
@testable import Workspace
@testable import Commands

/// What one shell reads while others write: names resolve against the workspace as it is, a
/// read is one snapshot on both stores, and a long session on PostgreSQL keeps no callback per
/// statement.
final class ConcurrentReadTests: WorkspaceTestCase {
    // MARK: names

    func testALogLandsOnTheAccountNamedAfterAnotherShellChangesTheBookOnSQLite() throws {
        try logLandsOnTheAccountNamed(try workspace("sqlite"))
    }

    func testALogLandsOnTheAccountNamedAfterAnotherShellChangesTheBookOnPostgreSQL() throws {
        try logLandsOnTheAccountNamed(try workspace("postgres"))
    }

    /// Dana's shell has read the book; Sam imports an account that sorts before every other,
    /// then takes the import back. Dana's "log Zeta call" is logged on Zeta each time.
    func logLandsOnTheAccountNamed(_ location: WorkspaceLocation) throws {
        let (dana, context) = try shell(location, as: "dana")
        let (sam, _) = try shell(location, as: "sam")
        try "account,segment,plan,arr,csm,start_date,renewal_date\nZeta Labs,smb,growth,1000,Sam Okafor,2025-01-01,2027-01-01\n".write(toFile: folder + "/zeta.csv", atomically: true, encoding: .utf8)
        try "account,segment,plan,arr,csm,start_date,renewal_date\nAardvark Analytics,smb,growth,1000,Sam Okafor,2025-01-01,2027-01-01\n".write(toFile: folder + "/aardvark.csv", atomically: true, encoding: .utf8)
        XCTAssertTrue(sam.say("import zeta.csv").contains("1 account created"))
        XCTAssertTrue(dana.say("list accounts").contains("Zeta Labs"), "Dana's shell holds the book as it was")
        _ = dana.say("tasks")
        let zeta = try XCTUnwrap(try context.store.accounts().first { $0.name == "Zeta Labs" })
        let before = try context.store.accounts().filter { $0.id != zeta.id }.map { try context.store.events(accountID: $0.id!).count }

        XCTAssertTrue(sam.say("import aardvark.csv").contains("1 account created"))
        XCTAssertEqual(dana.say("log Zeta call"), "logged for Zeta Labs on 2026-11-24 by dana: call\n")
        XCTAssertTrue(sam.say("undo").hasPrefix("undid: import"), "Aardvark goes")
        XCTAssertEqual(dana.say("log Zeta email sent"), "logged for Zeta Labs on 2026-11-24 by dana: email sent\n")
        let gone = dana.say("log Aardvark call")
        XCTAssertTrue(gone.hasPrefix("error: ") && gone.contains("Nothing was changed"), "no Aardvark to log on: \(gone)")

        XCTAssertEqual(try context.store.events(accountID: zeta.id!).map(\.kind), ["call", "email sent"])
        XCTAssertEqual(try context.store.accounts().filter { $0.id != zeta.id }.map { try context.store.events(accountID: $0.id!).count }, before,
                       "no other account got them")
    }

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

    // MARK: callbacks

    /// Every statement waits for its result or for the connection to close; the connection is
    /// asked to say when it closes once, not once a statement.
    func testStatementsLeaveNoCallbackBehindOnPostgreSQL() throws {
        guard case .postgres(let address) = try workspace("postgres") else { return XCTFail() }
        let database = try PostgresDatabase(address, environment: TestServer.environment, busyTimeout: 5)
        for _ in 0..<2_000 { try database.read { try $0.execute("SELECT 1", []) } }
        for _ in 0..<200 { try database.write { try $0.execute("UPDATE account SET plan = plan WHERE id = 1", []) } }
        XCTAssertEqual(database.closeCallbacks, 1, "one for the connection, none for its 3,000 statements")

        // A statement still wakes when the server ends the session under it, and the next opens another.
        nonisolated(unsafe) let admin = try PostgresDatabase(address.with(database: "postgres"), environment: TestServer.environment, busyTimeout: 5)
        DispatchQueue.global().asyncAfter(deadline: .now() + 0.5) {
            do {
                try admin.read { try $0.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = ? AND pid <> pg_backend_pid()",
                                                 [address.database.databaseValue]) }
            } catch {
                XCTFail("\(error)")
            }
        }
        let started = Date()
        XCTAssertThrowsError(try database.read { try $0.execute("SELECT pg_sleep(30)", []) })
        XCTAssertLessThan(Date().timeIntervalSince(started), 10, "woken when the session ended, not after the sleep")
        try database.read { try $0.execute("SELECT 1", []) }
        XCTAssertEqual(database.closeCallbacks, 2, "one for each connection opened")
        try admin.close()
    }
}
