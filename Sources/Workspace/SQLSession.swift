import GRDB

/// The SQL a store speaks. Both stores run the same statements; the few places where
/// SQLite and PostgreSQL differ ask the dialect.
public enum SQLDialect: Sendable {
    case sqlite
    case postgres
}

/// One row of a result: values by position or by column name. Values are GRDB's
/// `DatabaseValue` in both stores, so a record decodes the same from either.
public struct SQLRow {
    public let columns: SQLColumns
    public let values: [DatabaseValue]
    public var names: [String] { columns.names }

    public init(columns: SQLColumns, values: [DatabaseValue]) {
        self.columns = columns
        self.values = values
    }

    public init(names: [String], values: [DatabaseValue]) {
        self.init(columns: SQLColumns(names), values: values)
    }

    func value(named name: String) -> DatabaseValue {
        guard let i = columns.index[name] else { return .null }
        return values[i]
    }

    /// A value as `T` (an optional type reads NULL as nil).
    public subscript<T: DatabaseValueConvertible>(_ index: Int) -> T { decode(values[index]) }
    public subscript<T: DatabaseValueConvertible>(_ name: String) -> T { decode(value(named: name)) }

    // The common types read without the generic path: a book of 100,000 accounts reads a
    // million of them.
    public subscript(_ index: Int) -> String { text(values[index]) ?? decode(values[index]) }
    public subscript(_ name: String) -> String { let v = value(named: name); return text(v) ?? decode(v) }
    public subscript(_ index: Int) -> String? { optional(values[index], text) }
    public subscript(_ name: String) -> String? { optional(value(named: name), text) }
    public subscript(_ index: Int) -> Int64 { integer(values[index]) ?? decode(values[index]) }
    public subscript(_ name: String) -> Int64 { let v = value(named: name); return integer(v) ?? decode(v) }
    public subscript(_ index: Int) -> Int64? { optional(values[index], integer) }
    public subscript(_ name: String) -> Int64? { optional(value(named: name), integer) }
    public subscript(_ index: Int) -> Double? { optional(values[index], real) }
    public subscript(_ name: String) -> Double? { optional(value(named: name), real) }

    private func text(_ value: DatabaseValue) -> String? {
        if case .string(let s) = value.storage { return s }
        return nil
    }

    private func integer(_ value: DatabaseValue) -> Int64? {
        if case .int64(let i) = value.storage { return i }
        return nil
    }

    private func real(_ value: DatabaseValue) -> Double? {
        switch value.storage {
        case .double(let d): return d
        case .int64(let i): return Double(i)
        default: return nil
        }
    }

    /// NULL as nil; a value of the type as itself; anything else as GRDB converts it.
    private func optional<T: DatabaseValueConvertible>(_ value: DatabaseValue, _ fast: (DatabaseValue) -> T?) -> T? {
        if value.isNull { return nil }
        return fast(value) ?? decode(value)
    }

    private func decode<T: DatabaseValueConvertible>(_ value: DatabaseValue) -> T {
        guard let decoded = T.fromDatabaseValue(value) else { fatalError("cannot read \(value) as \(T.self)") }
        return decoded
    }
}

/// A result's column names, and where each is: made once for all the rows of a result.
public final class SQLColumns: Sendable {
    public let names: [String]
    let index: [String: Int]

    public init(_ names: [String]) {
        self.names = names
        // The first of two columns with one name, as a lookup by name finds it.
        index = Dictionary(names.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
    }
}

/// A connection inside one read or one write transaction. Statements use `?` for their
/// arguments (bound, never spliced); `insert` statements end in `RETURNING id`.
public protocol SQLSession {
    var dialect: SQLDialect { get }
    func execute(_ sql: String, _ arguments: [DatabaseValue]) throws
    /// Runs a query and hands each row to `body`, in order.
    func each(_ sql: String, _ arguments: [DatabaseValue], _ body: (SQLRow) throws -> Void) throws
    /// Like `each`, with the text of column `raw` as its UTF-8 bytes (valid during the call;
    /// empty for NULL) instead of a value: a book's 100,000 summaries are read without making
    /// a string of each.
    func each(_ sql: String, _ arguments: [DatabaseValue], raw: Int, _ body: (SQLRow, UnsafeRawBufferPointer) throws -> Void) throws
    /// Runs an `INSERT … RETURNING id` and returns the id.
    func insert(_ sql: String, _ arguments: [DatabaseValue]) throws -> Int64
    /// Inserts many rows into `table` (`suffix` may add an `ON CONFLICT` clause).
    func insertMany(into table: String, columns: [String], rows: [[DatabaseValue]], suffix: String) throws
    /// Inserts many rows into a table with an `id` column; returns their ids, in the rows' order.
    func insertReturningIDs(into table: String, columns: [String], rows: [[DatabaseValue]]) throws -> [Int64]
}

extension SQLSession {
    public func each(_ sql: String, _ arguments: [DatabaseValue], raw: Int, _ body: (SQLRow, UnsafeRawBufferPointer) throws -> Void) throws {
        try each(sql, arguments) { row in
            var text: String = row[raw] ?? ""
            try text.withUTF8 { try body(row, UnsafeRawBufferPointer($0)) }
        }
    }

    public func execute(_ sql: String, _ arguments: DatabaseValueConvertible?...) throws {
        try execute(sql, arguments.map { $0?.databaseValue ?? .null })
    }

    public func rows(_ sql: String, _ arguments: [DatabaseValue] = []) throws -> [SQLRow] {
        var rows: [SQLRow] = []
        try each(sql, arguments) { rows.append($0) }
        return rows
    }

    public func rows(_ sql: String, _ arguments: DatabaseValueConvertible?...) throws -> [SQLRow] {
        try rows(sql, arguments.map { $0?.databaseValue ?? .null })
    }

    public func row(_ sql: String, _ arguments: DatabaseValueConvertible?...) throws -> SQLRow? {
        var first: SQLRow?
        try each(sql, arguments.map { $0?.databaseValue ?? .null }) { if first == nil { first = $0 } }
        return first
    }

    public func insert(_ sql: String, _ arguments: DatabaseValueConvertible?...) throws -> Int64 {
        try insert(sql, arguments.map { $0?.databaseValue ?? .null })
    }

    public func insertMany(into table: String, columns: [String], rows: [[DatabaseValue]]) throws {
        try insertMany(into: table, columns: columns, rows: rows, suffix: "")
    }
}

/// Where a store's sessions come from: reads never wait for a writer; writes run one at a
/// time, each in one transaction that lands whole or not at all.
public protocol SQLDatabase: AnyObject {
    var dialect: SQLDialect { get }
    func read<T>(_ body: (SQLSession) throws -> T) throws -> T
    func write<T>(_ body: (SQLSession) throws -> T) throws -> T
    /// A write that does not wait for another writer (what a read keeps for later: the alerts
    /// seen, a summary): nil when someone else is writing now.
    func writeIfFree<T>(_ body: (SQLSession) throws -> T) throws -> T?
    func close() throws
}
