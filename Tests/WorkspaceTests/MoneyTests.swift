import Foundation
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

    func testACommaSeparatesThousandsInGroupsOfThreeOnly() {
        XCTAssertEqual(Money(parsing: "1,250")?.cents, 125_000)
        XCTAssertEqual(Money(parsing: "12,500,000")?.cents, 1_250_000_000)
        XCTAssertEqual(Money(parsing: "$1,250.50")?.cents, 125_050)
        XCTAssertEqual(Money(parsing: "USD 12,000.00")?.cents, 1_200_000)
        XCTAssertEqual(Money(parsing: "-1,000")?.cents, -100_000)
        for bad in ["1,5", "12,50", "1,2345", ",500", "1,,000", "1,000,00", "1234,567", "1,000.5,0", "1,"] {
            XCTAssertNil(Money(parsing: bad), "\(bad) is no amount")
        }
        for bad in ["1,5", "12,50", "1,2345", "$12,50"] {
            XCTAssertThrowsError(try Money.checked(bad)) {
                XCTAssertEqual(($0 as? FieldProblem)?.message, "'\(bad)' is not an amount: a comma separates thousands, in groups of three digits "
                               + "(1,250 or 12,500,000); write cents after a point (12.50)")
            }
        }
    }

    func testAnImportRefusesAnAmountWhoseCommaIsNoThousandsSeparator() throws {
        let folder = (NSTemporaryDirectory() as NSString).appendingPathComponent("cse-money-\(UUID().uuidString)")
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let path = (folder as NSString).appendingPathComponent("accounts.csv")
        try ("account,segment,plan,arr,csm,start_date,renewal_date\n" + "Acme,smb,growth,\"1,5\",Dana,2025-01-01,2027-01-01\n"
            + "Initech,smb,growth,\"12,50\",Dana,2025-01-01,2027-01-01\n" + "Hooli,smb,growth,\"1,250\",Dana,2025-01-01,2027-01-01\n")
            .write(toFile: path, atomically: true, encoding: .utf8)
        XCTAssertThrowsError(try Importer.read(path: path, shownAs: "accounts.csv", rules: Importer.Rules(today: Day(iso: "2026-11-24")!))) { error in
            XCTAssertEqual((error as? ImportFailure)?.problems.map(\.description), [
                "accounts.csv:2:4: arr: '1,5' is not an amount: a comma separates thousands, in groups of three digits (1,250 or 12,500,000); write cents after a point (12.50)",
                "accounts.csv:3:4: arr: '12,50' is not an amount: a comma separates thousands, in groups of three digits (1,250 or 12,500,000); write cents after a point (12.50)",
            ])
        }
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
