import Foundation
import XCTest
@testable import Workspace

/// CRM exports as they come: Salesforce and HubSpot by their default columns, anything else
/// through the workspace's mapping.yaml.
final class ColumnMappingTests: XCTestCase {
    var folder: String!
    let rules = Importer.Rules(today: Day(iso: "2026-11-24")!)

    override func setUpWithError() throws {
        folder = (NSTemporaryDirectory() as NSString).appendingPathComponent("cse-mapping-\(UUID().uuidString)")
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    }

    override func tearDown() { try? FileManager.default.removeItem(atPath: folder) }

    func file(_ name: String, _ text: String) throws -> String {
        let path = (folder as NSString).appendingPathComponent(name)
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    func testASalesforceReportImportsUnedited() throws {
        let path = try file("sf.csv", """
            "Account Owner","Account Name","Type","Annual Revenue","Account ID","Created Date"
            "Dana Whitfield","Acme, Inc.","Customer - Direct","USD 12,000.00","0015g00000XyZab","7/12/2026"
            """)
        let plan = try Importer.read(path: path, shownAs: "sf.csv", rules: rules)
        XCTAssertEqual(plan.mappingName, "Salesforce")
        XCTAssertEqual(plan.mapped.map(\.to), ["csm", "account", "arr", "aliases"])
        XCTAssertEqual(plan.ignoredColumns, ["Type", "Created Date"])
        let account = try XCTUnwrap(plan.batch.accounts.first)
        XCTAssertEqual(account.name, "Acme, Inc.")
        XCTAssertEqual(account.csm, "Dana Whitfield")
        XCTAssertEqual(account.arr, Money(cents: 1_200_000))
        XCTAssertEqual(account.aliases, ["0015g00000XyZab"])
        XCTAssertTrue(plan.batch.addAliases, "a record id adds an alias")
    }

    func testAHubSpotExportAndItsDates() throws {
        let path = try file("hs.csv", """
            Record ID,Company name,Company owner,Annual Revenue,Became a Customer Date,Lifecycle Stage
            9000000000,Globex,Priya Raman,48000,2025-03-01 09:30,customer
            """)
        let plan = try Importer.read(path: path, shownAs: "hs.csv", rules: rules)
        XCTAssertEqual(plan.mappingName, "HubSpot")
        XCTAssertEqual(plan.batch.accounts.first?.startDate, Day(iso: "2025-03-01"), "the day of a HubSpot timestamp")
        XCTAssertEqual(plan.batch.accounts.first?.arr, Money(cents: 4_800_000))
    }

    func testTheWorkspacesMappingNamesAnyColumnAndIsChecked() throws {
        let mapping = try ColumnMapping.parse("""
            "Customer": account
            "Tier": segment
            "Contract Value": arr
            "Renews On": renewal_date
            """)
        var withMapping = rules
        withMapping.mapping = mapping
        let path = try file("crm.csv", "Customer,Tier,Contract Value,Renews On,Notes\nInitrode,enterprise,\"$90,000\",2027-05-01,big\n")
        let plan = try Importer.read(path: path, shownAs: "crm.csv", rules: withMapping)
        XCTAssertEqual(plan.mappingName, "mapping.yaml")
        XCTAssertEqual(plan.batch.accounts.first?.segment, .enterprise)
        XCTAssertEqual(plan.batch.accounts.first?.renewalDate, Day(iso: "2027-05-01"))
        XCTAssertEqual(plan.ignoredColumns, ["Notes"])
        XCTAssertThrowsError(try ColumnMapping.parse("\"Owner\": csn\n")) { error in
            XCTAssertEqual((error as? ImportProblem)?.description, "mapping.yaml:1:10: 'csn' is not a cse column — did you mean csm?")
        }
    }

    func testCurrencyCodesAreAmounts() {
        XCTAssertEqual(Money(parsing: "USD 12,000.00"), Money(cents: 1_200_000))
        XCTAssertEqual(Money(parsing: "12000 USD"), Money(cents: 1_200_000))
        XCTAssertEqual(Money(parsing: "US$1,500.50"), Money(cents: 150_050))
        XCTAssertNil(Money(parsing: "EUR 12,000"), "another currency is not dollars")
    }
}
