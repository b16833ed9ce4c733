import Foundation

/// A workspace folder: `workspace.sqlite`, `history`, and later `templates/`, `model.yaml`, `drafts/`.
public final class WorkspaceDirectory {
    public let path: String
    public let store: WorkspaceStore

    public static let databaseName = "workspace.sqlite"

    /// Opens an existing workspace; a folder without one is an error, not a silent new workspace.
    public init(path: String) throws {
        let database = (path as NSString).appendingPathComponent(WorkspaceDirectory.databaseName)
        guard FileManager.default.fileExists(atPath: database) else {
            throw WorkspaceError.noWorkspace(path)
        }
        self.path = path
        self.store = try SQLiteStore(path: database)
    }

    public var historyPath: String { (path as NSString).appendingPathComponent("history") }

    public static func exists(at path: String) -> Bool {
        FileManager.default.fileExists(atPath: (path as NSString).appendingPathComponent(databaseName))
    }

    /// Creates a workspace, with the demo accounts when `demo` is given (dated relative to `today`).
    /// It is built in a temporary folder beside the target and moved into place, so an
    /// interrupted `init` leaves nothing behind.
    @discardableResult
    public static func create(at path: String, demoAsOf today: Day?) throws -> WorkspaceDirectory {
        let fm = FileManager.default
        if exists(at: path) { throw WorkspaceError.alreadyExists(path) }
        var isDirectory: ObjCBool = false
        if fm.fileExists(atPath: path, isDirectory: &isDirectory) {
            guard isDirectory.boolValue else { throw WorkspaceError.notAFolder(path) }
            let database = (path as NSString).appendingPathComponent(databaseName)
            let staging = database + ".creating"
            try? fm.removeItem(atPath: staging)
            try build(database: staging, demoAsOf: today)
            try fm.moveItem(atPath: staging, toPath: database)
        } else {
            let parent = (path as NSString).deletingLastPathComponent
            if !parent.isEmpty { try fm.createDirectory(atPath: parent, withIntermediateDirectories: true) }
            let staging = path + ".creating-\(getpid())"
            try? fm.removeItem(atPath: staging)
            try fm.createDirectory(atPath: staging, withIntermediateDirectories: true)
            do {
                try build(database: (staging as NSString).appendingPathComponent(databaseName), demoAsOf: today)
                try fm.moveItem(atPath: staging, toPath: path)
            } catch {
                try? fm.removeItem(atPath: staging)
                throw error
            }
        }
        return try WorkspaceDirectory(path: path)
    }

    private static func build(database: String, demoAsOf today: Day?) throws {
        let store = try SQLiteStore(path: database, shared: false)
        if let today {
            _ = try store.apply(DemoWorkspace.batch(asOf: today), progress: nil)
            let ids = Dictionary(uniqueKeysWithValues: try store.accounts().map { ($0.name, $0.id!) })
            _ = try store.apply(DemoWorkspace.successPlans(asOf: today, ids: ids))
        }
        try store.close()
    }
}

public enum WorkspaceError: Error, CustomStringConvertible, Equatable {
    case noWorkspace(String)
    case alreadyExists(String)
    case notAFolder(String)
    /// Another process held the workspace for the whole timeout.
    case busy(seconds: Double)

    public var description: String {
        switch self {
        case .noWorkspace(let p): return "no workspace at \(p) — create one with: cse init \(p) [--demo]"
        case .alreadyExists(let p): return "\(p) already holds a workspace"
        case .notAFolder(let p): return "\(p) is a file, not a folder"
        case .busy(let seconds):
            let wait = seconds == seconds.rounded() ? String(Int(seconds)) : String(seconds)
            return "the workspace is busy: another cse (an import?) has been writing to it for over \(wait) s — nothing was changed; try again when it is done"
        }
    }
}
