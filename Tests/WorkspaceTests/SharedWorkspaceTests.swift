import Foundation
import XCTest
@testable import Workspace

/// Two connections on one workspace file, as two shells (or a shell and a nightly import) have.
final class SharedWorkspaceTests: XCTestCase {
    var folder: String!
    let today = Day(iso: "2026-11-24")!

    override func setUpWithError() throws {
        folder = (NSTemporaryDirectory() as NSString).appendingPathComponent("cse-shared-\(UUID().uuidString)")
        _ = try WorkspaceDirectory.create(at: folder, demoAsOf: today)
    }

    override func tearDownWithError() throws { try? FileManager.default.removeItem(atPath: folder) }

    var database: String { (folder as NSString).appendingPathComponent(WorkspaceDirectory.databaseName) }

    /// An import on another thread that holds the write lock for `seconds` before it commits.
    final class SlowImport: @unchecked Sendable {
        let store: SQLStore
        let seconds: Double
        let finished = DispatchGroup()
        var error: Error?

        init(_ store: SQLStore, seconds: Double) {
            self.store = store
            self.seconds = seconds
            finished.enter()
            Thread { [self] in
                do {
                    _ = try self.store.apply(ImportBatch(accounts: [Account(name: "Bluth Company")])) { done, total in
                        if done == total { Thread.sleep(forTimeInterval: seconds) }
                    }
                } catch {
                    self.error = error
                }
                finished.leave()
            }.start()
        }

        func wait() -> Error? {
            finished.wait()
            return error
        }
    }

    func testReadersDoNotWaitForAWriterAndAWriterThatCannotGetTheLockChangesNothing() throws {
        let importer = try SQLStore(sqlite: database)
        let shell = try SQLStore(sqlite: database, shared: true, busyTimeout: 0.2)
        let acme = try shell.accounts().first { $0.name == "Acme Corp" }!
        let running = SlowImport(importer, seconds: 1.5)
        Thread.sleep(forTimeInterval: 0.3)

        // A read while the import writes: answered at once, without the uncommitted account.
        let before = Date()
        XCTAssertEqual(try shell.accounts().count, 13)
        XCTAssertLessThan(Date().timeIntervalSince(before), 1.0, "a reader never waits for a writer")

        // A write that cannot get the lock within its timeout: a plain error, nothing written.
        XCTAssertThrowsError(try shell.apply([.addNote(Note(accountID: acme.id!, date: today, text: "call went well"))])) { error in
            XCTAssertEqual(error as? WorkspaceError, .busy(seconds: 0.2))
            XCTAssertTrue("\(error)".hasPrefix("the workspace is busy: another cse (an import?) has been writing to it for over 0.2 s — nothing was changed"))
        }
        XCTAssertNil(running.wait())
        XCTAssertEqual(try shell.notes(accountID: acme.id!).count, 0)
        XCTAssertEqual(try shell.accounts().count, 14, "the import landed whole")

        // Once the import is done, the same write goes through.
        _ = try shell.apply([.addNote(Note(accountID: acme.id!, date: today, text: "call went well"))])
        XCTAssertEqual(try shell.notes(accountID: acme.id!).map(\.text), ["call went well"])
    }

    func testAWriterWaitsForAnotherWriterWithinTheTimeout() throws {
        let importer = try SQLStore(sqlite: database)
        let shell = try SQLStore(sqlite: database)
        let acme = try shell.accounts().first { $0.name == "Acme Corp" }!
        let running = SlowImport(importer, seconds: 0.5)
        Thread.sleep(forTimeInterval: 0.1)
        _ = try shell.apply([.addNote(Note(accountID: acme.id!, date: today, text: "written after the import"))])
        XCTAssertNil(running.wait())
        XCTAssertEqual(try shell.notes(accountID: acme.id!).count, 1)
        XCTAssertEqual(try shell.accounts().count, 14)
    }
}
