import GRDB

/// The workspace store: one SQLite file, written only inside transactions, so a killed
/// process leaves the last committed state and never half an import.
public final class SQLiteStore: WorkspaceStore {
    let db: DatabaseQueue

    public init(path: String) throws {
        var config = Configuration()
        config.foreignKeysEnabled = true
        db = try DatabaseQueue(path: path, configuration: config)
        try Schema.migrator.migrate(db)
    }

    public func accounts() throws -> [Account] {
        try db.read { try Account.order(Column("name").collating(.nocase)).fetchAll($0) }
    }

    public func contacts() throws -> [Contact] {
        try db.read { try Contact.order(Column("account_id"), Column("id")).fetchAll($0) }
    }

    public func contacts(accountID: Int64) throws -> [Contact] {
        try db.read { try Contact.filter(Column("account_id") == accountID).order(Column("id")).fetchAll($0).sorted { $0.role.order < $1.role.order } }
    }

    public func events(accountID: Int64) throws -> [Event] {
        try db.read { try Event.filter(Column("account_id") == accountID).order(Column("date"), Column("id")).fetchAll($0) }
    }

    public func events() throws -> [Event] {
        try db.read { try Event.order(Column("date"), Column("id")).fetchAll($0) }
    }

    public func snapshots(accountID: Int64) throws -> [Snapshot] {
        try db.read { db in
            try Row.fetchAll(db, sql: "SELECT \(Snapshot.columns.joined(separator: ", ")) FROM snapshot WHERE account_id = ? ORDER BY week",
                             arguments: [accountID]).map(Snapshot.init(row:))
        }
    }

    public func recentSnapshots(through: Day, limit: Int) throws -> [Int64: [Snapshot]] {
        // One indexed look-up per account: faster than a window function over the whole table,
        // which has to sort every row first.
        let sql = "SELECT \(Snapshot.columns.joined(separator: ", ")) FROM snapshot WHERE account_id = ? AND week <= ? ORDER BY week DESC LIMIT ?"
        return try db.read { db in
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
        try db.read { db in
            try Row.fetchAll(db, sql: "SELECT \(Snapshot.columns.joined(separator: ", ")) FROM snapshot ORDER BY account_id, week")
                .map(Snapshot.init(row:))
        }
    }

    public func apply(_ batch: ImportBatch, progress: ((Int, Int) throws -> Void)?) throws -> ImportSummary {
        try db.write { db in
            var summary = ImportSummary()
            var index = try AccountIndex(db: db)
            let total = batch.accounts.count + batch.snapshots.count + batch.events.count
            var done = 0
            func tick() throws {
                done += 1
                if done % 2000 == 0 { try progress?(done, total) }
            }

            for incoming in batch.accounts {
                if let id = index.id(for: incoming.name) {
                    var existing = try Account.fetchOne(db, key: id)!
                    existing.merge(incoming, fields: batch.accountFields)
                    try existing.update(db)
                    summary.accountsUpdated += 1
                } else {
                    var created = incoming
                    created.id = nil
                    try created.insert(db)
                    index.add(created)
                    summary.accountsCreated += 1
                }
                try tick()
            }

            for (name, role, contact) in batch.contacts {
                guard let id = index.id(for: name) else { continue }
                try Contact.filter(Column("account_id") == id && Column("role") == role.rawValue).deleteAll(db)
                if var contact {
                    contact.accountID = id
                    contact.id = nil
                    try contact.insert(db)
                    summary.contactsSet += 1
                }
            }

            // The file holds each week once, so the rows added are what the table grew by.
            let before = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM snapshot") ?? 0
            let upsert = try db.makeStatement(sql: """
                INSERT INTO snapshot (\(Snapshot.columns.joined(separator: ", ")))
                VALUES (\(Snapshot.columns.map { _ in "?" }.joined(separator: ", ")))
                ON CONFLICT(account_id, week) DO UPDATE SET
                \(SnapshotField.allCases.map { "\($0.rawValue) = excluded.\($0.rawValue)" }.joined(separator: ", "))
                """)
            for (name, snapshot) in batch.snapshots {
                var snapshot = snapshot
                if let id = index.id(for: name) {
                    snapshot.accountID = id
                } else {
                    var created = Account(name: name)
                    try created.insert(db)
                    index.add(created)
                    snapshot.accountID = created.id!
                    summary.accountsCreated += 1
                    summary.createdFromSnapshots.append(name)
                }
                try upsert.execute(arguments: snapshot.statementArguments)
                try tick()
            }
            summary.snapshotsAdded = (try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM snapshot") ?? 0) - before
            summary.snapshotsUpdated = batch.snapshots.count - summary.snapshotsAdded

            for (name, event) in batch.events {
                guard let id = index.id(for: name) else { continue }
                var event = event
                event.accountID = id
                try event.insert(db)
                summary.eventsAdded += 1
                try tick()
            }
            try progress?(total, total)
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
