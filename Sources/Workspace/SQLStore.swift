import Foundation
import GRDB

/// The workspace store over either database: the same statements, the same answers. What
/// differs between SQLite and PostgreSQL lives in `SQLiteDatabase`, `PostgresDatabase` and
/// the few `dialect` branches; writing an edit is `ChangeWriter`, an import `ImportWriter`.
public final class SQLStore: WorkspaceStore {
    public let database: SQLDatabase

    /// How long a write waits for another process's write to finish: longer than the
    /// slowest import the benchmarks measure (a 1,000,000-row ledger).
    public static let busyTimeout: TimeInterval = 30

    /// Opens a database, bringing its schema up to date.
    public convenience init(_ database: SQLDatabase) throws {
        try self.init(database, pending: nil)
    }

    /// `pending`: the migrations the caller has just found missing.
    init(_ database: SQLDatabase, pending: [Schema.Migration]?) throws {
        self.database = database
        try Schema.migrate(database, pending: pending)
    }

    /// Opens (creating and migrating when needed) a SQLite workspace file; `shared: false`
    /// is a private file being built.
    public convenience init(sqlite path: String, shared: Bool = true, busyTimeout: TimeInterval = SQLStore.busyTimeout) throws {
        try self.init(SQLiteDatabase(path: path, shared: shared, busyTimeout: busyTimeout))
    }

    public func close() throws { try database.close() }

    func read<T>(_ body: (SQLSession) throws -> T) throws -> T { try database.read(body) }

    public func accounts() throws -> [Account] {
        Account.byName(try read { try $0.fetchAll(Account.self) }, \.self)
    }

    public func accounts(ids: [Int64]) throws -> [Account] {
        guard !ids.isEmpty else { return [] }
        let marks = ids.map { _ in "?" }.joined(separator: ", ")
        return Account.byName(try read { try $0.rows("SELECT * FROM account WHERE id IN (\(marks))", ids.map(\.databaseValue)).map(Account.init(row:)) }, \.self)
    }

    public func accountIDs(csm: String) throws -> Set<Int64> {
        try read { s in Set(try s.rows("SELECT id FROM account WHERE csm = ?", [csm.databaseValue]).map { $0["id"] as Int64 }) }
    }

    public func accounts(withKey key: String) throws -> [(account: Account, isName: Bool)] {
        // One query: each account once, by its name when the key is its name or one alias is.
        try read { s in
            try s.rows("""
                SELECT a.*, MAX(k.is_name) AS key_is_name FROM account_key k JOIN account a ON a.id = k.account_id WHERE k.key = ?
                GROUP BY a.id ORDER BY a.id
                """, [key.databaseValue]).map { (Account(row: $0), ($0["key_is_name"] as Int64) != 0) }
        }
    }

    public func accountKeys(in keys: [String]) throws -> [AccountKey] {
        guard !keys.isEmpty else { return [] }
        let marks = keys.map { _ in "?" }.joined(separator: ", ")
        return try read { s in
            try s.rows("SELECT k.key, k.account_id, k.is_name, a.name FROM account_key k JOIN account a ON a.id = k.account_id WHERE k.key IN (\(marks)) ORDER BY k.key, k.account_id",
                       keys.map(\.databaseValue)).map(AccountKey.init(row:))
        }
    }

    public func accountKeys(startingWith prefix: String, limit: Int) throws -> [AccountKey] {
        try read { s in
            try s.rows("""
                SELECT k.key, k.account_id, k.is_name, a.name FROM account_key k JOIN account a ON a.id = k.account_id
                WHERE k.key >= ? AND k.key < ? ORDER BY k.key, k.account_id LIMIT ?
                """, [prefix.databaseValue, AccountKey.after(prefix).databaseValue, limit.databaseValue]).map(AccountKey.init(row:))
        }
    }

    public func countAccountKeys(startingWith prefix: String) throws -> Int {
        try read { s in
            let row = try s.row("SELECT COUNT(*) AS n FROM account_key WHERE key >= ? AND key < ?", prefix, AccountKey.after(prefix))
            return Int(row?["n"] as Int64? ?? 0)
        }
    }

