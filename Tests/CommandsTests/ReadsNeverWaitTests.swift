import Foundation
import XCTest
import Shell
import Workspace
@testable import Commands

/// A read never waits for a writer: while an import holds the write, `alerts` and `today`
/// answer at once; what they would keep for later (the look, the summaries) is let go.
final class ReadsNeverWaitTests: WorkspaceTestCase {
    func testReadsAnswerDuringAWriteOnSQLite() throws { try readsAnswerDuringAWrite(try workspace("sqlite")) }
    func testReadsAnswerDuringAWriteOnPostgreSQL() throws { try readsAnswerDuringAWrite(try workspace("postgres")) }

    func readsAnswerDuringAWrite(_ location: WorkspaceLocation) throws {
        let (run, _) = try shell(location, as: "Dana Whitfield")
        let holder = Unchecked(try XCTUnwrap(try open(location).store as? SQLStore))
        let holding = DispatchSemaphore(value: 0), release = DispatchSemaphore(value: 0), done = DispatchSemaphore(value: 0)
        DispatchQueue.global().async {
            do {
                try holder.value.database.write { s in
                    try s.execute("UPDATE account SET plan = plan WHERE id = 1", [])
                    holding.signal()
                    release.wait()
                }
            } catch {
                XCTFail("the holding write: \(error)")
            }
            done.signal()
        }
        holding.wait()
        let alerts = run.say("alerts")
        let today = run.say("today")
        release.signal()
        done.wait()
        XCTAssertTrue(alerts.contains("11 alerts (4 red) on 4 accounts"), alerts)
        XCTAssertTrue(today.contains("Red alerts open (2)"), today)
        // Once the write is over, the look is recorded as before.
        XCTAssertTrue(run.say("alerts").contains("new since your last look"))
    }
}
