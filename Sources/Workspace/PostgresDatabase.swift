import Foundation
import GRDB
import Logging
import PostgresNIO

/// A team workspace in PostgreSQL, through PostgresNIO.
///
/// The shell is synchronous: a command reads, computes, writes, prints, in that order. So
/// each statement is sent on the connection's event loop and the calling thread (never an
/// event-loop thread) waits for its result, or for the connection to close. Nothing above
/// the store becomes async, and a statement costs one round trip, as a SQLite call costs
/// one read. See DESIGN-NOTES.md.
///
/// A read is one snapshot: its statements run in one read-only REPEATABLE READ transaction, so a
/// count and the rows it counts agree whatever is written meanwhile, and it never waits for a
/// writer. Writes take one advisory lock for their transaction: they run one at a time, as
/// in SQLite, so two edits of one account never interleave, and a write that cannot start
/// within `busyTimeout` changes nothing and says so.
public final class PostgresDatabase: SQLDatabase {
    public let dialect = SQLDialect.postgres
    public let address: PostgresAddress
    private var connection: PostgresConnection
    /// Wakes a statement waiting on `connection` when it closes.
    private var closing: CloseWatch
    /// How many times a connection was asked to say when it closes: once for each opened,
    /// however many statements ran on it.
    private(set) var closeCallbacks = 0
    private let configuration: PostgresConnection.Configuration
    /// The transaction open on the connection: a lost connection then loses it (a write says
    /// so), and no other connection is opened in its middle.
    private var transaction = Transaction.none
    private enum Transaction { case none, read, write }
    let busyTimeout: TimeInterval
    let logger = Logger(label: "cse.postgres", factory: { _ in SwiftLogNoOpLogHandler() })

    /// The lock every write takes (an arbitrary number: "cse" in ASCII).
    static let writeLock = 0x637365

    public init(_ address: PostgresAddress, environment: [String: String], busyTimeout: TimeInterval) throws {
        self.address = address
        self.busyTimeout = busyTimeout
        let tls: PostgresConnection.Configuration.TLS
        switch address.sslMode {
        case .disable: tls = .disable
        case .prefer, .require:
            var config = TLSConfiguration.makeClientConfiguration()
            // As libpq's prefer and require: encrypted, the certificate not checked.
            config.certificateVerification = .none
            let context = try NIOSSLContext(configuration: config)
            tls = address.sslMode == .require ? .require(context) : .prefer(context)
        }
        configuration = PostgresConnection.Configuration(host: address.host, port: address.port, username: address.user,
                                                         password: address.password(environment: environment),
                                                         database: address.database, tls: tls)
        connection = try PostgresDatabase.connect(configuration, address, logger: logger, busyTimeout: busyTimeout)
        closing = CloseWatch(connection)
        closeCallbacks = 1
    }

    private static func connect(_ configuration: PostgresConnection.Configuration, _ address: PostgresAddress, logger: Logger,
                                busyTimeout: TimeInterval) throws -> PostgresConnection {
        let connecting = PostgresConnection.connect(on: MultiThreadedEventLoopGroup.singleton.any(), configuration: configuration,
                                                    id: 1, logger: logger)
        do {
            return try connecting.wait()
        } catch let error as PSQLError {
            throw PostgresDatabase.translate(error, address, after: busyTimeout)
        } catch {
            throw PostgresError.unreachable(address, "\(error)")
        }
    }

    /// The connection, opened again when the server closed it between commands (a restart,
    /// an idle timeout): a shell left open overnight keeps working.
    private func live() throws -> PostgresConnection {
        if connection.isClosed && transaction == .none {
            connection = try PostgresDatabase.connect(configuration, address, logger: logger, busyTimeout: busyTimeout)
            closing = CloseWatch(connection)
            closeCallbacks += 1
        }
        return connection
    }

