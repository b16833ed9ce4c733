import Foundation
import XCTest
import Shell
import Workspace
@testable import Commands

/// A workspace several people use at once, on each store: who changed what is recorded,
/// undo never overwrites someone else's change, concurrent writers lose nothing, and an
/// import blocks nobody's reads.
final class TeamStoreTests: WorkspaceTestCase {
    // MARK: who

    func testEveryChangeRecordsWhoAndWhenOnSQLite() throws { try everyChangeRecordsWhoAndWhen(try workspace("sqlite")) }
    func testEveryChangeRecordsWhoAndWhenOnPostgreSQL() throws { try everyChangeRecordsWhoAndWhen(try workspace("postgres")) }

    func everyChangeRecordsWhoAndWhen(_ location: WorkspaceLocation) throws {
        let (dana, context) = try shell(location, as: "dana")
        XCTAssertTrue(dana.say("log Acme call with Maria: pricing").contains("by dana"))
        _ = dana.say("set Acme arr 9000")
        _ = dana.say("task add Acme send the deck due friday")
        _ = dana.say("goal add Acme Cut ticket volume target 20% by 2027-03-31")
        let (sam, _) = try shell(location, as: "sam")
        _ = sam.say("note Acme: renewal looks fine")
        let acme = try context.account("Acme")
        let changes = try context.store.changes(accountID: acme.id!)
        XCTAssertEqual(changes.map(\.author.user), ["dana", "dana", "dana", "dana", "sam"])
        XCTAssertEqual(changes.map(\.author.what), ["log Acme Corp call", "set Acme Corp arr 9000", "task add Acme Corp", "goal add Acme Corp", "note on Acme Corp"])
        XCTAssertEqual(Set(changes.map(\.author.at)), ["2026-11-24 10:00"])
        XCTAssertEqual(try context.store.events(accountID: acme.id!).last?.author, "dana")
        XCTAssertEqual(try context.store.notes(accountID: acme.id!).last?.author, "sam")
        XCTAssertEqual(try context.store.tasks().last?.author, "dana")
        let timeline = sam.say("timeline Acme")
        XCTAssertTrue(timeline.contains("call — with Maria: pricing — dana"), timeline)
        XCTAssertTrue(timeline.contains("renewal looks fine — sam"), timeline)
        XCTAssertTrue(timeline.contains("set Acme Corp arr 9000 — dana at 10:00"), timeline)
    }

    func testUndoLeavesSomeoneElsesLaterChangeOnSQLite() throws { try undoLeavesSomeoneElsesLaterChange(try workspace("sqlite")) }
    func testUndoLeavesSomeoneElsesLaterChangeOnPostgreSQL() throws { try undoLeavesSomeoneElsesLaterChange(try workspace("postgres")) }

    func undoLeavesSomeoneElsesLaterChange(_ location: WorkspaceLocation) throws {
        let (dana, context) = try shell(location, as: "dana")
        let (sam, _) = try shell(location, as: "sam")
        _ = dana.say("set Acme arr 9000")
        _ = dana.say("set Hooli plan premium")
        _ = sam.say("set Acme csm Sam Okafor")
        // Dana's last change (Hooli) is hers alone: undone.
        XCTAssertTrue(dana.say("undo").contains("undid: set Hooli plan premium"))
        // Her change to Acme came before Sam's: refused, nothing changed.
        let refused = dana.say("undo")
        XCTAssertTrue(refused.contains("not undone: sam changed Acme Corp since (2026-11-24 10:00: set Acme Corp csm Sam Okafor)"), refused)
        context.workspaceChanged()
        let acme = try context.account("Acme")
        XCTAssertEqual(acme.arr, Money(cents: 900_000))
        XCTAssertEqual(acme.csm, "Sam Okafor", "two CSMs setting two fields of one account: both land")
        // Sam's own undo is his to make.
        XCTAssertTrue(sam.say("undo").contains("undid: set Acme Corp csm Sam Okafor"))
    }

    // MARK: copy

