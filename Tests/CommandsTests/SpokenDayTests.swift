import Foundation
import XCTest
import Shell
import Workspace
@testable import Commands

/// A day said in a command is a day that is: one that is none is refused, never logged as
/// words on today's date, and an answer is never given as of a day to come.
final class SpokenDayTests: WorkspaceTestCase {
    func testADayThatIsNoneIsRefusedAndNothingIsLogged() throws {
        let (run, context) = try shell(try workspace("sqlite"), as: "dana")
        let acme = try context.account("Acme")
        let before = try context.store.events(accountID: acme.id!)
        XCTAssertEqual(run.say("log Acme call on 31 Nov"), "error: '31 Nov' is not a date — November has 30 days\n")
        XCTAssertEqual(run.say("log Acme call about pricing on Nov 31 2026"), "error: 'Nov 31 2026' is not a date — November has 30 days\n")
        XCTAssertEqual(run.say("log Acme call 30 Feb"), "error: '30 Feb' is not a date — February 2026 has 28 days\n")
        XCTAssertEqual(run.say("记录 Acme 通话 11月31日"), "error: '11月31日' is not a date — November has 30 days\n")
        XCTAssertEqual(try context.store.events(accountID: acme.id!), before, "nothing logged")
        XCTAssertEqual(run.say("log Acme call on 30 Nov"), "logged for Acme Corp on 2025-11-30 by dana: call\n", "30 Nov is a day: the last one")
    }

    func testAsOfYesterdayIsADayLikeAnyOtherAndADayToComeIsRefused() throws {
        let (run, _) = try shell(try workspace("sqlite"), as: "dana")
        let yesterday = run.say("score Hooli as of yesterday")
        XCTAssertTrue(yesterday.hasPrefix("Hooli — health"), yesterday)
        XCTAssertEqual(yesterday, run.say("score Hooli as of 2026-11-23"))
        XCTAssertEqual(run.say("churn risk Hooli as of yesterday"), run.say("churn risk Hooli as of 2026-11-23"))
        XCTAssertEqual(run.say("score Hooli as of tomorrow"), "error: as of 2026-11-25 is after today (2026-11-24): ask as of a day that has happened\n")
        XCTAssertEqual(run.say("list accounts as of 2026-12-01"), "error: as of 2026-12-01 is after today (2026-11-24): ask as of a day that has happened\n")
        XCTAssertTrue(run.say("score Hooli as of today").hasPrefix("Hooli — health"))
    }
}