    /// Waits for a statement's result, or for the connection to close under it (a query on a
    /// closed connection would otherwise wait for ever).
    private func wait(_ future: EventLoopFuture<PostgresQueryMetadata>) throws -> PostgresQueryMetadata {
        let done = DispatchSemaphore(value: 0)
        let outcome = Outcome()
        future.whenComplete { outcome.set($0); done.signal() }
        closing.wait(done)
        guard let result = outcome.value else {
            throw PostgresError.unreachable(address, "the server closed the connection" + (transaction == .write ? "; the change was not made" : ""))
        }
        return try result.get()
    }

    /// Says when a connection closes to the one statement waiting on it. It asks the connection
    /// once, when the connection opens: a callback added for each statement would be kept until
    /// the connection closes, and a long import or a shell left open would pile them up.
    private final class CloseWatch: @unchecked Sendable {
        private let lock = NSLock()
        private var closed = false
        private var waiting: DispatchSemaphore?

        init(_ connection: PostgresConnection) {
            connection.closeFuture.whenComplete { [self] _ in
                lock.lock()
                closed = true
                let waiter = waiting
                lock.unlock()
                waiter?.signal()
            }
        }

        /// Waits for `done`, or for the connection to close.
        func wait(_ done: DispatchSemaphore) {
            lock.lock()
            if closed { lock.unlock(); return }
            waiting = done
            lock.unlock()
            done.wait()
            lock.lock()
            waiting = nil
            lock.unlock()
        }
    }

    /// A result handed from the event loop to the waiting thread.
    private final class Outcome: @unchecked Sendable {
        private let lock = NSLock()
        private var stored: Result<PostgresQueryMetadata, Error>?
        func set(_ r: Result<PostgresQueryMetadata, Error>) { lock.lock(); stored = r; lock.unlock() }
        var value: Result<PostgresQueryMetadata, Error>? { lock.lock(); defer { lock.unlock() }; return stored }
    }

    /// Rows decoded on the event loop as they arrive, one at a time (collecting them whole
    /// in PostgresNIO copies the growing array for every row).
    private final class Rows: @unchecked Sendable {
        private let lock = NSLock()
        private var columns: SQLColumns?
        private var rows: [SQLRow] = []
        func append(_ row: PostgresRow) throws {
            let values = try row.map(Session.value)
            lock.lock()
            defer { lock.unlock() }
            if columns == nil { columns = SQLColumns(row.map(\.columnName)) }
            rows.append(SQLRow(columns: columns!, values: values))
        }
        var all: [SQLRow] { lock.lock(); defer { lock.unlock() }; return rows }
    }

    deinit { try? connection.close().wait() }

    /// Ends the session: the server is told and the socket closed on the connection's event
    /// loop, not waited for — `cse -c` exits right after (−1 ms a command), and a server takes a
    /// session that ends between statements as ended. (`deinit` waits.)
    public func close() throws { let _: EventLoopFuture<Void> = connection.close() }

    /// One snapshot: every statement of `body` sees the workspace as its first one did. (Inside
    /// a transaction already, that transaction's.) BEGIN goes out with the first statement.
    public func read<T>(_ body: (SQLSession) throws -> T) throws -> T {
        let session = Session(database: self)
        do {
            guard transaction == .none else { return try body(session) }
            try send("BEGIN TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY", [])
            transaction = .read
            defer { transaction = .none }
            do {
                let result = try body(session)
                try run("COMMIT", [])
                return result
            } catch {
                throw rollBack(after: error)
            }
        } catch {
            throw PostgresDatabase.translate(error, address, after: busyTimeout)
        }
    }

    public func writeIfFree<T>(_ body: (SQLSession) throws -> T) throws -> T? {
        try writing(body) {
            try run("SELECT CASE WHEN pg_try_advisory_xact_lock(\(PostgresDatabase.writeLock)) THEN 1 ELSE 0 END", []).first.map { $0[0] as Int64 } == 1
        }
    }

