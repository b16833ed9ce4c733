import Foundation
import GRDB

/// The workspace store: one SQLite file, written only inside transactions, so a killed
/// process leaves the last committed state and never half an import.
///
/// Several shells (and a nightly import) may use one workspace at once: the file is in WAL
/// mode, so readers never wait for a writer, and a writer waits up to `busyTimeout` for
/// another writer's transaction to end. A write that still cannot start changes nothing
/// and says so (`WorkspaceError.busy`), never a raw "database is locked".
public final class SQLiteStore: WorkspaceStore {
    let db: any DatabaseWriter
    let busyTimeout: TimeInterval

    /// How long a write waits for another process's write to finish: longer than the
    /// slowest import the benchmarks measure (a 1,000,000-row ledger).
    public static let busyTimeout: TimeInterval = 30

    /// Opens (creating and migrating when needed) a shared workspace database.
    public convenience init(path: String) throws {
        try self.init(path: path, shared: true)
    }

    /// `shared: false` is a private file being built (a workspace being created): no WAL
    /// files beside it, so it can be moved into place as one file.
    public init(path: String, shared: Bool, busyTimeout: TimeInterval = SQLiteStore.busyTimeout) throws {
        var config = Configuration()
        config.foreignKeysEnabled = true
        config.busyMode = .timeout(busyTimeout)
        self.busyTimeout = busyTimeout
        do {
            if shared {
                config.journalMode = .wal
                db = try DatabasePool(path: path, configuration: config)
            } else {
                db = try DatabaseQueue(path: path, configuration: config)
            }
            try Schema.migrator.migrate(db)
        } catch {
            throw SQLiteStore.translate(error, after: busyTimeout)
        }
    }

    /// Closes the file (a private one, before it is moved into place).
    public func close() throws {
        if let queue = db as? DatabaseQueue { try queue.close() }
        if let pool = db as? DatabasePool { try pool.close() }
    }

    func read<T>(_ body: (Database) throws -> T) throws -> T {
        do { return try db.read(body) } catch { throw SQLiteStore.translate(error, after: busyTimeout) }
    }

    private func write<T>(_ body: (Database) throws -> T) throws -> T {
        do { return try db.write(body) } catch { throw SQLiteStore.translate(error, after: busyTimeout) }
    }

    /// SQLite's "busy" and "locked", once the timeout has passed, in the user's words.
    static func translate(_ error: Error, after timeout: TimeInterval) -> Error {
        guard let error = error as? DatabaseError else { return error }
        switch error.resultCode {
        case .SQLITE_BUSY, .SQLITE_LOCKED: return WorkspaceError.busy(seconds: timeout)
        default: return error
        }
    }

    public func accounts() throws -> [Account] {
        try read { try Account.order(Column("name").collating(.nocase)).fetchAll($0) }
    }

    public func contacts() throws -> [Contact] {
        try read { try Contact.order(Column("account_id"), Column("id")).fetchAll($0) }
    }

    public func contacts(accountID: Int64) throws -> [Contact] {
        try read { try Contact.filter(Column("account_id") == accountID).order(Column("id")).fetchAll($0).sorted { $0.role.order < $1.role.order } }
    }

    public func events(accountID: Int64) throws -> [Event] {
        try read { try Event.filter(Column("account_id") == accountID).order(Column("date"), Column("id")).fetchAll($0) }
    }

    public func goals(accountID: Int64) throws -> [Goal] {
        try read { try Goal.filter(Column("account_id") == accountID).order(Column("id")).fetchAll($0) }
    }

    public func goals() throws -> [Goal] {
        try read { try Goal.order(Column("account_id"), Column("id")).fetchAll($0) }
    }

    public func milestones(accountID: Int64) throws -> [Milestone] {
        try read { try Milestone.filter(Column("account_id") == accountID).order(Column("due"), Column("id")).fetchAll($0) }
    }

    public func alertStates() throws -> [AlertState] {
        try read { try AlertState.order(Column("id")).fetchAll($0) }
    }