    public func accountKeys() throws -> [AccountKey] {
        try read { s in
            try s.rows("SELECT k.key, k.account_id, k.is_name, a.name FROM account_key k JOIN account a ON a.id = k.account_id ORDER BY k.key, k.account_id")
                .map(AccountKey.init(row:))
        }
    }

    public func csms() throws -> [String] {
        // Each CSM after the last, by the index: one look-up a CSM, however many accounts.
        try read { s in
            try s.rows("""
                WITH RECURSIVE next(csm) AS (
                    SELECT MIN(csm) FROM account WHERE csm > ''
                    UNION ALL SELECT (SELECT MIN(csm) FROM account WHERE csm > next.csm) FROM next WHERE next.csm IS NOT NULL)
                SELECT csm FROM next WHERE csm IS NOT NULL
                """).map { $0["csm"] as String }
        }
    }

    public func contacts() throws -> [Contact] {
        try read { try $0.fetchAll(Contact.self, "ORDER BY account_id, id") }
    }

    public func contacts(accountID: Int64) throws -> [Contact] {
        try read { try $0.fetchAll(Contact.self, "WHERE account_id = ? ORDER BY id", accountID).sorted { $0.order < $1.order } }
    }

    public func events(accountID: Int64) throws -> [Event] {
        try read { try $0.fetchAll(Event.self, "WHERE account_id = ? ORDER BY date, id", accountID) }
    }

    public func events() throws -> [Event] {
        try read { try $0.fetchAll(Event.self, "ORDER BY date, id") }
    }

    public func events(from: Day, kinds: [String], accounts: Set<Int64>) throws -> [Event] {
        try read { s in
            let marks = { (n: Int) in Array(repeating: "?", count: n).joined(separator: ", ") }
            // `kind IN ('')` when there are none: no event has an empty kind.
            let kinds = kinds.isEmpty ? [""] : kinds
            var found = try s.rows("SELECT * FROM event WHERE date >= ? AND kind IN (\(marks(kinds.count)))",
                                   [from.description.databaseValue] + kinds.map(\.databaseValue)).map(Event.init(row:))
            // The accounts' other events, a block of them a statement.
            let ids = accounts.sorted()
            for start in stride(from: 0, to: ids.count, by: 500) {
                let block = ids[start..<min(start + 500, ids.count)]
                found += try s.rows("SELECT * FROM event WHERE date >= ? AND account_id IN (\(marks(block.count))) AND kind NOT IN (\(marks(kinds.count)))",
                                    [from.description.databaseValue] + block.map(\.databaseValue) + kinds.map(\.databaseValue)).map(Event.init(row:))
            }
            return found.sorted { ($0.date, $0.id ?? 0) < ($1.date, $1.id ?? 0) }
        }
    }

    public func goals(accountID: Int64) throws -> [Goal] {
        try read { try $0.fetchAll(Goal.self, "WHERE account_id = ? ORDER BY id", accountID) }
    }

    public func goals() throws -> [Goal] {
        try read { try $0.fetchAll(Goal.self, "ORDER BY account_id, id") }
    }

    public func milestones(accountID: Int64) throws -> [Milestone] {
        try read { try $0.fetchAll(Milestone.self, "WHERE account_id = ? ORDER BY due, id", accountID) }
    }

    public func useCases(accountID: Int64) throws -> [UseCase] {
        try read { try $0.fetchAll(UseCase.self, "WHERE account_id = ? ORDER BY id", accountID) }
    }

    public func alertStates() throws -> [AlertState] {
        try read { try $0.fetchAll(AlertState.self, "ORDER BY id") }
    }

    public func recordIDs(accountID: Int64, in tables: [String]) throws -> [(table: String, id: Int64)] {
        try read { s in
            try tables.flatMap { table in try s.rows("SELECT id FROM \(table) WHERE account_id = ? ORDER BY id", accountID).map { (table, $0[0] as Int64) } }
        }
    }