    public func write<T>(_ body: (SQLSession) throws -> T) throws -> T {
        try writing(body) {
            try run("SET LOCAL lock_timeout = '\(Int(busyTimeout * 1000))ms'", [])
            try run("SELECT pg_advisory_xact_lock(\(PostgresDatabase.writeLock))", [])
            return true
        }!
    }

    /// One write transaction: `lock` takes the write lock (false: not now, and nothing is done),
    /// then `body` runs and the transaction commits, or rolls back whole.
    private func writing<T>(_ body: (SQLSession) throws -> T, lock: () throws -> Bool) throws -> T? {
        let session = Session(database: self)
        do {
            try run("BEGIN", [])
            transaction = .write
            defer { transaction = .none }
            do {
                guard try lock() else {
                    try run("ROLLBACK", [])
                    return nil
                }
                let result = try body(session)
                try settle()
                try run("COMMIT", [])
                return result
            } catch {
                throw rollBack(after: error)
            }
        } catch {
            throw PostgresDatabase.translate(error, address, after: busyTimeout)
        }
    }

    /// Ends a transaction that failed with `error` and returns the error to report: a statement
    /// sent before it that failed, else `error`. When even ROLLBACK fails the connection is
    /// closed — the server rolls back with it — and the next statement opens another, never
    /// one left inside the failed transaction.
    private func rollBack(after error: Error) -> Error {
        var first = error
        do { try settle() } catch let earlier { first = earlier }
        do {
            try run("ROLLBACK", [])
        } catch {
            do { try connection.close().wait() } catch {
                // Closed already, which is what was wanted.
            }
        }
        return first
    }

    /// Creates an empty database on the server of `address` (a test's own workspace). A name is
    /// an identifier, which no parameter can carry: only small letters, digits and _ are taken.
    public static func createDatabase(_ name: String, like address: PostgresAddress, environment: [String: String]) throws {
        try checkName(name)
        let server = try PostgresDatabase(address.with(database: "postgres"), environment: environment, busyTimeout: 5)
        // Outside any transaction, which CREATE DATABASE cannot run in.
        try server.run("CREATE DATABASE \"\(name)\"", [])
        try server.close()
    }

    /// Drops a database, ending any session still on it.
    public static func dropDatabase(_ name: String, like address: PostgresAddress, environment: [String: String]) throws {
        try checkName(name)
        let server = try PostgresDatabase(address.with(database: "postgres"), environment: environment, busyTimeout: 5)
        try server.run("DROP DATABASE IF EXISTS \"\(name)\" WITH (FORCE)", [])
        try server.close()
    }

    private static func checkName(_ name: String) throws {
        guard !name.isEmpty, name.unicodeScalars.allSatisfy({ ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "_" }) else {
            throw PostgresError.badAddress(name, "a database name here is small letters, digits and _")
        }
    }

    /// Each table's column types, as array casts name them, read once.
    private var types: [String: [String: String]] = [:]

    /// `INSERT … SELECT * FROM unnest(?::type[], …)`: each column's values as one array.
    func unnestInsert(into table: String, columns: [String], suffix: String) throws -> String {
        let types = try columnTypes(of: table)
        let arrays = try columns.map { column -> String in
            guard let type = types[column] else { throw PostgresError.server("table \(table) has no column \(column)") }
            return "?::\(type)[]"
        }
        return "INSERT INTO \(table) (\(columns.joined(separator: ", "))) SELECT * FROM unnest(\(arrays.joined(separator: ", "))) \(suffix)"
    }

    func columnTypes(of table: String) throws -> [String: String] {
        if let known = types[table] { return known }
        var columns: [String: String] = [:]
        for row in try run("SELECT attname::text, format_type(atttypid, atttypmod) FROM pg_attribute WHERE attrelid = to_regclass(?) AND attnum > 0 AND NOT attisdropped",
                           [table.databaseValue]) {
            let name: String = row[0], type: String = row[1]
            columns[name] = switch type {
            case "bigint": "bigint"
            case "integer": "integer"
            case "double precision": "float8"
            case "real": "float4"
            case "boolean": "boolean"
            case "bytea": "bytea"
            default: "text"
            }
        }
        types[table] = columns
        return columns
    }

