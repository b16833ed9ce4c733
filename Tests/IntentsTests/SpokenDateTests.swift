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

    /// Words shaped as a day that is none are said to be none, never taken as words.
    func testADayThatIsNoneIsSaid() {
        func impossible(_ text: String) -> String? { SpokenDate.impossible(text.split(separator: " ").map(String.init), today: today) }
        XCTAssertEqual(impossible("31 Nov"), "'31 Nov' is not a date — November has 30 days")
        XCTAssertEqual(impossible("Nov 31"), "'Nov 31' is not a date — November has 30 days")
        XCTAssertEqual(impossible("31 November 2026"), "'31 November 2026' is not a date — November has 30 days")
        XCTAssertEqual(impossible("30 Feb"), "'30 Feb' is not a date — February 2026 has 28 days")
        XCTAssertEqual(impossible("29 Feb 2027"), "'29 Feb 2027' is not a date — February 2027 has 28 days")
        XCTAssertEqual(impossible("11月31日"), "'11月31日' is not a date — November has 30 days")
        XCTAssertEqual(impossible("2026-11-31"), "'2026-11-31' is not a date — November has 30 days")
        XCTAssertEqual(impossible("2026-13-01"), "'2026-13-01' is not a date — write YYYY-MM-DD, 'yesterday', 'last Tuesday' or '20 Nov'")
        for words in ["30 Nov", "29 Feb 2028", "31 Dec", "11月30日", "2026-11-30", "40 seats", "may 40", "call", "3 may be", "Nov 31 emails"] {
            XCTAssertNil(impossible(words), words)
        }
        XCTAssertEqual(SpokenDate.firstImpossible(in: ["call", "on", "31", "Nov", "about", "pricing"], today: today),
                       "'31 Nov' is not a date — November has 30 days")
        XCTAssertNil(SpokenDate.firstImpossible(in: ["call", "on", "30", "Nov"], today: today))
    }
}