    /// SQLite → PostgreSQL → SQLite: every table keeps its rows, and the exports, a score card
    /// and the usage-derived weeks read the same from all three.
    func testCopyBothWaysKeepsEveryRecord() throws {
        let first = try workspace("sqlite")
        let (dana, _) = try shell(first, as: "dana")
        let fixtures = (TranscriptFiles.folder as NSString).appendingPathComponent("fixtures")
        for file in ["usage-accounts.csv", "usage-seats.csv", "segment.ndjson", "daily-counts.csv", "ledger.csv"] {
            XCTAssertTrue(dana.say("import \(fixtures)/\(file)").hasPrefix("imported"), file)
        }
        _ = dana.say("task add Acme send the deck due friday")
        _ = dana.say("note Acme: copied with its author")
        _ = dana.say("alerts")

        let server = try TestServer.address()
        let name = "cse_test_\(UUID().uuidString.prefix(8).lowercased())"
        try PostgresDatabase.createDatabase(name, like: server, environment: TestServer.environment)
        databases.append(name)
        let team = WorkspaceLocation.postgres(server.with(database: name))
        try WorkspaceDirectory.create(at: team, demoAsOf: nil, environment: TestServer.environment, files: folder + "/team-files")
        let back = WorkspaceLocation.folder((folder as NSString).appendingPathComponent("back"))
        try WorkspaceDirectory.create(at: back, demoAsOf: nil, environment: [:])

        let stores = try [first, team, back].map { try XCTUnwrap(try open($0).store as? SQLStore) }
        let counts = try WorkspaceCopy.copy(from: stores[0], to: stores[1])
        XCTAssertEqual(try WorkspaceCopy.copy(from: stores[1], to: stores[2]), counts)
        XCTAssertEqual(try WorkspaceCopy.counts(stores[2]), counts)
        for table in ["account", "snapshot", "user_day", "event_day", "custom_metric", "subscription", "task", "note", "change_log"] {
            XCTAssertGreaterThan(counts.rows.first { $0.table == table }?.count ?? 0, 0, "\(table) was copied")
        }
        XCTAssertThrowsError(try WorkspaceCopy.copy(from: stores[0], to: stores[2])) { XCTAssertEqual($0 as? CopyError, .targetNotEmpty(counts.rows.filter { $0.count > 0 }.map(\.table))) }

        var outputs: [[String]] = []
        for location in [first, team, back] {
            let (run, _) = try shell(location, as: "sam")
            var said: [String] = []
            for kind in ["accounts", "snapshots", "events", "subscriptions"] {
                let file = (folder as NSString).appendingPathComponent("\(UUID().uuidString).csv")
                _ = run.say("export \(kind) \(file)")
                said.append(try String(contentsOfFile: file, encoding: .utf8))
            }
            // The book-wide answers too: a copy keeps no summary, and its first read computes them all.
            said += ["score Acme", "show Acme", "timeline Acme", "tasks", "trend Acme DAU", "nrr report", "list accounts", "churn risk",
                     "portfolio review", "list accounts"].map { run.say($0) }
            outputs.append(said)
        }
        XCTAssertEqual(outputs[1], outputs[0])
        XCTAssertEqual(outputs[2], outputs[0])
        XCTAssertTrue(outputs[0][6].contains("copied with its author — dana"), outputs[0][6])
        // A record added after the copy gets a new id on the server.
        let (sam, _) = try shell(team, as: "sam")
        XCTAssertTrue(sam.say("note Acme: after the copy").contains("noted for Acme Corp"))
    }