    /// Statements sent without waiting for their result (rows being written), oldest first.
    private var pending: [EventLoopFuture<PostgresQueryMetadata>] = []

    /// Sends a statement whose result nobody reads: the next one goes out while the server
    /// works on it. The transaction waits for them all before it commits.
    func send(_ sql: String, _ arguments: [DatabaseValue]) throws {
        pending.append(try live().query(try query(sql, arguments), logger: logger) { _ in })
    }

    /// Waits for every statement sent; throws the first one's error.
    func settle() throws {
        let sent = pending
        pending = []
        for future in sent { _ = try wait(future) }
    }

    /// Sends one statement and waits for all its rows. A statement sent before it that failed
    /// is the error to report (this one then fails only because the transaction did).
    @discardableResult
    func run(_ sql: String, _ arguments: [DatabaseValue]) throws -> [SQLRow] {
        let rows = Rows()
        let future = try live().query(try query(sql, arguments), logger: logger) { try rows.append($0) }
        do {
            _ = try wait(future)
            try settle()  // done already: the server answers in order
            return rows.all
        } catch {
            try settle()
            throw error
        }
    }

    private func query(_ sql: String, _ arguments: [DatabaseValue]) throws -> PostgresQuery {
        var binds = PostgresBindings(capacity: arguments.count)
        for value in arguments {
            switch value.storage {
            case .null: binds.appendNull()
            case .int64(let i): binds.append(i)
            case .double(let d): binds.append(d)
            case .string(let s): binds.append(s)
            case .blob(let data): binds.append(ByteBuffer(bytes: data))
            }
        }
        return PostgresQuery(unsafeSQL: PostgresDatabase.numbered(sql), binds: binds)
    }

    /// `?` placeholders as PostgreSQL's `$1`, `$2`, … (quoted text left alone).
    static func numbered(_ sql: String) -> String {
        var out = ""
        out.reserveCapacity(sql.count + 16)
        var n = 0
        var quoted = false
        for c in sql {
            if c == "'" { quoted.toggle() }
            if c == "?" && !quoted {
                n += 1
                out += "$\(n)"
            } else {
                out.append(c)
            }
        }
        return out
    }

    /// A server's or the network's error, in the user's words.
    static func translate(_ error: Error, _ address: PostgresAddress, after timeout: TimeInterval) -> Error {
        // Anything else is not the server's: an interrupted import, the caller's own error.
        guard let error = error as? PSQLError else { return error }
        switch error.code {
        case .server:
            let state = error.serverInfo?[.sqlState] ?? ""
            let message = error.serverInfo?[.message] ?? "\(error)"
            switch state {
            case "55P03": return WorkspaceError.busy(seconds: timeout)
            case "28P01", "28000": return PostgresError.refused(address, message + " — set PGPASSWORD or a line in ~/.pgpass")
            case "3D000": return PostgresError.refused(address, message + " — create it with: createdb -h \(address.host) -p \(address.port) \(address.database)")
            default: return PostgresError.server(message)
            }
        case .connectionError, .serverClosedConnection, .clientClosedConnection:
            let detail = error.underlying.map { "\($0)" } ?? ""
            return PostgresError.unreachable(address, detail.contains("refused") ? "connection refused" : "connection lost")
        default:
            return PostgresError.server("\(error)")
        }
    }

    struct Session: SQLSession {
        let database: PostgresDatabase
        var dialect: SQLDialect { .postgres }

        func execute(_ sql: String, _ arguments: [DatabaseValue]) throws {
            _ = try database.run(sql, arguments)
        }

