import Foundation
import XCTest
import Shell
import Workspace
@testable import Commands

enum TranscriptFiles {
    static var folder: String {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("transcripts").path
    }

    static func all() throws -> [String] { TranscriptReplayer.files(in: [folder]) }
}

/// The PostgreSQL server of the test run: `make test` starts one (scripts/with-postgres) and
/// names it in CSE_TEST_POSTGRES; a bare `swift test` skips the tests that need it.
enum TestServer {
    static var environment: [String: String] { ProcessInfo.processInfo.environment }

    static func address() throws -> PostgresAddress {
        guard let url = environment["CSE_TEST_POSTGRES"], !url.isEmpty else {
            throw XCTSkip("CSE_TEST_POSTGRES is not set: run the tests with 'make test', which starts a PostgreSQL server for them")
        }
        return try PostgresAddress(parsing: url, defaultUser: "cse")
    }
}

/// Every transcript in transcripts/ replays exactly (the same check as `cse replay`), on a
/// SQLite workspace and on a PostgreSQL one.
final class TranscriptReplayTests: XCTestCase {
    func testEveryTranscriptReplays() throws {
        try replayAll(TranscriptReplayer(commands: Catalog.commands))
    }

    func testEveryTranscriptReplaysOnPostgreSQL() throws {
        var replayer = TranscriptReplayer(commands: Catalog.commands)
        replayer.postgres = (try TestServer.address(), TestServer.environment)
        try replayAll(replayer)
    }

    private func replayAll(_ replayer: TranscriptReplayer) throws {
        let files = try TranscriptFiles.all()
        XCTAssertGreaterThanOrEqual(files.count, 8)
        for file in files {
            let outcome = try replayer.replay(path: file)
            XCTAssertTrue(outcome.passed, "\(file) differs:\n\(outcome.diff)")
        }
    }
}
