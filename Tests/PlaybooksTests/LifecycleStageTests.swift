import XCTest
import Workspace
@testable import Playbooks

final class LifecycleStageTests: XCTestCase {
    func testStagesBySeed001Days() {
        let start = Day(iso: "2026-11-06")!
        let account = Account(name: "Nimbus", startDate: start)
        XCTAssertEqual(LifecycleStage.of(account, on: start)?.stage, .onboarding)
        XCTAssertEqual(LifecycleStage.of(account, on: start.adding(days: 6))?.stage, .onboarding)
        XCTAssertEqual(LifecycleStage.of(account, on: start.adding(days: 7))?.stage, .growth)
        XCTAssertEqual(LifecycleStage.of(account, on: start.adding(days: 18))?.day, 18)
        XCTAssertEqual(LifecycleStage.of(account, on: start.adding(days: 30))?.stage, .maturity)
        XCTAssertEqual(LifecycleStage.of(account, on: start.adding(days: 90))?.stage, .expansion)
        XCTAssertNil(LifecycleStage.of(account, on: start.adding(days: -1)))
    }
}
