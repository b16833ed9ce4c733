import Foundation

/// Where a workspace lives: a folder holding `workspace.sqlite` (one CSM), or a PostgreSQL
/// database (a team). Every store opens here, through one factory.
public enum WorkspaceLocation: Equatable, Sendable, CustomStringConvertible {
    case folder(String)
    case postgres(PostgresAddress)

    /// A `postgres://` address, else a folder (`~` expanded).
    public static func parse(_ text: String, environment: [String: String]) throws -> WorkspaceLocation {
        guard PostgresAddress.isAddress(text) else { return .folder((text as NSString).expandingTildeInPath) }
        let user = environment["USER"] ?? environment["LOGNAME"] ?? NSUserName()
        return .postgres(try PostgresAddress(parsing: text, defaultUser: user))
    }

    public var description: String {
        switch self {
        case .folder(let path): return path
        case .postgres(let address): return address.description
        }
    }
}

/// A workspace: its store, and the folder of the files kept beside it (`history`,
/// `model.yaml`, `templates/`, `drafts/`, `views.json`). A folder workspace keeps them in its
/// own folder; a team workspace keeps each user's in a folder of their own
/// (`CSE_TEAM_FILES`, else `~/.local/share/cse/teams/HOST_PORT_DATABASE`), as README says.
public final class WorkspaceDirectory {
    public let location: WorkspaceLocation
    public let path: String
    public let store: WorkspaceStore

    public static let databaseName = "workspace.sqlite"

    /// Opens an existing folder workspace; a folder without one is an error, not a silent new workspace.
    public convenience init(path: String) throws {
        try self.init(location: .folder(path), environment: [:])
    }

    /// Opens an existing workspace.
    public init(location: WorkspaceLocation, environment: [String: String], files: String? = nil) throws {
        self.location = location
        switch location {
        case .folder(let path):
            let database = (path as NSString).appendingPathComponent(WorkspaceDirectory.databaseName)
            guard FileManager.default.fileExists(atPath: database) else { throw WorkspaceError.noWorkspace(path) }
            try WorkspaceDirectory.checkWhole(database)
            self.path = path
            self.store = try SQLStore(sqlite: database)
        case .postgres(let address):
            let database = try PostgresDatabase(address, environment: environment, busyTimeout: SQLStore.busyTimeout)
            let pending = try Schema.pending(database)
            guard pending.count < Schema.migrations.count else { throw WorkspaceError.noWorkspace(address.description) }
            self.path = files ?? WorkspaceDirectory.teamFiles(address, environment: environment)
            try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
            self.store = try SQLStore(database, pending: pending)
        }
    }

    /// A team workspace's files on this machine.
    public static func teamFiles(_ address: PostgresAddress, environment: [String: String]) -> String {
        if let folder = environment["CSE_TEAM_FILES"], !folder.isEmpty { return (folder as NSString).expandingTildeInPath }
        let home = environment["HOME"] ?? NSHomeDirectory()
        let name = "\(address.host)_\(address.port)_\(address.database)".map { $0.isLetter || $0.isNumber || $0 == "." || $0 == "_" || $0 == "-" ? $0 : "_" }
        return (home as NSString).appendingPathComponent(".local/share/cse/teams/" + String(name))
    }

    public var historyPath: String { (path as NSString).appendingPathComponent("history") }

    public static func exists(at path: String) -> Bool {
        FileManager.default.fileExists(atPath: (path as NSString).appendingPathComponent(databaseName))
    }

    /// Creates a folder workspace, with the demo accounts when `demo` is given (dated relative to `today`).
    @discardableResult
    public static func create(at path: String, demoAsOf today: Day?) throws -> WorkspaceDirectory {
        try create(at: .folder(path), demoAsOf: today, environment: [:])
    }

    /// Creates a workspace. A folder one is built in a temporary folder beside the target and
    /// moved into place, so an interrupted `init` leaves nothing behind; a PostgreSQL one
    /// needs an empty database: it gets the schema, then the demo accounts.
    @discardableResult
    public static func create(at location: WorkspaceLocation, demoAsOf today: Day?, environment: [String: String],
                              files: String? = nil) throws -> WorkspaceDirectory {
        switch location {
        case .folder(let path): try createFolder(at: path, demoAsOf: today)
        case .postgres(let address):
            let database = try PostgresDatabase(address, environment: environment, busyTimeout: SQLStore.busyTimeout)
            // One init at a time: the lock is this connection's until it closes, so another
            // init at once, or one after this one, finds the database taken.
            let locked = try database.read { try $0.row("SELECT CASE WHEN pg_try_advisory_lock(?) THEN 1 ELSE 0 END", initLock).map { $0[0] as Int64 } }
            guard locked == 1, try Schema.pending(database).count == Schema.migrations.count else {
                try database.close()
                throw WorkspaceError.alreadyExists(address.description)
            }
            let store = try SQLStore(database)
            try fill(store, demoAsOf: today)
            try store.close()
        }
        return try WorkspaceDirectory(location: location, environment: environment, files: files)
    }

