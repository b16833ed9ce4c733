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

    func testWeekEnds() {
        let tuesday = Day(iso: "2026-11-24")!
        XCTAssertEqual(tuesday.weekday, 2)
        XCTAssertEqual(tuesday.lastWeekEnd(on: .sunday).description, "2026-11-22")
        XCTAssertEqual(Day(iso: "2026-11-22")!.lastWeekEnd(on: .sunday).description, "2026-11-22")
        XCTAssertEqual(tuesday.weekEnd(on: .sunday).description, "2026-11-29", "a Tuesday is in the week ending the next Sunday")
        XCTAssertEqual(Day(iso: "2026-11-20")!.weekEnd(on: .sunday).description, "2026-11-22", "a Friday beside Sunday-ending weeks")
        XCTAssertEqual(Day(iso: "2026-11-22")!.weekEnd(on: .sunday).description, "2026-11-22")
        XCTAssertEqual(tuesday.weekEnd(on: .friday).description, "2026-11-27")
        XCTAssertEqual(tuesday.lastWeekEnd(on: .friday).description, "2026-11-20")
        XCTAssertEqual(tuesday.lastWeekEnd(on: .tuesday).description, "2026-11-24")
        XCTAssertEqual(Weekday(parsing: "Sat"), .saturday)
        XCTAssertEqual(Weekday(parsing: "7"), .sunday)
        XCTAssertNil(Weekday(parsing: "s"))
    }

    func testYearsOutsideTheRangeAreNoDays() {
        XCTAssertNil(Day(year: 9_223_372_036_854_775_807, month: 1, day: 1))
        XCTAssertNil(Day(year: -9_223_372_036_854_775_807, month: 1, day: 1))
        XCTAssertNil(Day(iso: "0000-13-01"))
        XCTAssertEqual(Day(iso: "9999-12-31")!.adding(months: 1).description, "10000-01-31", "arithmetic past the four digits does not trap")
    }
}