    public func noteAlerts(_ firing: [(accountID: Int64, key: String)], of accounts: Set<Int64>?, on day: Day) throws -> (states: [AlertState], new: Set<Int64>) {
        try write { db in
            var states = try AlertState.order(Column("id")).fetchAll(db)
            let now = Set(firing.map { "\($0.accountID) \($0.key)" })
            // Quiet now: forgotten, so a later firing is new again; its task (from 'alert ack') is done.
            for s in states where !now.contains("\(s.accountID) \(s.key)") && (accounts?.contains(s.accountID) ?? true) {
                _ = try AlertState.deleteOne(db, key: s.id)
                try db.execute(sql: "UPDATE task SET done = ? WHERE source = ? AND done IS NULL", arguments: [day.description, AlertState.taskSource(s.id!)])
            }
            states.removeAll { !now.contains("\($0.accountID) \($0.key)") && (accounts?.contains($0.accountID) ?? true) }
            let known = Set(states.map { "\($0.accountID) \($0.key)" })
            var new = Set<Int64>()
            for f in firing where !known.contains("\(f.accountID) \(f.key)") {
                var s = AlertState(accountID: f.accountID, key: f.key, firstSeen: day)
                try s.insert(db)
                states.append(s)
                new.insert(s.id!)
            }
            return (states, new)
        }
    }

    public func tasks() throws -> [CSMTask] {
        try read { try CSMTask.order(Column("due") == nil, Column("due"), Column("id")).fetchAll($0) }
    }

    public func useCases(accountID: Int64) throws -> [UseCase] {
        try read { try UseCase.filter(Column("account_id") == accountID).order(Column("id")).fetchAll($0) }
    }

    public func subscriptions(accountID: Int64) throws -> [Subscription] {
        try read { try Subscription.filter(Column("account_id") == accountID).order(Column("start_date"), Column("id")).fetchAll($0) }
    }

    public func ledger() throws -> Ledger {
        try read { db in
            var rows: [Ledger.Row] = []
            let cursor = try Row.fetchCursor(db, sql: "SELECT account_id, start_date, end_date, mrr_cents FROM subscription ORDER BY account_id")
            while let row = try cursor.next() {
                let end: String? = row[2]
                rows.append(Ledger.Row(account: row[0], start: Day(iso: row[1]) ?? Day(ordinal: 0), end: end.flatMap(Day.init(iso:)), mrr: row[3]))
            }
            return Ledger(rows: rows)
        }
    }

    public func notes(accountID: Int64) throws -> [Note] {
        try read { try Note.filter(Column("account_id") == accountID).order(Column("date"), Column("id")).fetchAll($0) }
    }

    public func apply(_ changes: [Change]) throws -> [Change] {
        try write { db in
            var undo: [Change] = []
            for change in changes { undo += try apply(change, db) }
            return undo.reversed()
        }
    }