    /// The advisory lock an init of a PostgreSQL workspace holds (any number no other lock uses).
    static let initLock: Int64 = 0x63_73_65_69_6E_69_74  // "cseinit"

    /// A move into `path` that finds it there already: another init got there first.
    private static func move(_ staging: String, to path: String, shown: String) throws {
        do { try FileManager.default.moveItem(atPath: staging, toPath: path) } catch {
            try? FileManager.default.removeItem(atPath: staging)  // ours alone, and of no use now
            if FileManager.default.fileExists(atPath: path) { throw WorkspaceError.alreadyExists(shown) }
            throw error
        }
    }

    private static func createFolder(at path: String, demoAsOf today: Day?) throws {
        let fm = FileManager.default
        if exists(at: path) { throw WorkspaceError.alreadyExists(path) }
        var isDirectory: ObjCBool = false
        if fm.fileExists(atPath: path, isDirectory: &isDirectory) {
            guard isDirectory.boolValue else { throw WorkspaceError.notAFolder(path) }
            let database = (path as NSString).appendingPathComponent(databaseName)
            let staging = database + ".creating-" + UUID().uuidString.prefix(8)  // each init its own
            try build(database: staging, demoAsOf: today)
            try move(staging, to: database, shown: path)
        } else {
            let parent = (path as NSString).deletingLastPathComponent
            if !parent.isEmpty { try fm.createDirectory(atPath: parent, withIntermediateDirectories: true) }
            let staging = path + ".creating-" + UUID().uuidString.prefix(8)  // each init its own
            try fm.createDirectory(atPath: staging, withIntermediateDirectories: true)
            do {
                try build(database: (staging as NSString).appendingPathComponent(databaseName), demoAsOf: today)
                try move(staging, to: path, shown: path)
            } catch {
                try? fm.removeItem(atPath: staging)
                throw error
            }
        }
    }

    /// A workspace file cut short (emptied, truncated) or not a SQLite database at all is named
    /// as such, never opened: SQLite would take an empty file for a new workspace, and the loss
    /// would go unseen under the next import.
    static func checkWhole(_ database: String) throws {
        guard let handle = FileHandle(forReadingAtPath: database) else { return }  // unreadable: SQLite says so when it opens it
        defer { try? handle.close() }  // a read-only handle: closing it cannot lose anything
        let head = try handle.read(upToCount: 100) ?? Data()
        if head.isEmpty { throw WorkspaceError.damaged(database, "it is empty (0 bytes)") }
        if !head.starts(with: Array("SQLite format 3\u{0}".utf8)) { throw WorkspaceError.damaged(database, "it is not a SQLite database") }
        if head.count < 100 { throw WorkspaceError.damaged(database, "it is cut short (\(head.count) bytes)") }
    }

    private static func build(database: String, demoAsOf today: Day?) throws {
        let store = try SQLStore(sqlite: database, shared: false)
        try fill(store, demoAsOf: today)
        try store.close()
    }

    private static func fill(_ store: SQLStore, demoAsOf today: Day?) throws {
        guard let today else { return }
        _ = try store.apply(DemoWorkspace.batch(asOf: today), progress: nil)
        let ids = Dictionary(uniqueKeysWithValues: try store.accounts().map { ($0.name, $0.id!) })
        _ = try store.apply(DemoWorkspace.successPlans(asOf: today, ids: ids))
    }
}

public enum WorkspaceError: Error, CustomStringConvertible, Equatable {
    case noWorkspace(String)
    case alreadyExists(String)
    case notAFolder(String)
    /// The workspace file is there but damaged: the file, and what is wrong with it.
    case damaged(String, String)
    /// The workspace file cannot be read or written as asked: the file, and why.
    case fault(String, String)
    /// Another process held the workspace for the whole timeout.
    case busy(seconds: Double)

    public var description: String {
        switch self {
        case .noWorkspace(let p): return "no workspace at \(p) — create one with: cse init \(p) [--demo]"
        case .alreadyExists(let p): return "\(p) already holds a workspace"
        case .notAFolder(let p): return "\(p) is a file, not a folder"
        case let .fault(file, why): return "\(file): \(why)"
        case let .damaged(file, what):
            return "\(file) is damaged: \(what) — cse has changed nothing in it; restore it from a backup (or move it aside and 'cse init' a new workspace)"
        case .busy(let seconds):
            let wait = seconds == seconds.rounded() ? String(Int(seconds)) : String(seconds)
            return "the workspace is busy: another cse (an import?) has been writing to it for over \(wait) s — nothing was changed; try again when it is done"
        }
    }
}
