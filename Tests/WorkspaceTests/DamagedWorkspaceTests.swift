import Foundation
import XCTest
@testable import Workspace

/// A workspace file emptied, cut short or corrupted is named as damaged, in one line, and never
/// taken for a new empty workspace to import into.
final class DamagedWorkspaceTests: XCTestCase {
    var folder = ""

    override func setUpWithError() throws {
        folder = (NSTemporaryDirectory() as NSString).appendingPathComponent("cse-damaged-\(UUID().uuidString)")
        try WorkspaceDirectory.create(at: folder, demoAsOf: Day(iso: "2026-11-24")!)
    }

    override func tearDown() { try? FileManager.default.removeItem(atPath: folder) }

    var database: String { (folder as NSString).appendingPathComponent("workspace.sqlite") }

    func damaged(_ make: (Data) -> Data, _ what: String, file: StaticString = #filePath, line: UInt = #line) throws {
        let whole = try Data(contentsOf: URL(fileURLWithPath: database))
        try make(whole).write(to: URL(fileURLWithPath: database))
        XCTAssertThrowsError(try { _ = try WorkspaceDirectory(path: folder).store.accounts() }(), file: file, line: line) { error in
            XCTAssertEqual(error as? WorkspaceError, .damaged(database, what), "\(error)", file: file, line: line)
            XCTAssertTrue("\(error)".hasSuffix("cse has changed nothing in it; restore it from a backup (or move it aside and 'cse init' a new workspace)"),
                          file: file, line: line)
        }
        XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: database)), make(whole), "left as it was", file: file, line: line)
    }

    func testAnEmptiedFile() throws { try damaged({ _ in Data() }, "it is empty (0 bytes)") }
    func testAFileCutInItsHeader() throws { try damaged({ $0.prefix(50) }, "it is cut short (50 bytes)") }
    func testAFileOfSomethingElse() throws { try damaged({ _ in Data("account,segment\n".utf8) }, "it is not a SQLite database") }
    func testAFileCutShortOfItsPages() throws { try damaged({ $0.prefix(8192) }, "SQLite finds it corrupt") }
}