    /// Applies one change; returns what undoes it.
    private func apply(_ change: Change, _ db: Database) throws -> [Change] {
        switch change {
        case .saveAccount(let account):
            guard let old = try Account.fetchOne(db, key: account.id) else { return [] }
            try account.update(db)
            return [.saveAccount(old)]
        case .insertAccount(var account):
            try account.insert(db)
            return [.deleteAccount(account.id!)]
        case .deleteAccount(let id):
            guard let old = try Account.fetchOne(db, key: id) else { return [] }
            var restore: [Change] = [.insertAccount(old)]
            restore += try Contact.filter(Column("account_id") == id).fetchAll(db).map { .putContact($0) }
            restore += try snapshots(db, accountID: id).map { .saveSnapshot($0) }
            restore += try Event.filter(Column("account_id") == id).fetchAll(db).map { var e = $0; e.id = nil; return .addEvent(e) }
            restore += try Note.filter(Column("account_id") == id).fetchAll(db).map { var n = $0; n.id = nil; return .addNote(n) }
            restore += try Goal.filter(Column("account_id") == id).fetchAll(db).map { .putGoal($0) }
            restore += try Milestone.filter(Column("account_id") == id).fetchAll(db).map { .putMilestone($0) }
            restore += try UseCase.filter(Column("account_id") == id).fetchAll(db).map { .putUseCase($0) }
            restore += try CSMTask.filter(Column("account_id") == id).fetchAll(db).map { .putTask($0) }
            let ledger = try Subscription.filter(Column("account_id") == id).fetchAll(db)
            if !ledger.isEmpty { restore.append(.replaceLedger(accountIDs: [id], subscriptions: ledger)) }
            _ = try Account.deleteOne(db, key: id)
            return restore.reversed()
        case .saveSnapshot(let snapshot):
            let old = try fetchSnapshot(db, snapshot.accountID, snapshot.week)
            try db.execute(sql: Snapshot.upsertSQL, arguments: snapshot.statementArguments)
            return [old.map { .saveSnapshot($0) } ?? .deleteSnapshot(accountID: snapshot.accountID, week: snapshot.week)]
        case let .deleteSnapshot(accountID, week):
            guard let old = try fetchSnapshot(db, accountID, week) else { return [] }
            try db.execute(sql: "DELETE FROM snapshot WHERE account_id = ? AND week = ?", arguments: [accountID, week.description])
            return [.saveSnapshot(old)]
        case let .setContact(accountID, role, contact, day):
            return try setContact(db, accountID: accountID, role: role, contact: contact, on: day)
        case .putContact(let c): return [try put(c, db, Change.putContact, Change.deleteContact)]
        case .deleteContact(let id): return try delete(Contact.self, id, db, Change.putContact)
        case .addEvent(var event):
            event.id = nil
            try event.insert(db)
            return [.deleteEvent(event.id!)]
        case .deleteEvent(let id):
            guard var old = try Event.fetchOne(db, key: id) else { return [] }
            _ = try Event.deleteOne(db, key: id)
            old.id = nil
            return [.addEvent(old)]
        case .addNote(var note):
            note.id = nil
            try note.insert(db)
            return [.deleteNote(note.id!)]
        case .deleteNote(let id):
            guard var old = try Note.fetchOne(db, key: id) else { return [] }
            _ = try Note.deleteOne(db, key: id)
            old.id = nil
            return [.addNote(old)]
        case .putGoal(let goal): return [try put(goal, db, Change.putGoal, Change.deleteGoal)]
        case .deleteGoal(let id): return try delete(Goal.self, id, db, Change.putGoal)
        case .putMilestone(let m): return [try put(m, db, Change.putMilestone, Change.deleteMilestone)]
        case .deleteMilestone(let id): return try delete(Milestone.self, id, db, Change.putMilestone)
        case .putUseCase(let u): return [try put(u, db, Change.putUseCase, Change.deleteUseCase)]
        case .putTask(let t): return [try put(t, db, Change.putTask, Change.deleteTask)]
        case .putAlertState(let a): return [try put(a, db, Change.putAlertState, Change.deleteAlertState)]
        case .deleteAlertState(let id): return try delete(AlertState.self, id, db, Change.putAlertState)
        case .deleteTask(let id): return try delete(CSMTask.self, id, db, Change.putTask)
        case .deleteUseCase(let id): return try delete(UseCase.self, id, db, Change.putUseCase)
        case let .replaceLedger(ids, subscriptions):
            return [try replaceLedger(db, accountIDs: ids, with: subscriptions)]
        case .replaceUsage(let slice):
            return [try replaceUsage(slice, db)]
        case let .setCustomMetrics(accountID, week, values):
            return [try setCustomMetrics(db, accountID: accountID, week: week, values: values)]
        }
    }

    /// Replaces these accounts' subscriptions; returns what puts the old ones back.
    private func replaceLedger(_ db: Database, accountIDs: [Int64], with subscriptions: [Subscription]) throws -> Change {
        var old: [Subscription] = []
        let insert = try db.makeStatement(sql: "INSERT INTO subscription (account_id, product, start_date, end_date, mrr_cents) VALUES (?, ?, ?, ?, ?)")
        for chunk in stride(from: 0, to: accountIDs.count, by: 500).map({ Array(accountIDs[$0..<min($0 + 500, accountIDs.count)]) }) {
            let list = chunk.map(String.init).joined(separator: ",")
            old += try Subscription.fetchAll(db, sql: "SELECT * FROM subscription WHERE account_id IN (\(list)) ORDER BY id")
            try db.execute(sql: "DELETE FROM subscription WHERE account_id IN (\(list))")
        }
        for s in subscriptions {
            try insert.execute(arguments: [s.accountID, s.product, s.start.description, s.end?.description, s.mrr.cents])
        }
        return .replaceLedger(accountIDs: accountIDs, subscriptions: old)
    }

