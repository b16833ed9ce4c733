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

    func testAtTheEndAndAtTheStartOfALine() {
        let words = "call with Maria about seats on Friday".split(separator: " ").map(String.init)
        XCTAssertEqual(SpokenDate.trailing(words, today: today)?.day.description, "2026-11-20")
        XCTAssertEqual(SpokenDate.trailing(words, today: today)?.count, 2)
        let bare = "call: they sign Friday".split(separator: " ").map(String.init)
        XCTAssertNil(SpokenDate.trailing(bare, today: today), "a bare weekday is part of the details")
        let leading = "yesterday with Maria".split(separator: " ").map(String.init)
        XCTAssertEqual(SpokenDate.leading(leading, today: today)?.count, 1)
    }
}
