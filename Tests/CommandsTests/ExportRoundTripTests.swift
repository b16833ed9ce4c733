import Foundation
import XCTest
import Scoring
import Shell
import Workspace
@testable import Commands

/// An export imported into an empty workspace reproduces every score.
final class ExportRoundTripTests: XCTestCase {
    let today = Day(iso: "2026-11-24")!

    func session(_ workspace: WorkspaceDirectory, in folder: String) -> (Session, BufferOutput) {
        let output = BufferOutput()
        let context = Context(workspace: workspace, today: today, specs: Catalog.commands.map(\.spec), directory: folder, progress: nil)
        return (Session(context: context, commands: Catalog.commands, renderer: Renderer(width: 100, colour: false), json: false, output: output), output)
    }

    func scores(_ workspace: WorkspaceDirectory) throws -> [String: [String]] {
        var result: [String: [String]] = [:]
        let snapshots = Dictionary(grouping: try workspace.store.allSnapshots(), by: \.accountID)
        for account in try workspace.store.accounts() {
            let health = AccountHealth(records: AccountRecords(account: account), snapshots: snapshots[account.id!] ?? [], asOf: today)
            result[account.name] = health.weeks.map { "\($0.week) \(Format.oneDecimal($0.score))" } + [health.trend.direction.rawValue]
        }
        return result
    }

    func testEveryFormatRoundTrips() throws {
        let folder = (NSTemporaryDirectory() as NSString).appendingPathComponent("cse-export-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let demo = try WorkspaceDirectory.create(at: folder + "/demo", demoAsOf: today)
        let expected = try scores(demo)
        XCTAssertEqual(expected["Acme Corp"]?.suffix(2), ["2026-11-22 76.1", "stable"])

        for ext in ["csv", "json", "yaml"] {
            let (out, log) = session(demo, in: folder)
            XCTAssertTrue(out.run("export accounts accounts.\(ext)"), log.text)
            XCTAssertTrue(out.run("export snapshots snapshots.\(ext)"), log.text)
            let fresh = try WorkspaceDirectory.create(at: folder + "/fresh-\(ext)", demoAsOf: nil)
            let (into, intoLog) = session(fresh, in: folder)
            XCTAssertTrue(into.run("import accounts.\(ext)"), intoLog.text)
            XCTAssertTrue(into.run("import snapshots.\(ext)"), intoLog.text)
            XCTAssertEqual(try scores(fresh), expected, ext)
            func withoutIDs(_ accounts: [Account]) -> [Account] { accounts.map { var a = $0; a.id = nil; return a } }
            XCTAssertEqual(withoutIDs(try fresh.store.accounts()), withoutIDs(try demo.store.accounts()), ext)
            XCTAssertEqual(try fresh.store.contacts().count, try demo.store.contacts().count, ext)
        }
    }
}
