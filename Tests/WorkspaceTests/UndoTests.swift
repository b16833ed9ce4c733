import Foundation
import XCTest
@testable import Workspace

/// Every change hands back the changes that undo it; applying those restores the workspace.
final class UndoTests: XCTestCase {
    func state(_ store: WorkspaceStore) throws -> String {
        let accounts = try store.accounts().map { "\($0)" }
        let contacts = try store.contacts().map { "\($0.accountID) \($0.role) \($0.cell)" }.sorted()
        let snapshots = try store.allSnapshots().map { "\($0.accountID) \($0.week) \($0.values)" }
        let events = try store.events().map { "\($0.accountID) \($0.date) \($0.kind) \($0.details ?? "")" }
        return (accounts + contacts + snapshots + events).joined(separator: "\n")
    }

    func testChangesAndImportsUndoExactly() throws {
        let folder = (NSTemporaryDirectory() as NSString).appendingPathComponent("cse-undo-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let ws = try WorkspaceDirectory.create(at: folder, demoAsOf: Day(iso: "2026-11-24")!)
        let store = ws.store
        let original = try state(store)
        var acme = try store.accounts().first { $0.name == "Acme Corp" }!
        var week = try store.snapshots(accountID: acme.id!).last!
        acme.plan = "enterprise"
        week[.nps] = 70
        var newWeek = week
        newWeek.week = week.week.adding(days: 7)
        let undo = try store.apply([
            .saveAccount(acme), .saveSnapshot(week), .saveSnapshot(newWeek),
            .setContact(accountID: acme.id!, role: .champion, contact: nil, on: Day(iso: "2026-11-24")!),
            .addEvent(Event(accountID: acme.id!, date: week.week, kind: "payment refused")),
            .addNote(Note(accountID: acme.id!, date: week.week, text: "x")),
        ])
        XCTAssertNotEqual(try state(store), original)
        _ = try store.apply(undo)
        XCTAssertEqual(try state(store), original)

        var batch = DemoWorkspace.batch(asOf: Day(iso: "2026-12-01")!)
        batch.accounts.append(Account(name: "Brand New"))
        let summary = try store.apply(batch, progress: nil)
        XCTAssertEqual(summary.accountsCreated, 1)
        XCTAssertGreaterThan(summary.snapshotsUpdated, 0)
        _ = try store.apply(summary.undo)
        XCTAssertEqual(try state(store), original)
    }
}
