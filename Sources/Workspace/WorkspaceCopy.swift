import GRDB

/// Copies every record of one workspace into another, empty one, either store to either
/// store: table by table in the schema's order, ids kept, in one transaction of the target
/// (a failed copy leaves it empty). Large tables go an account block at a time.
public enum WorkspaceCopy {
    /// Every table, parents first; those with `account_id` are read by blocks of accounts.
    static let tables: [(name: String, order: String, byAccount: Bool)] = [
        ("account", "id", false), ("contact", "id", true), ("snapshot", "account_id, week", true), ("event", "id", true),
        ("goal", "id", true), ("subscription", "id", true), ("note", "id", true), ("milestone", "id", true), ("use_case", "id", true),
        ("usage_event", "id", false), ("usage_user", "id", true), ("user_day", "account_id, day, user_id", true),
        ("event_day", "account_id, day, event_id", true), ("usage_coverage", "account_id, first_day", true),
        ("custom_metric", "account_id, week, name", true), ("task", "id", true), ("alert_state", "id", true), ("alert_look", "alert_id, user_name", false),
        ("change_log", "id", false), ("change_account", "change_id, account_id", false),
    ]

    /// The rows of each table, in the order copied.
    public struct Counts: Equatable, Sendable {
        public var rows: [(table: String, count: Int)]

        public static func == (a: Counts, b: Counts) -> Bool { a.rows.map { "\($0.table) \($0.count)" } == b.rows.map { "\($0.table) \($0.count)" } }
        public var total: Int { rows.reduce(0) { $0 + $1.count } }
    }

    /// Copies `source` into `target`, whose tables must be empty; returns what was copied.
    @discardableResult
    public static func copy(from source: SQLStore, to target: SQLStore, progress: ((String, Int) throws -> Void)? = nil) throws -> Counts {
        let existing = try counts(target)
        if existing.total > 0 { throw CopyError.targetNotEmpty(existing.rows.filter { $0.count > 0 }.map(\.table)) }
        let accounts = try source.database.read { s in try s.rows("SELECT id FROM account ORDER BY id").map { $0[0] as Int64 } }
        var copied: [(String, Int)] = []
        try target.database.write { t in
            for table in tables {
                var n = 0
                func write(_ rows: [SQLRow]) throws {
                    guard let first = rows.first else { return }
                    try t.insertMany(into: table.name, columns: first.names, rows: rows.map(\.values))
                    n += rows.count
                    try progress?(table.name, n)
                }
                if table.byAccount {
                    for start in stride(from: 0, to: accounts.count, by: 200) {
                        let block = accounts[start..<min(start + 200, accounts.count)].map(String.init).joined(separator: ",")
                        try write(try source.database.read { try $0.rows("SELECT * FROM \(table.name) WHERE account_id IN (\(block)) ORDER BY \(table.order)") })
                    }
                } else {
                    try write(try source.database.read { try $0.rows("SELECT * FROM \(table.name) ORDER BY \(table.order)") })
                }
                copied.append((table.name, n))
            }
            // The names accounts are found by are made from the accounts, not copied.
            try t.writeKeys(try t.fetchAll(Account.self, "ORDER BY id"))
            // Ids were copied as they were: the next new record must come after them.
            if t.dialect == .postgres {
                for table in tables where ["id"].contains(table.order) {
                    try t.execute("SELECT setval(pg_get_serial_sequence('\(table.name)', 'id'), COALESCE((SELECT MAX(id) FROM \(table.name)), 0) + 1, false)", [])
                }
            }
        }
        return Counts(rows: copied)
    }

    /// Each table's row count.
    public static func counts(_ store: SQLStore) throws -> Counts {
        try store.database.read { s in
            Counts(rows: try tables.map { ($0.name, Int(try s.row("SELECT COUNT(*) FROM \($0.name)").map { $0[0] as Int64 } ?? 0)) })
        }
    }
}

public enum CopyError: Error, CustomStringConvertible, Equatable {
    case targetNotEmpty([String])

    public var description: String {
        switch self {
        case .targetNotEmpty(let tables): return "the target already has records (\(tables.joined(separator: ", "))) — copy into a new workspace"
        }
    }
}
