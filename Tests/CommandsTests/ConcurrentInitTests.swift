import Foundation
import XCTest
import Shell
import Workspace
@testable import Commands

/// Four `cse init … --demo` at once: one makes the workspace, the others say it already holds
/// one, and the demo is in it once — on either store.
final class ConcurrentInitTests: WorkspaceTestCase {
    func inits(_ location: WorkspaceLocation, files: String) -> [Result<Void, Error>] {
        let results = Results(), today = self.today
        DispatchQueue.concurrentPerform(iterations: 4) { i in
            do {
                _ = try WorkspaceDirectory.create(at: location, demoAsOf: today, environment: TestServer.environment, files: files + "-\(i)")
                results.add(.success(()))
            } catch {
                results.add(.failure(error))
            }
        }
        return results.all
    }

    final class Results: @unchecked Sendable {
        private let lock = NSLock()
        private var items: [Result<Void, Error>] = []
        func add(_ r: Result<Void, Error>) { lock.lock(); items.append(r); lock.unlock() }
        var all: [Result<Void, Error>] { lock.lock(); defer { lock.unlock() }; return items }
    }

    func check(_ results: [Result<Void, Error>], _ location: WorkspaceLocation) throws {
        XCTAssertEqual(results.filter { if case .success = $0 { return true } else { return false } }.count, 1)
        for case .failure(let error) in results {
            XCTAssertEqual(error as? WorkspaceError, .alreadyExists(location.description), "\(error)")
        }
        let store = try open(location).store
        XCTAssertEqual(try store.accounts().count, 13)
        XCTAssertEqual(try store.events().filter { $0.kind == "champion left" }.count, 1, "the demo once")
    }

    func testFourInitsOfAFolderAtOnce() throws {
        let location = WorkspaceLocation.folder((folder as NSString).appendingPathComponent("ws"))
        try check(inits(location, files: folder + "/files"), location)
    }

    func testFourInitsOfAnEmptyFolderAtOnce() throws {
        let path = (folder as NSString).appendingPathComponent("empty")
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        try check(inits(.folder(path), files: folder + "/files"), .folder(path))
    }

    func testFourInitsOfAPostgreSQLDatabaseAtOnce() throws {
        let server = try TestServer.address()
        let name = "cse_test_\(UUID().uuidString.prefix(8).lowercased())"
        try PostgresDatabase.createDatabase(name, like: server, environment: TestServer.environment)
        databases.append(name)
        let location = WorkspaceLocation.postgres(server.with(database: name))
        try check(inits(location, files: folder + "/files"), location)
    }
}
