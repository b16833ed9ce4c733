import XCTest
@testable import Workspace

final class MoneyTests: XCTestCase {
    func testParsesWhatCRMExportsWrite() {
        XCTAssertEqual(Money(parsing: "12000")?.cents, 1_200_000)
        XCTAssertEqual(Money(parsing: "$12,000.50")?.cents, 1_200_050)
        XCTAssertEqual(Money(parsing: "8000.5")?.cents, 800_050)
        XCTAssertNil(Money(parsing: "12k"))
        XCTAssertNil(Money(parsing: "1.234"))
        XCTAssertNil(Money(parsing: ""))
    }

    func testPrintsDollarsWithGrouping() {
        XCTAssertEqual(Money(dollars: 437_900).description, "$437,900")
        XCTAssertEqual(Money(cents: 1_200_050).description, "$12,000.50")
        XCTAssertEqual(Money(cents: 1_200_050).plain, "12000.5")
        XCTAssertEqual(Money(cents: 1_200_005).plain, "12000.05")
    }
}
