import XCTest
@testable import Workspace

final class DayTests: XCTestCase {
    func testParsesOnlyRealISODates() {
        XCTAssertEqual(Day(iso: "2026-11-24")?.description, "2026-11-24")
        XCTAssertNil(Day(iso: "2026-02-29"), "2026 is not a leap year")
        XCTAssertNotNil(Day(iso: "2028-02-29"))
        XCTAssertNil(Day(iso: "1900-02-29"), "1900 is not a leap year")
        XCTAssertNotNil(Day(iso: "2000-02-29"), "2000 is")
        XCTAssertNil(Day(iso: "24/11/2026"))
        XCTAssertNil(Day(iso: "2026-13-01"))
        XCTAssertNil(Day(iso: "2026-1-5"))
    }

    func testArithmeticAcrossMonthAndYearEnds() {
        let d = Day(iso: "2026-12-30")!
        XCTAssertEqual(d.adding(days: 3).description, "2027-01-02")
        XCTAssertEqual(Day(iso: "2028-02-28")!.adding(days: 1).description, "2028-02-29")
        XCTAssertEqual(Day(iso: "2026-02-28")!.adding(days: 1).description, "2026-03-01")
        XCTAssertEqual(Day(iso: "2026-01-31")!.adding(months: 1).description, "2026-02-28")
        XCTAssertEqual(Day(iso: "2028-01-31")!.adding(months: 1).description, "2028-02-29")
        XCTAssertEqual(Day(iso: "2026-11-30")!.adding(months: -12).description, "2025-11-30")
        XCTAssertEqual(Day(iso: "2026-01-15")!.adding(months: -1).description, "2025-12-15")
        XCTAssertEqual(Day(iso: "2026-11-24")!.days(until: Day(iso: "2027-01-08")!), 45)
        XCTAssertEqual(Day(iso: "1970-01-01")!.ordinal, 0)
    }

    func testWeekEndsOnSunday() {
        let tuesday = Day(iso: "2026-11-24")!
        XCTAssertEqual(tuesday.weekday, 2)
        XCTAssertEqual(tuesday.lastSunday.description, "2026-11-22")
        XCTAssertEqual(Day(iso: "2026-11-22")!.lastSunday.description, "2026-11-22")
    }
}