    public func tasks() throws -> [CSMTask] {
        try read { try $0.fetchAll(CSMTask.self, "ORDER BY due IS NULL, due, id") }
    }

    public func subscriptions(accountID: Int64) throws -> [Subscription] {
        try read { try $0.fetchAll(Subscription.self, "WHERE account_id = ? ORDER BY start_date, id", accountID) }
    }

    public func notes(accountID: Int64) throws -> [Note] {
        try read { try $0.fetchAll(Note.self, "WHERE account_id = ? ORDER BY date, id", accountID) }
    }

    public func ledger() throws -> Ledger {
        try read { s in
            var rows: [Ledger.Row] = []
            try s.each("SELECT account_id, start_date, end_date, mrr_cents FROM subscription ORDER BY account_id", []) { row in
                let end: String? = row[2]
                rows.append(Ledger.Row(account: row[0], start: Day(iso: row[1]) ?? Day(ordinal: 0), end: end.flatMap(Day.init(iso:)), mrr: row[3]))
            }
            return Ledger(rows: rows)
        }
    }

    public func snapshots(accountID: Int64) throws -> [Snapshot] {
        try read { try ChangeWriter($0).snapshots(accountID: accountID) }
    }

    public func recentSnapshots(through: Day, limit: Int) throws -> [Int64: [Snapshot]] {
        let columns = Snapshot.columns.joined(separator: ", ")
        return try read { s in
            var result: [Int64: [Snapshot]] = [:]
            switch s.dialect {
            case .sqlite:
                // One indexed look-up per account: faster than a window function over the whole
                // table, which has to sort every row first.
                let ids = try s.rows("SELECT id FROM account").map { $0[0] as Int64 }
                result.reserveCapacity(ids.count)
                for id in ids {
                    let weeks = try SQLStore.recent(s, accountID: id, through: through, limit: limit)
                    if !weeks.isEmpty { result[id] = weeks }
                }
            case .postgres:
                // Over the network one query beats one round trip per account.
                let sql = """
                    SELECT \(columns) FROM (SELECT *, row_number() OVER (PARTITION BY account_id ORDER BY week DESC) AS n
                    FROM snapshot WHERE week <= ?) recent WHERE n <= ? ORDER BY account_id, week
                    """
                try s.each(sql, [through.description.databaseValue, limit.databaseValue]) { row in
                    let snapshot = Snapshot(row: row)
                    result[snapshot.accountID, default: []].append(snapshot)
                }
            }
            return result
        }
    }

    public func recentSnapshots(accountID: Int64, through: Day, limit: Int) throws -> [Snapshot] {
        try read { try SQLStore.recent($0, accountID: accountID, through: through, limit: limit) }
    }

    static func recent(_ s: SQLSession, accountID: Int64, through: Day, limit: Int) throws -> [Snapshot] {
        var weeks: [Snapshot] = []
        try s.each("SELECT \(Snapshot.columns.joined(separator: ", ")) FROM snapshot WHERE account_id = ? AND week <= ? ORDER BY week DESC LIMIT ?",
                   [accountID.databaseValue, through.description.databaseValue, limit.databaseValue]) { weeks.append(Snapshot(row: $0)) }
        return weeks.reversed()
    }

    public func allSnapshots() throws -> [Snapshot] {
        try read { s in
            try s.rows("SELECT \(Snapshot.columns.joined(separator: ", ")) FROM snapshot ORDER BY account_id, week").map(Snapshot.init(row:))
        }
    }

    public func usage(accountID: Int64, from: Day, through: Day) throws -> UsageHistory? {
        try read { try ChangeWriter($0).usage(accountID: accountID, from: from, through: through) }
    }

