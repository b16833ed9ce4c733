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

    func testAmountsBeyondABillionAreRefusedNotWrapped() {
        XCTAssertNil(Money(parsing: "92233720368547758.99"), "past Int64 cents: no amount, no trap")
        XCTAssertNil(Money(parsing: "-92233720368547758.99"))
        XCTAssertEqual(try Money.checked("$1,000,000,000").cents, 100_000_000_000)
        XCTAssertThrowsError(try Money.checked("1000000000.01")) { XCTAssertEqual(($0 as? FieldProblem)?.message, "'1000000000.01' is more than $1,000,000,000: check the column") }
        XCTAssertThrowsError(try Money.checked("92233720368547758.99")) { XCTAssertEqual(($0 as? FieldProblem)?.message, "'92233720368547758.99' is more than $1,000,000,000: check the column") }
        XCTAssertThrowsError(try Money.checked("-5")) { XCTAssertEqual(($0 as? FieldProblem)?.message, "'-5' is below zero: an amount is $0 or more") }
        XCTAssertThrowsError(try Money.checked("lots")) { XCTAssertEqual(($0 as? FieldProblem)?.message, "'lots' is not an amount: write dollars, e.g. 12000 or $12,000.50") }
    }

    func testMetricDomains() {
        XCTAssertEqual(try SnapshotField.dau.parse("14.5").get(), 14.5, "DAU is a weekly average of daily users")
        guard case .failure(let problem) = SnapshotField.licensedUsers.parse("30.5") else { return XCTFail() }
        XCTAssertEqual(problem.message, "30.5 is not a whole number: licensed_users counts licensed seats")
        guard case .failure(let big) = SnapshotField.dau.parse("1e12") else { return XCTFail() }
        XCTAssertEqual(big.message, "1e12 is out of range: dau must be at most 1000000000")
    }
}
