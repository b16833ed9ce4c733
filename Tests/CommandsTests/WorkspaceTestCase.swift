import Foundation
import XCTest
import Shell
import Workspace
@testable import Commands

/// Workspaces a test makes on either store, removed at its end: a SQLite folder, or a
/// database of its own on the test server.
class WorkspaceTestCase: XCTestCase {
    let today = Day(iso: "2026-11-24")!
    var folder = ""
    var databases: [String] = []

    override func setUpWithError() throws {
        folder = (NSTemporaryDirectory() as NSString).appendingPathComponent("cse-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    }

    override func tearDown() {
        try? FileManager.default.removeItem(atPath: folder)
        if let server = try? TestServer.address() {
            for name in databases { try? PostgresDatabase.dropDatabase(name, like: server, environment: TestServer.environment) }
        }
    }

    /// A new demo workspace: a SQLite folder, or a database of its own on the test server.
    func workspace(_ kind: String) throws -> WorkspaceLocation {
        switch kind {
        case "sqlite":
            let path = (folder as NSString).appendingPathComponent("ws-\(UUID().uuidString.prefix(6))")
            try WorkspaceDirectory.create(at: path, demoAsOf: today)
            return .folder(path)
        default:
            let server = try TestServer.address()
            let name = "cse_test_\(UUID().uuidString.prefix(8).lowercased())"
            try PostgresDatabase.createDatabase(name, like: server, environment: TestServer.environment)
            databases.append(name)
            let location = WorkspaceLocation.postgres(server.with(database: name))
            try WorkspaceDirectory.create(at: location, demoAsOf: today, environment: TestServer.environment, files: folder + "/files-" + name)
            return location
        }
    }

    func open(_ location: WorkspaceLocation) throws -> WorkspaceDirectory {
        try WorkspaceTestCase.open(location, folder: folder)
    }

    static func open(_ location: WorkspaceLocation, folder: String) throws -> WorkspaceDirectory {
        try WorkspaceDirectory(location: location, environment: TestServer.environment, files: folder + "/files")
    }

    /// A shell for `user` on the workspace.
    func shell(_ location: WorkspaceLocation, as user: String) throws -> (OneTruthTests.Runner, Context) {
        let context = Context(workspace: try open(location), today: today, specs: Catalog.commands.map(\.spec), directory: folder, progress: nil)
        context.environment = ["CSE_USER": user]
        context.timeOfDay = { "10:00" }
        return (OneTruthTests.Runner(context), context)
    }
}

extension Context {
    /// The account a test names as a CSM would type it: its name, an alias or a unique start.
    func account(_ typed: String) throws -> Account {
        guard case .reading(let r) = try reader.read("show \(typed)", names: names, today: today), let ref = r.request.account() else {
            throw CommandError("no account '\(typed)'")
        }
        return try account(ref)
    }
}