    public func feedGaps() throws -> [FeedGap] {
        try read { s in
            guard let latest = try s.row("SELECT MAX(last_day) FROM usage_coverage").flatMap({ $0[0] as Int? }) else { return [] }
            return try s.rows("SELECT account_id, MAX(last_day) FROM usage_coverage GROUP BY account_id HAVING MAX(last_day) < ? ORDER BY account_id", latest)
                .map { FeedGap(accountID: $0[0], last: Day(ordinal: $0[1] as Int), feedLast: Day(ordinal: latest)) }
        }
    }

    public func hasUsage() throws -> Bool {
        try read { try $0.row("SELECT 1 FROM usage_coverage LIMIT 1") != nil }
    }

    public func customMetrics(accountID: Int64) throws -> [CustomMetric] {
        try read { try ChangeWriter($0).customMetrics(accountID: accountID) }
    }

    public func noteAlerts(_ firing: [(accountID: Int64, key: String)], of accounts: Set<Int64>?, on day: Day, by user: String) throws -> (states: [AlertState], new: Set<Int64>)? {
        try database.writeIfFree { try ChangeWriter($0).noteAlerts(firing, of: accounts, on: day, by: user) }
    }

    public func apply(_ changes: [Change], by author: Author?) throws -> AppliedChange {
        try database.write { s in
            let writer = ChangeWriter(s, author: author)
            var undo: [Change] = []
            for change in changes { undo += try writer.apply(change) }
            let id = try writer.finish(recordsOnly: !changes.isEmpty && changes.allSatisfy(\.addsRecord))
            return AppliedChange(undo: undo.reversed(), change: id)
        }
    }

    public func apply(_ batch: ImportBatch, by author: Author?, progress: ((Int, Int) throws -> Void)?) throws -> ImportSummary {
        try database.write { try ImportWriter(ChangeWriter($0, author: author), batch: batch, progress: progress).run() }
    }

    public func outdatedSummaries(basis: String, on day: Day, also: [Int64]) throws -> [(accountID: Int64, stamp: Int64?)] {
        try read { s in
            let date = day.description.databaseValue, b = basis.databaseValue, ids = also.map(\.databaseValue)
            let marks = also.map { _ in "?" }.joined(separator: ", "), orAlso = also.isEmpty ? "" : " OR a.id IN (\(marks))"
            // The rows of another basis, through its index (two ranges: `<>` would read them all).
            let rows: [(accountID: Int64, stamp: Int64?)] = try s.rows("""
                SELECT a.id, s.stamp FROM account_summary s JOIN account a ON a.id = s.account_id
                WHERE \(SQLStore.started) AND (s.basis < ? OR s.basis > ?\(orAlso))
                """, [date, b, b] + ids).map { ($0[0], $0[1]) }
            // They are all, unless an account in the book has no row yet (a copied workspace
            // before its first read): then every account is looked at.
            let inBook = try s.row("SELECT COUNT(*) FROM account a WHERE \(SQLStore.started)", day.description).map { $0[0] as Int64 } ?? 0
            let kept = try s.row("SELECT COUNT(*) FROM account_summary WHERE basis = ?", basis).map { $0[0] as Int64 } ?? 0
            let others = Set(rows.map(\.accountID)).subtracting(also).count
            if Int(kept) + others == Int(inBook) { return rows }
            return try s.rows("""
                SELECT a.id, s.stamp FROM account a LEFT JOIN account_summary s ON s.account_id = a.id
                WHERE \(SQLStore.started) AND (s.basis IS NULL OR s.basis <> ?\(orAlso))
                """, [date, b] + ids).map { ($0[0], $0[1]) }
        }
    }

    /// In the book on a day (the first argument): started by then. Days are kept as ISO text,
    /// which sorts as the days do.
    static let started = "(a.start_date IS NULL OR a.start_date <= ?)"

