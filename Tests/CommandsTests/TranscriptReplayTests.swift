import Foundation
import XCTest
import Shell
@testable import Commands

enum TranscriptFiles {
    static var folder: String {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("transcripts").path
    }

    static func all() throws -> [String] { TranscriptReplayer.files(in: [folder]) }
}

/// Every transcript in transcripts/ replays exactly (the same check as `cse replay`).
final class TranscriptReplayTests: XCTestCase {
    func testEveryTranscriptReplays() throws {
        let files = try TranscriptFiles.all()
        XCTAssertGreaterThanOrEqual(files.count, 8)
        let replayer = TranscriptReplayer(commands: Catalog.commands)
        for file in files {
            let outcome = try replayer.replay(path: file)
            XCTAssertTrue(outcome.passed, "\(file) differs:\n\(outcome.diff)")
        }
    }
}
