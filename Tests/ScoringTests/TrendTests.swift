import XCTest
import Workspace
@testable import Scoring

final class TrendTests: XCTestCase {
    func testRisingNeedsThreeUpsAndFivePercentNet() {
        XCTAssertEqual(Trend(weeklyScores: [60, 62, 61, 64, 66]).direction, .rising)
        XCTAssertEqual(Trend(weeklyScores: [60, 60.5, 61, 61.5, 62]).direction, .stable, "up every week but only +3.3% net")
    }

    func testDeclining() {
        let t = Trend(weeklyScores: [70.1, 70.1, 57.2, 45.4, 40.5])
        XCTAssertEqual(t.direction, .declining)
        XCTAssertEqual(t.net!, (40.5 - 70.1) / 70.1 * 100, accuracy: 1e-9)
    }

    func testStableAndVolatile() {
        XCTAssertEqual(Trend(weeklyScores: [76, 75, 77, 76, 76]).direction, .stable)
        XCTAssertEqual(Trend(weeklyScores: [51.2, 44.2, 51.2, 44.2, 46.5]).direction, .volatile)
    }

    func testUsesTheLastFiveWeeksOnly() {
        let t = Trend(weeklyScores: [10, 90, 60, 62, 61, 64, 66])
        XCTAssertEqual(t.scores, [60, 62, 61, 64, 66])
        XCTAssertEqual(t.changes.count, 4)
    }

    func testFewerThanFiveWeeks() {
        let t = Trend(weeklyScores: [45.3, 60.9])
        XCTAssertEqual(t.direction, .notEnoughHistory)
        XCTAssertEqual(t.label, "not enough history (2 weeks)")
    }

    func testAccountHealthIgnoresWeeksAfterTheDate() {
        let account = Account(id: 1, name: "A", plan: "professional")
        let weeks = (0..<6).map { i in
            Snapshot(accountID: 1, week: Day(iso: "2026-10-18")!.adding(days: 7 * i), values: ClawModelTests.customerA)
        }
        let health = AccountHealth(records: AccountRecords(account: account), snapshots: weeks, asOf: Day(iso: "2026-11-10")!)
        XCTAssertEqual(health.current?.week.description, "2026-11-08")
        XCTAssertEqual(health.weeks.count, 4)
        XCTAssertEqual(health.trend.direction, .notEnoughHistory)
    }
}