    /// Inserts a record without an id, or replaces the one with its id (inserting it
    /// again, with that id, when undo brings a deleted record back).
    private func put<R: FetchableRecord & MutablePersistableRecord & Identified>(_ record: R, _ db: Database, _ wrap: (R) -> Change,
                                                                              _ remove: (Int64) -> Change) throws -> Change {
        var record = record
        if let id = record.id, let old = try R.fetchOne(db, key: id) {
            try record.update(db)
            return wrap(old)
        }
        try record.insert(db)
        return remove(record.id!)
    }

    private func delete<R: FetchableRecord & MutablePersistableRecord & Identified>(_ type: R.Type, _ id: Int64, _ db: Database,
                                                                                 _ wrap: (R) -> Change) throws -> [Change] {
        guard let old = try R.fetchOne(db, key: id) else { return [] }
        _ = try R.deleteOne(db, key: id)
        return [wrap(old)]
    }

    /// A row naming an account the workspace lacks creates it with its name only.
    private func create(_ name: String, _ db: Database, _ index: inout AccountIndex, _ created: inout Set<Int64>,
                        _ undo: inout [Change], _ summary: inout ImportSummary,
                        profile: (start: Day, churn: Day?, arr: Money)? = nil) throws -> Int64 {
        var account = Account(name: name)
        if let profile {
            account.startDate = profile.start
            account.churnDate = profile.churn
            account.arr = profile.churn == nil ? profile.arr : nil
        }
        try account.insert(db)
        index.add(account)
        created.insert(account.id!)
        undo.append(.deleteAccount(account.id!))
        summary.accountsCreated += 1
        summary.createdByName.append(name)
        return account.id!
    }

    /// Puts a contact in a role on `day`: whoever held it is kept, replaced that day; the same
    /// person again (a CRM export loaded twice) is updated in place and keeps the day first
    /// recorded. Returns what undoes it, in the order applied.
    private func setContact(_ db: Database, accountID: Int64, role: Contact.Role, contact: Contact?, on day: Day) throws -> [Change] {
        let holders = try Contact.filter(Column("account_id") == accountID && Column("role") == role.rawValue).fetchAll(db).filter { $0.replacedOn == nil }
        var undo: [Change] = []
        let same = contact.flatMap { c in holders.first { $0.name.comparable == c.name.comparable } }
        for old in holders where old.id != same?.id {
            undo.append(.putContact(old))
            var replaced = old
            replaced.replacedOn = day
            try replaced.update(db)
        }
        if let contact, let same {
            undo.append(.putContact(same))
            var updated = same
            updated.title = contact.title
            updated.email = contact.email
            try updated.update(db)
        } else if var contact {
            contact.accountID = accountID
            contact.id = nil
            contact.role = role
            contact.recordedOn = contact.recordedOn ?? day
            try contact.insert(db)
            undo.append(.deleteContact(contact.id!))
        }
        return undo
    }

    private func fetchSnapshot(_ db: Database, _ accountID: Int64, _ week: Day) throws -> Snapshot? {
        try Row.fetchOne(db.cachedStatement(sql: "SELECT \(Snapshot.columns.joined(separator: ", ")) FROM snapshot WHERE account_id = ? AND week = ?"),
                         arguments: [accountID, week.description]).map(Snapshot.init(row:))
    }

    private func snapshots(_ db: Database, accountID: Int64) throws -> [Snapshot] {
        try Row.fetchAll(db, sql: "SELECT \(Snapshot.columns.joined(separator: ", ")) FROM snapshot WHERE account_id = ? ORDER BY week",
                         arguments: [accountID]).map(Snapshot.init(row:))
    }