        func each(_ sql: String, _ arguments: [DatabaseValue], _ body: (SQLRow) throws -> Void) throws {
            for row in try database.run(sql, arguments) { try body(row) }
        }

        func insert(_ sql: String, _ arguments: [DatabaseValue]) throws -> Int64 {
            guard let row = try database.run(sql, arguments).first, let id = row.values.first?.storage, case .int64(let value) = id else {
                throw PostgresError.server("no id returned by: \(sql)")
            }
            return value
        }

        /// Rows go many to a statement, each column as one array parameter unnested into rows:
        /// one round trip and one short statement per 10,000 rows, not per row.
        func insertMany(into table: String, columns: [String], rows: [[DatabaseValue]], suffix: String) throws {
            guard !rows.isEmpty else { return }
            let sql = try database.unnestInsert(into: table, columns: columns, suffix: suffix)
            for start in stride(from: 0, to: rows.count, by: 10_000) {
                let block = rows[start..<min(start + 10_000, rows.count)]
                try database.send(sql, columns.indices.map { c in Session.arrayLiteral(block.lazy.map { $0[c] }).databaseValue })
            }
        }

        /// The ids of one statement's rows come from the table's sequence in the rows' order,
        /// and no other write runs meanwhile (the write lock): sorted, they are the rows' ids.
        func insertReturningIDs(into table: String, columns: [String], rows: [[DatabaseValue]]) throws -> [Int64] {
            try insertBlocks(into: table, columns: columns, rows: rows, suffix: "RETURNING id").flatMap { result in
                result.map { $0[0] as Int64 }.sorted()
            }
        }

        private func insertBlocks(into table: String, columns: [String], rows: [[DatabaseValue]], suffix: String) throws -> [[SQLRow]] {
            guard !rows.isEmpty else { return [] }
            let sql = try database.unnestInsert(into: table, columns: columns, suffix: suffix)
            return try stride(from: 0, to: rows.count, by: 10_000).map { start in
                let block = rows[start..<min(start + 10_000, rows.count)]
                return try database.run(sql, columns.indices.map { c in Session.arrayLiteral(block.lazy.map { $0[c] }).databaseValue })
            }
        }

        /// A column's values as PostgreSQL's array text: `{1,NULL,"a \"b\""}`.
        static func arrayLiteral<C: Collection>(_ values: C) -> String where C.Element == DatabaseValue {
            var out = "{"
            var first = true
            for value in values {
                if !first { out += "," }
                first = false
                switch value.storage {
                case .null: out += "NULL"
                case .int64(let i): out += String(i)
                case .double(let d): out += d.isFinite ? String(d) : d.isNaN ? "NaN" : d > 0 ? "Infinity" : "-Infinity"
                case .string(let text):
                    out += "\""
                    for c in text.unicodeScalars {
                        if c == "\"" || c == "\\" { out += "\\" }
                        out.unicodeScalars.append(c)
                    }
                    out += "\""
                case .blob: out += "NULL"
                }
            }
            return out + "}"
        }

        /// A cell as the value SQLite would have given.
        static func value(_ cell: PostgresCell) throws -> DatabaseValue {
            guard cell.bytes != nil else { return .null }
            switch cell.dataType {
            case .int2: return Int64(try cell.decode(Int16.self)).databaseValue
            case .int4: return Int64(try cell.decode(Int32.self)).databaseValue
            case .int8: return try cell.decode(Int64.self).databaseValue
            case .float4: return Double(try cell.decode(Float.self)).databaseValue
            case .float8: return try cell.decode(Double.self).databaseValue
            case .numeric: return (Double(try cell.decode(String.self)) ?? 0).databaseValue
            case .bool: return (try cell.decode(Bool.self) ? 1 : 0).databaseValue
            case .bytea: return Data(buffer: cell.bytes!).databaseValue
            default: return try cell.decode(String.self).databaseValue
            }
        }
    }
}