    public func eachKeptSummary(basis: String, on day: Day, details: Bool, _ body: (Int64, UnsafeRawBufferPointer, String) throws -> Void) throws -> (accounts: Int, inBook: Int) {
        try read { s in
            let accounts = try s.row("SELECT COUNT(*) FROM account").map { $0[0] as Int64 } ?? 0
            let inBook = try s.row("SELECT COUNT(*) FROM account a WHERE \(SQLStore.started)", day.description).map { $0[0] as Int64 } ?? 0
            try s.each("""
                SELECT s.account_id, \(details ? "b.details" : "''"), b.body FROM account_summary s JOIN summary_body b ON b.account_id = s.account_id
                WHERE s.basis = ?
                """, [basis.databaseValue], raw: 2) { row, bytes in
                try body(row[0], bytes, row[1])
            }
            return (Int(accounts), Int(inBook))
        }
    }

    public func eachKeptAlerts(basis: String, on day: Day, _ body: (Int64, String, Int64?, UnsafeRawBufferPointer) throws -> Void) throws -> Int? {
        try read { s in
            // Every account in the book kept for `basis` (a summary is kept only for an account
            // in the book on its day), or nothing is read.
            let date = day.description.databaseValue
            let inBook = try s.row("SELECT COUNT(*) FROM account a WHERE \(SQLStore.started)", day.description).map { $0[0] as Int64 } ?? 0
            let kept = try s.row("SELECT COUNT(*) FROM account_summary WHERE basis = ?", basis).map { $0[0] as Int64 } ?? 0
            guard kept == inBook else { return nil }
            try s.each("""
                SELECT s.account_id, a.name, a.arr_cents, s.alerts FROM account_summary s JOIN account a ON a.id = s.account_id
                WHERE s.basis = ? AND s.alerts <> '' AND \(SQLStore.started)
                """, [basis.databaseValue, date], raw: 3) { row, alerts in
                try body(row[0], row[1], row[2], alerts)
            }
            return Int(inBook)
        }
    }

    public func eachKeptReview(basis: String, on day: Day, _ body: (Int64, UnsafeRawBufferPointer) throws -> Void) throws -> Int {
        try read { s in
            let date = day.description.databaseValue
            let inBook = try s.row("SELECT COUNT(*) FROM account a WHERE \(SQLStore.started)", day.description).map { $0[0] as Int64 } ?? 0
            try s.each("""
                SELECT s.account_id, s.review FROM account_summary s JOIN account a ON a.id = s.account_id
                WHERE s.basis = ? AND \(SQLStore.started)
                """, [basis.databaseValue, date], raw: 1) { row, review in
                try body(row[0], review)
            }
            return Int(inBook)
        }
    }

    public func keptBodies(of accounts: [Int64], basis: String) throws -> [Int64: String] {
        guard !accounts.isEmpty else { return [:] }
        return try read { s in
            var bodies: [Int64: String] = [:]
            let marks = accounts.map { _ in "?" }.joined(separator: ", ")
            try s.each("""
                SELECT s.account_id, b.body FROM account_summary s JOIN summary_body b ON b.account_id = s.account_id
                WHERE s.basis = ? AND s.account_id IN (\(marks))
                """, [basis.databaseValue] + accounts.map(\.databaseValue)) { row in bodies[row[0]] = row[1] }
            return bodies
        }
    }

    public func bookStamp() throws -> String {
        try read { s in
            let row = try s.row("SELECT COUNT(*), CAST(COALESCE(SUM(stamp), 0) AS BIGINT) FROM account_summary")
            return "\(row.map { $0[0] as Int64 } ?? 0)/\(row.map { $0[1] as Int64 } ?? 0)"
        }
    }

    public func keptAnswer(_ name: String, basis: String, book: String) throws -> String? {
        try read { s in
            try s.row("SELECT body FROM kept_answer WHERE name = ? AND basis = ? AND book = ?", name, basis, book).map { $0[0] as String }
        }
    }

    public func keep(answer body: String, name: String, basis: String, book: String) throws {
        // Kept for the next answer, if no one is writing now: a read never waits to keep it.
        _ = try database.writeIfFree { s in
            try s.execute("""
                INSERT INTO kept_answer (name, basis, book, body) VALUES (?, ?, ?, ?)
                ON CONFLICT (name) DO UPDATE SET basis = excluded.basis, book = excluded.book, body = excluded.body
                """, [name.databaseValue, basis.databaseValue, book.databaseValue, body.databaseValue])
        }
    }