    public func events() throws -> [Event] {
        try read { try Event.order(Column("date"), Column("id")).fetchAll($0) }
    }

    public func snapshots(accountID: Int64) throws -> [Snapshot] {
        try read { try snapshots($0, accountID: accountID) }
    }

    public func recentSnapshots(through: Day, limit: Int) throws -> [Int64: [Snapshot]] {
        // One indexed look-up per account: faster than a window function over the whole table,
        // which has to sort every row first.
        let sql = "SELECT \(Snapshot.columns.joined(separator: ", ")) FROM snapshot WHERE account_id = ? AND week <= ? ORDER BY week DESC LIMIT ?"
        return try read { db in
            let ids = try Int64.fetchAll(db, sql: "SELECT id FROM account")
            let statement = try db.cachedStatement(sql: sql)
            var result: [Int64: [Snapshot]] = [:]
            result.reserveCapacity(ids.count)
            let day = through.description
            for id in ids {
                var weeks: [Snapshot] = []
                let cursor = try Row.fetchCursor(statement, arguments: [id, day, limit])
                while let row = try cursor.next() { weeks.append(Snapshot(row: row)) }
                if !weeks.isEmpty { result[id] = weeks.reversed() }
            }
            return result
        }
    }

    public func allSnapshots() throws -> [Snapshot] {
        try read { db in
            try Row.fetchAll(db, sql: "SELECT \(Snapshot.columns.joined(separator: ", ")) FROM snapshot ORDER BY account_id, week")
                .map(Snapshot.init(row:))
        }
    }

