import ArgumentParser
import Commands
import Foundation
import Shell
import Workspace

/// `cse copy FROM TO`: a whole workspace into a new one, SQLite and PostgreSQL either way,
/// then checked: the same rows in every table, and the same export files from both.
struct CopyWorkspace: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "copy",
        abstract: "Copy a whole workspace (a folder or postgres://…) into a new or empty one, and check the copy.",
        discussion: """
            Every record is copied with its id, in one transaction of the target: a failed copy leaves it empty. The files \
            beside the database (model.yaml, templates/, drafts/, views.json, mapping.yaml, models/) are copied too; shell \
            history is not. The check: each table's row count, and the accounts, snapshots, events and subscriptions \
            exports of both, byte for byte.
            """)

    @Argument(help: "The workspace to copy: a folder, or postgres://USER@HOST:PORT/DB.") var from: String
    @Argument(help: "Where to copy it: a new folder, or an empty PostgreSQL database.") var to: String

    func run() throws {
        let options = WorkspaceOptions()
        let environment = options.environment
        let today = try options.today()
        try orExit {
            let source = try WorkspaceDirectory(location: try WorkspaceLocation.parse(from, environment: environment), environment: environment)
            let targetLocation = try WorkspaceLocation.parse(to, environment: environment)
            var created = false
            let target: WorkspaceDirectory
            if case .folder(let path) = targetLocation, !WorkspaceDirectory.exists(at: path) {
                target = try WorkspaceDirectory.create(at: targetLocation, demoAsOf: nil, environment: environment)
                created = true
            } else if case .postgres = targetLocation, (try? WorkspaceDirectory(location: targetLocation, environment: environment)) == nil {
                target = try WorkspaceDirectory.create(at: targetLocation, demoAsOf: nil, environment: environment)
            } else {
                target = try WorkspaceDirectory(location: targetLocation, environment: environment)
            }
            do {
                try copy(source, into: target, today: today)
            } catch {
                if created, case .folder(let path) = targetLocation { try? FileManager.default.removeItem(atPath: path) }
                throw error
            }
        }
    }

    private func copy(_ source: WorkspaceDirectory, into target: WorkspaceDirectory, today: Day) throws {
        guard let from = source.store as? SQLStore, let to = target.store as? SQLStore else { return }
        let progress = Terminal.isTerminal(STDERR_FILENO) ? ProgressLine { FileHandle.standardError.write(Data($0.utf8)) } : nil
        progress?.begin()
        let counts: WorkspaceCopy.Counts
        do {
            counts = try WorkspaceCopy.copy(from: from, to: to) { table, n in progress?.update("copying \(table)", done: n, total: nil) }
            progress?.finish()
        } catch let error as CopyError {
            progress?.finish()
            FileHandle.standardError.write(Data("error: \(error.description)\n".utf8))
            throw ExitCode.failure
        }
        try copyFiles(from: source.path, to: target.path)

        // The check.
        let copied = try WorkspaceCopy.counts(to)
        let differing = zip(counts.rows, copied.rows).filter { $0.count != $1.count }.map(\.0.table)
        let exports = try compareExports(source, target, today: today)
        let listed = counts.rows.filter { $0.count > 0 }.map { "\($0.table) \($0.count)" }.joined(separator: ", ")
        print("copied \(counts.total) records from \(source.location) to \(target.location): \(listed)")
        if !differing.isEmpty || !exports.differing.isEmpty {
            FileHandle.standardError.write(Data("error: the copy differs: \((differing + exports.differing).joined(separator: ", "))\n".utf8))
            throw ExitCode.failure
        }
        print("checked: every table has the same rows; the \(exports.same.joined(separator: ", ")) exports of both are identical")
    }

    /// The files kept beside the database, but for shell history.
    private func copyFiles(from: String, to: String) throws {
        let fm = FileManager.default
        guard from != to, let names = try? fm.contentsOfDirectory(atPath: from) else { return }
        for name in names where !name.hasPrefix(WorkspaceDirectory.databaseName) && name != "history" && !name.hasPrefix(".") {
            let target = (to as NSString).appendingPathComponent(name)
            if fm.fileExists(atPath: target) { continue }
            try fm.copyItem(atPath: (from as NSString).appendingPathComponent(name), toPath: target)
        }
    }

    /// Exports each kind from both workspaces and compares the files.
    private func compareExports(_ a: WorkspaceDirectory, _ b: WorkspaceDirectory, today: Day) throws -> (same: [String], differing: [String]) {
        let scratch = (NSTemporaryDirectory() as NSString).appendingPathComponent("cse-copy-\(UUID().uuidString)")
        try FileManager.default.createDirectory(atPath: scratch, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: scratch) }
        var same: [String] = [], differing: [String] = []
        let sessions = [a, b].map { workspace in
            Session(context: Context(workspace: workspace, today: today, specs: Catalog.commands.map(\.spec), directory: scratch, progress: nil),
                    commands: Catalog.commands, renderer: Renderer(width: 100, colour: false), json: false, output: BufferOutput())
        }
        for kind in ["accounts", "snapshots", "events", "subscriptions"] {
            let files = sessions.indices.map { (scratch as NSString).appendingPathComponent("\($0)-\(kind).csv") }
            for (session, file) in zip(sessions, files) { _ = session.run("export \(kind) \(file)") }
            let contents = files.map { FileManager.default.contents(atPath: $0) }
            if contents[0] != nil && contents[0] == contents[1] { same.append(kind) } else { differing.append("\(kind) export") }
        }
        return (same, differing)
    }
}