    public func save(_ summaries: [StoredSummary]) throws -> Int {
        guard !summaries.isEmpty else { return 0 }
        // Kept for the next answer, if no one is writing now: a read never waits to keep them.
        return try database.writeIfFree { s in
            try s.execute(Schema.sql("CREATE TEMP TABLE summary_new (account_id {int}, stamp {int}, basis {text}, body {text}, details {text}, alerts {text}, review {text})", s.dialect), [])
            try s.insertMany(into: "summary_new", columns: ["account_id", "stamp", "basis", "body", "details", "alerts", "review"], rows: summaries.map {
                [$0.accountID.databaseValue, ($0.stamp ?? -1).databaseValue, $0.basis.databaseValue, $0.body.databaseValue, $0.details.databaseValue,
                 $0.alerts.databaseValue, $0.review.databaseValue]
            })
            // The summary lands where the account's stamp is the one its reading saw (a new row
            // starts at 0), and its body with it.
            try s.execute("""
                UPDATE account_summary SET basis = n.basis, alerts = n.alerts, review = n.review FROM summary_new n
                WHERE account_summary.account_id = n.account_id AND account_summary.stamp = n.stamp
                """, [])
            try s.execute("""
                INSERT INTO account_summary (account_id, stamp, basis, alerts, review)
                SELECT account_id, 0, basis, alerts, review FROM summary_new WHERE stamp = -1 AND account_id IN (SELECT id FROM account)
                ON CONFLICT (account_id) DO NOTHING
                """, [])
            try s.execute("""
                INSERT INTO summary_body (account_id, body, details)
                SELECT n.account_id, n.body, n.details FROM summary_new n JOIN account_summary a
                    ON a.account_id = n.account_id AND a.stamp = (CASE WHEN n.stamp = -1 THEN 0 ELSE n.stamp END) AND a.basis = n.basis
                WHERE true ON CONFLICT (account_id) DO UPDATE SET body = excluded.body, details = excluded.details
                """, [])
            let saved = try s.row("""
                SELECT COUNT(*) FROM account_summary a JOIN summary_new n ON a.account_id = n.account_id AND a.basis = n.basis
                JOIN summary_body b ON b.account_id = n.account_id AND b.body = n.body
                """).map { $0[0] as Int64 } ?? 0
            try s.execute("DROP TABLE summary_new", [])
            return Int(saved)
        } ?? 0
    }

    public func changes(accountID: Int64) throws -> [ChangeRecord] {
        try changes(where: "id IN (SELECT change_id FROM change_account WHERE account_id = ?)", accountID.databaseValue)
    }

    public func changes(after id: Int64) throws -> [ChangeRecord] {
        try changes(where: "id > ?", id.databaseValue)
    }

    private func changes(where clause: String, _ argument: DatabaseValue) throws -> [ChangeRecord] {
        try read { s in
            var records: [ChangeRecord] = []
            var index: [Int64: Int] = [:]
            try s.each("SELECT id, at, user_name, what, records_only FROM change_log WHERE \(clause) ORDER BY id", [argument]) { row in
                index[row[0]] = records.count
                records.append(ChangeRecord(id: row[0], author: Author(user: row[2], at: row[1], what: row[3]), accounts: [], recordsOnly: row[4]))
            }
            // The accounts of these changes only (an import's may be the whole book).
            let ids = records.map(\.id)
            for start in stride(from: 0, to: ids.count, by: 500) {
                let block = ids[start..<min(start + 500, ids.count)].map(String.init).joined(separator: ",")
                try s.each("SELECT change_id, account_id FROM change_account WHERE change_id IN (\(block))", []) { row in
                    if let i = index[row[0]] { records[i].accounts.insert(row[1]) }
                }
            }
            return records
        }
    }
}