    public func apply(_ batch: ImportBatch, progress: ((Int, Int) throws -> Void)?) throws -> ImportSummary {
        try write { db in
            var summary = ImportSummary()
            var index = try AccountIndex(db: db)
            let total = batch.accounts.count + batch.snapshots.count + batch.events.count + batch.subscriptions.count
            var done = 0
            func tick() throws {
                done += 1
                if done % 2000 == 0 { try progress?(done, total) }
            }

            var created = Set<Int64>()
            var undo: [Change] = []
            for incoming in batch.accounts {
                if let id = index.id(for: incoming.name) {
                    let old = try Account.fetchOne(db, key: id)!
                    var existing = old
                    existing.merge(incoming, fields: batch.accountFields)
                    if batch.addAliases { existing.aliases = old.aliases + incoming.aliases.filter { a in !old.aliases.contains { $0.comparable == a.comparable } } }
                    try existing.update(db)
                    undo.append(.saveAccount(old))
                    summary.accountsUpdated += 1
                } else {
                    var account = incoming
                    account.id = nil
                    try account.insert(db)
                    index.add(account)
                    created.insert(account.id!)
                    undo.append(.deleteAccount(account.id!))
                    summary.accountsCreated += 1
                }
                try tick()
            }

            for (name, role, contact) in batch.contacts {
                guard let id = index.id(for: name) else { continue }
                let inverse = try setContact(db, accountID: id, role: role, contact: contact, on: contact?.recordedOn ?? batch.day ?? Day(ordinal: 0))
                if !created.contains(id) { undo += inverse }
                if contact != nil { summary.contactsSet += 1 }
            }

            let upsert = try db.makeStatement(sql: Snapshot.upsertSQL)
            // The weeks already stored, read in one query: only those need their old values kept for undo.
            var stored = Set<String>()
            if !batch.snapshots.isEmpty {
                let rows = try Row.fetchCursor(db, sql: "SELECT account_id, week FROM snapshot")
                while let row = try rows.next() { stored.insert("\(row[0] as Int64) \(row[1] as String)") }
            }
            // Columns the file does not carry keep what a stored week has (none set: every column).
            let untracked = batch.snapshotFields.isEmpty ? [] : SnapshotField.allCases.filter { !batch.snapshotFields.contains($0) }
            for (row, (name, snapshot)) in batch.snapshots.enumerated() {
                var snapshot = snapshot
                snapshot.accountID = try index.id(for: name) ?? create(name, db, &index, &created, &undo, &summary)
                if !created.contains(snapshot.accountID), stored.contains("\(snapshot.accountID) \(snapshot.week)"),
                   let old = try fetchSnapshot(db, snapshot.accountID, snapshot.week) {
                    for field in untracked { snapshot[field] = old[field] }
                    undo.append(.saveSnapshot(old))
                    summary.snapshotsUpdated += 1
                } else {
                    if !created.contains(snapshot.accountID) { undo.append(.deleteSnapshot(accountID: snapshot.accountID, week: snapshot.week)) }
                    summary.snapshotsAdded += 1
                }
                try upsert.execute(arguments: snapshot.statementArguments)
                if !batch.customColumns.isEmpty {
                    let values = Dictionary(uniqueKeysWithValues: zip(batch.customColumns, batch.customValues[row]))
                    let inverse = try setCustomMetrics(db, accountID: snapshot.accountID, week: snapshot.week, values: values)
                    if !created.contains(snapshot.accountID) { undo.append(inverse) }
                }
                try tick()
            }

            if !batch.subscriptions.isEmpty {
                var ids: [Int64] = []
                var seen = Set<Int64>()
                var rows: [Subscription] = []
                rows.reserveCapacity(batch.subscriptions.count)
                for (name, subscription) in batch.subscriptions {
                    let id = try index.id(for: name) ?? create(name, db, &index, &created, &undo, &summary, profile: batch.ledgerProfiles[name])
                    if seen.insert(id).inserted { ids.append(id) }
                    var s = subscription
                    s.accountID = id
                    rows.append(s)
                    try tick()
                }
                let inverse = try replaceLedger(db, accountIDs: ids, with: rows)
                if case let .replaceLedger(_, old) = inverse { summary.subscriptionsReplaced = old.count }
                summary.subscriptionsAdded = rows.count
                undo.append(inverse)
            }

            if let usage = batch.usage {
                let ids = try usage.accounts.map { try index.id(for: $0) ?? create($0, db, &index, &created, &undo, &summary) }
                try apply(usage, db, accountIDs: ids, undo: &undo, summary: &summary, tick: tick)
            }

            for (name, event) in batch.events {
                let id = try index.id(for: name) ?? create(name, db, &index, &created, &undo, &summary)
                var event = event
                event.accountID = id
                try event.insert(db)
                if !created.contains(id) { undo.append(.deleteEvent(event.id!)) }
                summary.eventsAdded += 1
                try tick()
            }
            try progress?(total, total)
            summary.undo = undo.reversed()
            return summary
        }
    }
}

/// Account ids by comparable name and alias, so "ACME corp" in a file finds Acme Corp.
struct AccountIndex {
    private var ids: [String: Int64] = [:]

    init(db: Database) throws {
        for account in try Account.fetchAll(db) { add(account) }
    }

    mutating func add(_ account: Account) {
        guard let id = account.id else { return }
        for alias in account.aliases where ids[alias.comparable] == nil { ids[alias.comparable] = id }
        ids[account.name.comparable] = id
    }

    func id(for name: String) -> Int64? { ids[name.comparable] }
}

extension Account {
    /// Takes the fields a file provided; the rest keep their values.
    mutating func merge(_ other: Account, fields: Set<AccountField>) {
        for field in fields {
            switch field {
            case .account: name = other.name
            case .segment: segment = other.segment
            case .plan: plan = other.plan
            case .arr: arr = other.arr
            case .csm: csm = other.csm
            case .startDate: startDate = other.startDate
            case .renewalDate: renewalDate = other.renewalDate
            case .aliases: aliases = other.aliases
            case .churnDate: churnDate = other.churnDate
            case .churnReason: churnReason = other.churnReason
            case .champion, .executiveSponsor, .technicalLead: break
            }
        }
    }
}

/// A record with an optional row id, for the generic put and delete of the store.
protocol Identified { var id: Int64? { get } }
extension Goal: Identified {}
extension Contact: Identified {}
extension Milestone: Identified {}
extension CSMTask: Identified {}
extension AlertState: Identified {}
extension UseCase: Identified {}