    /// A server that closed the connection between commands (a restart, an idle timeout, an
    /// administrator) does not hang the shell: the next command opens it again.
    func testAClosedConnectionIsOpenedAgainOnPostgreSQL() throws {
        let location = try workspace("postgres")
        let (dana, _) = try shell(location, as: "dana")
        XCTAssertTrue(dana.say("score Acme").hasPrefix("Acme Corp — health"))
        guard case .postgres(let address) = location else { return }
        let admin = try PostgresDatabase(address.with(database: "postgres"), environment: TestServer.environment, busyTimeout: 5)
        try admin.read { try $0.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = ? AND pid <> pg_backend_pid()", [address.database.databaseValue]) }
        try admin.close()
        Thread.sleep(forTimeInterval: 0.2)
        let again = dana.say("score Acme")
        XCTAssertTrue(again.hasPrefix("Acme Corp — health") || again.contains("closed the connection"), again)
        XCTAssertTrue(dana.say("set Acme plan premium").contains("plan professional → premium"))
    }

    /// Rows sent without waiting (PostgreSQL's many-row writes) still fail the write they are
    /// part of, with the server's reason, and leave nothing behind.
    func testAFailedRowOnPostgreSQLFailsItsWholeWrite() throws {
        let store = try XCTUnwrap(try open(try workspace("postgres")).store as? SQLStore)
        let before = try WorkspaceCopy.counts(store)
        XCTAssertThrowsError(try store.database.write { s in
            try s.insertMany(into: "note", columns: ["account_id", "date", "text"], rows: [[1.databaseValue, "2026-11-24".databaseValue, "kept?".databaseValue]])
            try s.insertMany(into: "note", columns: ["account_id", "date", "text"], rows: [[999_999.databaseValue, "2026-11-24".databaseValue, "no such account".databaseValue]])
            try s.execute("UPDATE account SET plan = 'changed' WHERE id = 1", [])
        }) { error in
            XCTAssertTrue("\(error)".contains("foreign key"), "\(error)")
        }
        XCTAssertEqual(try WorkspaceCopy.counts(store), before, "nothing written")
        XCTAssertNotEqual(try store.accounts().first { $0.id == 1 }?.plan, "changed")
    }

    // MARK: concurrency

    func testTwoEditsOfOneTaskBothLandOnSQLite() throws { try twoEditsOfOneTaskBothLand(try workspace("sqlite")) }
    func testTwoEditsOfOneTaskBothLandOnPostgreSQL() throws { try twoEditsOfOneTaskBothLand(try workspace("postgres")) }

    /// Dana snoozes a task while Sam, who read it at the same moment, marks it done: each edit
    /// writes its own column, so both land; undoing one takes back only its column.
    func twoEditsOfOneTaskBothLand(_ location: WorkspaceLocation) throws {
        let (dana, context) = try shell(location, as: "dana")
        _ = dana.say("task add Acme send the deck due friday")
        let store = context.store
        let read = try XCTUnwrap(try store.tasks().first)
        var snoozed = read, done = read
        snoozed.snoozedUntil = today.adding(days: 7)
        done.done = today
        let danas = try store.apply([try .edit(read, snoozed)], by: Author(user: "dana", at: "2026-11-24 10:00", what: "task snooze 1"))
        _ = try store.apply([try .edit(read, done)], by: Author(user: "sam", at: "2026-11-24 10:00", what: "task done 1"))
        var task = try XCTUnwrap(try store.tasks().first)
        XCTAssertEqual(task.snoozedUntil, today.adding(days: 7), "Dana's snooze stays")
        XCTAssertEqual(task.done, today, "Sam's done stays")
        _ = try store.apply(danas.undo)
        task = try XCTUnwrap(try store.tasks().first)
        XCTAssertNil(task.snoozedUntil, "undo takes back the snooze")
        XCTAssertEqual(task.done, today, "and only the snooze")
    }

    func testConcurrentWritersLoseNothingOnSQLite() throws { try concurrentWritersLoseNothing(try workspace("sqlite")) }
    func testConcurrentWritersLoseNothingOnPostgreSQL() throws { try concurrentWritersLoseNothing(try workspace("postgres")) }

    /// Eight writers, each its own connection, each adding notes to one account and setting
    /// its own field of another; every note and the last value of every field land.
    func concurrentWritersLoseNothing(_ location: WorkspaceLocation) throws {
        let writers = 8, each = 25
        let acme = try XCTUnwrap(try open(location).store.accounts().first { $0.name == "Acme Corp" })
        let fields: [AccountField] = [.plan, .csm, .segment, .arr, .renewalDate, .startDate, .churnReason, .aliases]
        let failures = Failures()
        let start = Date()
        let folder = self.folder, today = self.today
        DispatchQueue.concurrentPerform(iterations: writers) { w in
            do {
                let store = try TeamStoreTests.open(location, folder: folder).store
                for i in 0..<each {
                    let author = Author(user: "writer\(w)", at: "2026-11-24 10:00", what: "note \(i)")
                    _ = try store.apply([.addNote(Note(accountID: acme.id!, date: today, text: "writer \(w) note \(i)"))], by: author)
                    var account = acme
                    switch fields[w] {
                    case .plan: account.plan = "plan \(i)"
                    case .csm: account.csm = "CSM \(i)"
                    case .segment: account.segment = i % 2 == 0 ? .smb : .enterprise
                    case .arr: account.arr = Money(cents: Int64(i) * 100)
                    case .renewalDate: account.renewalDate = today.adding(days: i)
                    case .startDate: account.startDate = today.adding(days: -i)
                    case .churnReason: account.churnReason = "reason \(i)"
                    default: account.aliases = ["alias \(i)"]
                    }
                    _ = try store.apply([.setAccountFields(account, [fields[w]])], by: author)
                }
            } catch {
                failures.add("writer \(w): \(error)")
            }
        }
        let seconds = Date().timeIntervalSince(start)
        XCTAssertEqual(failures.all, [])
        let store = try open(location).store
        let notes = try store.notes(accountID: acme.id!).filter { $0.text.hasPrefix("writer ") }
        XCTAssertEqual(notes.count, writers * each, "every note landed")
        XCTAssertEqual(Set(notes.map(\.text)).count, writers * each)
        let final = try XCTUnwrap(try store.accounts().first { $0.id == acme.id })
        let last = each - 1
        XCTAssertEqual(final.plan, "plan \(last)")
        XCTAssertEqual(final.csm, "CSM \(last)")
        XCTAssertEqual(final.arr, Money(cents: Int64(last) * 100))
        XCTAssertEqual(final.renewalDate, today.adding(days: last))
        XCTAssertEqual(final.startDate, today.adding(days: -last))
        XCTAssertEqual(final.churnReason, "reason \(last)")
        XCTAssertEqual(final.aliases, ["alias \(last)"])
        XCTAssertEqual(try store.changes(accountID: acme.id!).count, writers * each * 2, "every change is in the log")
        print("concurrent writers on \(location): \(writers) × \(each * 2) changes in \(String(format: "%.2f", seconds)) s, "
              + "\(String(format: "%.0f", Double(writers * each * 2) / seconds)) changes/s, none lost")
    }

    func testAnImportBlocksNoReadsOnSQLite() throws { try anImportBlocksNoReads(try workspace("sqlite")) }
    func testAnImportBlocksNoReadsOnPostgreSQL() throws { try anImportBlocksNoReads(try workspace("postgres")) }

    /// While one connection writes 26,000 weeks in one transaction, another reads the
    /// accounts again and again: each read answers at once, and sees the import whole or not at all.
    func anImportBlocksNoReads(_ location: WorkspaceLocation) throws {
        var batch = ImportBatch()
        for a in 0..<2000 {
            for w in 0..<13 {
                batch.snapshots.append((account: "Bulk \(a)", snapshot: Snapshot(accountID: 0, week: Day(iso: "2026-08-30")!.adding(days: 7 * w), values: [Double?](repeating: 50, count: SnapshotField.allCases.count))))
            }
        }
        let importer = Unchecked((try open(location).store, batch))
        let reader = try open(location).store
        let before = try reader.accounts().count
        let done = Failures()
        var slowest = 0.0
        var seen = Set<Int>()
        let group = DispatchGroup()
        group.enter()
        DispatchQueue.global().async {
            do { _ = try importer.value.0.apply(importer.value.1, by: Author(user: "ops", at: "2026-11-24 02:00", what: "import bulk.csv"), progress: nil) } catch { done.add("\(error)") }
            done.add("finished")
            group.leave()
        }
        var reads = 0
        while !done.all.contains("finished") {
            let t = Date()
            seen.insert(try reader.accounts().count)
            slowest = max(slowest, Date().timeIntervalSince(t))
            reads += 1
        }
        group.wait()
        XCTAssertEqual(done.all, ["finished"])
        XCTAssertTrue(seen.isSubset(of: [before, before + 2000]), "a read sees all of the import or none: \(seen)")
        XCTAssertLessThan(slowest, 1.0, "no read waited for the import")
        XCTAssertEqual(try reader.accounts().count, before + 2000)
        print("reads during an import on \(location): \(reads) reads, slowest \(String(format: "%.0f", slowest * 1000)) ms")
    }
}

/// A value handed to one other thread, and used there only.
final class Unchecked<T>: @unchecked Sendable {
    let value: T
    init(_ value: T) { self.value = value }
}

/// Errors collected from several threads.
final class Failures: @unchecked Sendable {
    private let lock = NSLock()
    private var items: [String] = []
    func add(_ s: String) { lock.lock(); items.append(s); lock.unlock() }
    var all: [String] { lock.lock(); defer { lock.unlock() }; return items }
}
