import XCTest
import Workspace
@testable import Playbooks

final class LifecycleStageTests: XCTestCase {
    func testOnboardingIsTheFirst90DaysThenExpansionAndChurnedFromTheChurnDate() {
        let start = Day(iso: "2026-11-06")!
        var account = Account(name: "Nimbus", startDate: start)
        XCTAssertEqual(LifecycleStage.of(account, on: start)?.stage, .onboarding)
        XCTAssertEqual(LifecycleStage.of(account, on: start.adding(days: 35))?.stage, .onboarding, "day 35 is still onboarding, not 'maturity'")
        XCTAssertEqual(LifecycleStage.of(account, on: start.adding(days: 35)).map { $0.stage.goal(day: $0.day) }, "90-day renewal rate above 80%")
        XCTAssertEqual(LifecycleStage.of(account, on: start.adding(days: 18))?.day, 18)
        XCTAssertEqual(LifecycleStage.of(account, on: start.adding(days: 89))?.stage, .onboarding)
        XCTAssertEqual(LifecycleStage.of(account, on: start.adding(days: 90))?.stage, .expansion)
        XCTAssertNil(LifecycleStage.of(account, on: start.adding(days: -1)))
        account.churnDate = start.adding(days: 400)
        XCTAssertEqual(LifecycleStage.of(account, on: start.adding(days: 399))?.stage, .expansion)
        XCTAssertEqual(LifecycleStage.of(account, on: start.adding(days: 400))?.stage, .churned, "a churned account is not 'expansion'")
    }
}
