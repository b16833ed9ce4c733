import Foundation
import GRDB
import GRDBSQLite

/// A workspace in one SQLite file, through GRDB: written only inside transactions, so a
/// killed process leaves the last committed state and never half an import.
///
/// Several shells (and a nightly import) may use one file at once: it is in WAL mode, so
/// readers never wait for a writer, and a writer waits up to `busyTimeout` for another
/// writer's transaction to end. A write that still cannot start changes nothing and says so
/// (`WorkspaceError.busy`), never a raw "database is locked".
public final class SQLiteDatabase: SQLDatabase {
    /// nil once closed: nothing reads or writes after `close()`.
    private var writer: (any DatabaseWriter)?
    private var db: any DatabaseWriter { writer! }
    let busyTimeout: TimeInterval
    /// The file, named in what a fault says.
    let path: String
    public let dialect = SQLDialect.sqlite

    /// `shared: false` is a private file being built (a workspace being created): no WAL
    /// files beside it, so it can be moved into place as one file.
    public init(path: String, shared: Bool, busyTimeout: TimeInterval) throws {
        var config = Configuration()
        config.foreignKeysEnabled = true
        config.busyMode = .timeout(busyTimeout)
        // Pages read where the file is mapped, not copied in one read call each: a book-wide
        // answer reads every account's summary.
        config.prepareDatabase { db in try db.execute(sql: "PRAGMA mmap_size = 1073741824") }
        self.busyTimeout = busyTimeout
        self.path = path
        do {
            if shared {
                config.journalMode = .wal
                writer = try DatabasePool(path: path, configuration: config)
            } else {
                writer = try DatabaseQueue(path: path, configuration: config)
            }
        } catch {
            throw translate(error)
        }
    }

    public func close() throws {
        if let queue = writer as? DatabaseQueue { try queue.close() }
        // A pool is let go instead: GRDB then closes its readers before its writer, which, as the
        // last connection, moves the WAL into the file and removes it. (`DatabasePool.close()`
        // closes the writer first, and every later open had to read a large WAL back.)
        writer = nil
    }

    public func read<T>(_ body: (SQLSession) throws -> T) throws -> T {
        do { return try db.read { try body(Session(db: $0)) } } catch { throw translate(error) }
    }

    public func write<T>(_ body: (SQLSession) throws -> T) throws -> T {
        do { return try db.write { try body(Session(db: $0)) } } catch { throw translate(error) }
    }

    public func writeIfFree<T>(_ body: (SQLSession) throws -> T) throws -> T? {
        do {
            return try db.writeWithoutTransaction { db -> T? in
                // A tenth of a second for another writer to finish, then the timeout as it was.
                let wait = "PRAGMA busy_timeout = \(Int(busyTimeout * 1000))"
                try db.execute(sql: "PRAGMA busy_timeout = 100")
                var result: T?
                do {
                    try db.inTransaction(.immediate) {
                        result = try body(Session(db: db))
                        return .commit
                    }
                } catch {
                    try db.execute(sql: wait)
                    throw error
                }
                try db.execute(sql: wait)
                return result
            }
        } catch let error as DatabaseError where error.resultCode == .SQLITE_BUSY || error.resultCode == .SQLITE_LOCKED {
            return nil
        } catch {
            throw translate(error)
        }
    }

    /// SQLite's faults in the user's words, the file named: busy past the timeout, a full disk,
    /// a read-only or unopenable file, a damaged one. Anything else as it came.
    func translate(_ error: Error) -> Error {
        guard let error = error as? DatabaseError else { return error }
        switch error.resultCode {
        case .SQLITE_BUSY, .SQLITE_LOCKED: return WorkspaceError.busy(seconds: busyTimeout)
        case .SQLITE_FULL: return WorkspaceError.fault(path, "the disk holding it is full — nothing was changed; free some space and try again")
        case .SQLITE_READONLY: return WorkspaceError.fault(path, "it is read-only to you — nothing was changed; cse needs to write beside it, even to read")
        case .SQLITE_CANTOPEN: return WorkspaceError.fault(path, "it cannot be opened — is its folder yours to read and write?")
        case .SQLITE_IOERR: return WorkspaceError.fault(path, "the disk failed to read or write it — nothing was changed; check the disk (is it full?)")
        case .SQLITE_CORRUPT, .SQLITE_NOTADB: return WorkspaceError.damaged(path, "SQLite finds it corrupt")
        default: return error
        }
    }

    /// Statements are prepared once per connection and reused.
    struct Session: SQLSession {
        let db: Database
        var dialect: SQLDialect { .sqlite }

        func execute(_ sql: String, _ arguments: [DatabaseValue]) throws {
            try db.cachedStatement(sql: sql).execute(arguments: StatementArguments(arguments))
        }

        func each(_ sql: String, _ arguments: [DatabaseValue], _ body: (SQLRow) throws -> Void) throws {
            try each(sql, arguments, raw: -1) { row, _ in try body(row) }
        }

        /// Straight from the statement (a GRDB row's values go through its column names), into one
        /// array of values for every row that is not kept; the `raw` column (none when -1) as the
        /// bytes where SQLite holds them: a book-wide read hands over 100,000 rows.
        func each(_ sql: String, _ arguments: [DatabaseValue], raw: Int, _ body: (SQLRow, UnsafeRawBufferPointer) throws -> Void) throws {
            let statement = try db.cachedStatement(sql: sql)
            let names = statement.columnNames
            let cursor = try Row.fetchCursor(statement, arguments: StatementArguments(arguments))
            let columns = CInt(names.count), sqlite = statement.sqliteStatement, shared = SQLColumns(names)
            var values = [DatabaseValue](repeating: .null, count: names.count)
            while try cursor.next() != nil {
                for i in 0..<columns where i != raw { values[Int(i)] = DatabaseValue(sqliteStatement: sqlite, index: i) }
                let start = raw < 0 ? nil : sqlite3_column_blob(sqlite, CInt(raw))
                let count = start == nil ? 0 : Int(sqlite3_column_bytes(sqlite, CInt(raw)))
                try body(SQLRow(columns: shared, values: values), UnsafeRawBufferPointer(start: start, count: count))
            }
        }

        func insert(_ sql: String, _ arguments: [DatabaseValue]) throws -> Int64 {
            guard let id = try Int64.fetchOne(db.cachedStatement(sql: sql), arguments: StatementArguments(arguments)) else {
                throw DatabaseError(message: "no id returned by: \(sql)")
            }
            return id
        }

        func insertReturningIDs(into table: String, columns: [String], rows: [[DatabaseValue]]) throws -> [Int64] {
            let sql = "INSERT INTO \(table) (\(columns.joined(separator: ", "))) VALUES (\(columns.map { _ in "?" }.joined(separator: ", "))) RETURNING id"
            return try rows.map { try insert(sql, $0) }
        }

        func insertMany(into table: String, columns: [String], rows: [[DatabaseValue]], suffix: String) throws {
            guard !rows.isEmpty else { return }
            let sql = "INSERT INTO \(table) (\(columns.joined(separator: ", "))) VALUES (\(columns.map { _ in "?" }.joined(separator: ", "))) \(suffix)"
            let statement = try db.cachedStatement(sql: sql)
            for row in rows { try statement.execute(arguments: StatementArguments(row)) }
        }
    }
}
