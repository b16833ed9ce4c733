import XCTest
@testable import Intents
@testable import Workspace

/// Dates as a CSM says them, on Tuesday 2026-11-24.
final class SpokenDateTests: XCTestCase {
    let today = Day(iso: "2026-11-24")!

    func day(_ text: String) -> String? {
        SpokenDate.day(text.split(separator: " ").map(String.init), today: today)?.description
    }

    func testEverydayWords() {
        XCTAssertEqual(day("yesterday"), "2026-11-23")
        XCTAssertEqual(day("today"), "2026-11-24")
        XCTAssertEqual(day("昨天"), "2026-11-23")
        XCTAssertEqual(day("前天"), "2026-11-22")
        XCTAssertEqual(day("3 days ago"), "2026-11-21")
        XCTAssertEqual(day("a week ago"), "2026-11-17")
        XCTAssertEqual(day("last tuesday"), "2026-11-17", "last Tuesday on a Tuesday is a week back")
        XCTAssertEqual(day("last fri"), "2026-11-20")
        XCTAssertEqual(day("tuesday"), "2026-11-24", "after 'on', the latest Tuesday not after today")
        XCTAssertEqual(day("20 Nov"), "2026-11-20")
        XCTAssertEqual(day("Nov 20"), "2026-11-20")
        XCTAssertEqual(day("30 November"), "2025-11-30", "no year: the latest such day not after today")
        XCTAssertEqual(day("30 Nov 2026"), "2026-11-30")
        XCTAssertEqual(day("11月20日"), "2026-11-20")
        XCTAssertEqual(day("2025年3月1日"), "2025-03-01")
        XCTAssertEqual(day("2026-11-02"), "2026-11-02")
        XCTAssertNil(day("31 Feb"))
        XCTAssertNil(day("pricing"))
    }

    func testABareWeekdayIsADayOnlyAfterOn() {
        XCTAssertNil(SpokenDate.day(["friday"], today: today, afterOn: false), "'they sign Friday' is words of the details")
        XCTAssertEqual(SpokenDate.day(["friday"], today: today, afterOn: true)?.description, "2026-11-20")
    }

    /// "renewals before …": the last day of the stretch.
    func testTheEndOfAStretch() {
        func end(_ text: String) -> String? { SpokenDate.end(text.split(separator: " ").map(String.init), today: today)?.description }
        XCTAssertEqual(end("March"), "2027-02-28", "before March is to the end of February")
        XCTAssertEqual(end("December"), "2026-11-30", "the December ahead")
        XCTAssertEqual(end("三月"), "2027-02-28")
        XCTAssertEqual(end("the end of the year"), "2026-12-31")
        XCTAssertEqual(end("年底"), "2026-12-31")
        XCTAssertEqual(end("the end of the quarter"), "2026-12-31")
        XCTAssertEqual(end("月底"), "2026-11-30")
        XCTAssertNil(end("pricing"))
    }
}
