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
        XCTAssertEqual(plan.mapped.map(\.to), ["csm", "account", "aliases"])
        XCTAssertEqual(plan.ignoredColumns, ["Type", "Annual Revenue", "Created Date"])
        let account = try XCTUnwrap(plan.batch.accounts.first)
        XCTAssertEqual(account.name, "Acme, Inc.")
        XCTAssertEqual(account.csm, "Dana Whitfield")
        XCTAssertEqual(account.aliases, ["0015g00000XyZab"])
        XCTAssertTrue(plan.batch.addAliases, "a record id adds an alias")
    }

    /// Salesforce's and HubSpot's Annual Revenue is what the customer company earns, not what
    /// it pays: no ARR is read from it, and the summary names the column to map instead.
    func testAnnualRevenueIsNotARR() throws {
        let sf = try file("sf.csv", """
            "Account Name","Account Owner","Annual Revenue"
            "Acme Corp","Dana Whitfield","USD 12,000,000.00"
            """)
        let hs = try file("hs.csv", "Company name,Company owner,Annual Revenue\nGlobex,Priya Raman,48000000\n")
        for (path, name) in [(sf, "sf.csv"), (hs, "hs.csv")] {
            let plan = try Importer.read(path: path, shownAs: name, rules: rules)
            XCTAssertNil(plan.batch.accounts.first?.arr, name)
            XCTAssertFalse(plan.batch.accountFields.contains(.arr), "\(name): the ARR on record is left as it is")
            XCTAssertEqual(plan.revenueColumn, "Annual Revenue", name)
        }
        var withARR = rules
        withARR.mapping = try ColumnMapping.parse("\"Contract Value\": arr\n")
        let mapped = try file("sf2.csv", "\"Account Name\",\"Annual Revenue\",\"Contract Value\"\n\"Acme Corp\",\"USD 12,000,000.00\",\"USD 8,000.00\"\n")
        let plan = try Importer.read(path: mapped, shownAs: "sf2.csv", rules: withARR)
        XCTAssertEqual(plan.batch.accounts.first?.arr, Money(dollars: 8_000))
        XCTAssertNil(plan.revenueColumn, "an ARR column is read: nothing to say")
    }

    /// mapping.yaml's "Customer Success Manager": csm decides the CSM; the built-in Account
    /// Owner → csm (the salesperson) is then not applied.
    func testTheWorkspacesMapWinsOverTheBuiltInOne() throws {
        var withMapping = rules
        withMapping.mapping = try ColumnMapping.parse("\"Customer Success Manager\": csm\n")
        let path = try file("sf.csv", """
            "Account Name","Account Owner","Customer Success Manager","Account ID"
            "Acme Corp","Greg Lawson","Priya Raman","001bd6a21636369"
            "Globex","Greg Lawson","Sam Okafor","001f03fd6645fa9"
            """)
        let plan = try Importer.read(path: path, shownAs: "sf.csv", rules: withMapping)
        XCTAssertEqual(plan.batch.accounts.map(\.csm), ["Priya Raman", "Sam Okafor"])
        XCTAssertEqual(plan.mappingName, "Salesforce, mapping.yaml")
        XCTAssertEqual(plan.columns.map { "\($0.from) → \($0.to ?? "ignored")" },
                       ["Account Name → account", "Account Owner → ignored", "Customer Success Manager → csm", "Account ID → aliases"])
        XCTAssertEqual(plan.ignoredColumns, ["Account Owner"])
    }

    /// `~`, `null` or `ignore` leaves a column unread: it is listed as ignored, and not offered
    /// for mapping again.
    func testATildeNullOrIgnoreLeavesAColumnUnread() throws {
        let mapping = try ColumnMapping.parse("""
            "Customer": account
            "CSM": csm
            "Annual Revenue": ~
            "Notes": null
            "Rating": ignore
            """)
        XCTAssertEqual(mapping.ignored, ["annual revenue", "notes", "rating"])
        var withMapping = rules
        withMapping.mapping = mapping
        let path = try file("crm.csv", "Customer,CSM,Annual Revenue,Notes,Rating,Region\nInitrode,Dana Whitfield,\"$90,000,000\",big,Hot,EMEA\n")
        let plan = try Importer.read(path: path, shownAs: "crm.csv", rules: withMapping)
        XCTAssertEqual(plan.columns.map { "\($0.from) → \($0.to ?? "ignored")" },
                       ["Customer → account", "CSM → csm", "Annual Revenue → ignored", "Notes → ignored", "Rating → ignored", "Region → ignored"])
        XCTAssertEqual(plan.ignoredColumns, ["Region"], "columns left unread on purpose are not offered for mapping")
        XCTAssertNil(plan.revenueColumn, "the workspace chose to leave Annual Revenue unread")
        XCTAssertEqual(plan.batch.accounts.first?.csm, "Dana Whitfield")
    }

    /// Under a map, every date column is read in the export's format: a Churn Date the
    /// workspace maps is month/day/year like the Salesforce report's Contract End Date.
    func testEveryDateColumnIsReadInTheExportsFormat() throws {
        var withMapping = rules
        withMapping.mapping = try ColumnMapping.parse("\"Churn Date\": churn_date\n\"Started\": start_date\n")
        let path = try file("sf.csv", """
            "Account Name","Started","Contract End Date","Churn Date"
            "Ollivanders","1/15/2025","9/30/2026","9/30/2026"
            """)
        let plan = try Importer.read(path: path, shownAs: "sf.csv", rules: withMapping)
        let account = try XCTUnwrap(plan.batch.accounts.first)
        XCTAssertEqual(account.startDate, Day(iso: "2025-01-15"))
        XCTAssertEqual(account.renewalDate, Day(iso: "2026-09-30"))
        XCTAssertEqual(account.churnDate, Day(iso: "2026-09-30"))
    }

    static let footer = """

        "Confidential Information – Do Not Distribute"
        "Copyright (c) 2000-2026 salesforce.com, inc. All rights reserved."
        "Generated By: Dana Whitfield 12/7/2026 9:14 AM"
        "Acme Inc."

        """

    /// A Salesforce report as it comes ends with a footer after a blank line: it is skipped
    /// and counted, and every row of data before it is read.
    func testAReportsFooterIsSkipped() throws {
        let rows = (1...44).map { "\"Account \($0)\",\"Dana Whitfield\",\"USD 1,000.00\"" }.joined(separator: "\n")
        let path = try file("sf.csv", "\"Account Name\",\"Account Owner\",\"Annual Revenue\"\n" + rows + "\n" + Self.footer)
        let plan = try Importer.read(path: path, shownAs: "sf.csv", rules: rules)
        XCTAssertEqual(plan.rows, 44)
        XCTAssertEqual(plan.batch.accounts.last?.name, "Account 44")
        XCTAssertEqual(plan.footerLines, [47, 48, 49, 50])
        // Padded to the header's width by a spreadsheet, and with no blank line before it.
        let padded = try file("padded.csv", "Account Name,Account Owner\nAcme Corp,Dana Whitfield\n"
            + "Confidential Information – Do Not Distribute,\nCopyright (c) 2000-2026 salesforce.com,\nAcme Inc.,\n")
        XCTAssertEqual(try Importer.read(path: padded, shownAs: "padded.csv", rules: rules).footerLines, [3, 4, 5])
    }

    /// Rows of data are never taken for a footer: a full row with only its name filled after a
    /// blank line is an account, and a short row with more than its first cell is refused.
    func testDataIsNotTakenForAFooter() throws {
        let named = try file("named.csv", "Account Name,Account Owner\nAcme Corp,Dana Whitfield\n\nNewco,\n")
        let plan = try Importer.read(path: named, shownAs: "named.csv", rules: rules)
        XCTAssertEqual(plan.batch.accounts.map(\.name), ["Acme Corp", "Newco"])
        XCTAssertEqual(plan.footerLines, [])
        let short = try file("short.csv", "Account Name,Account Owner,Type\nAcme Corp,Dana Whitfield,Direct\n\nGlobex,Priya Raman\n")
        XCTAssertThrowsError(try Importer.read(path: short, shownAs: "short.csv", rules: rules)) { error in
            XCTAssertEqual((error as? ImportFailure)?.problems.map(\.description), ["short.csv:4:3: expected 3 fields as in the header, found 2"])
        }
    }

    func testAHubSpotExportAndItsDates() throws {
        let path = try file("hs.csv", """
            Record ID,Company name,Company owner,Annual Revenue,Became a Customer Date,Lifecycle Stage
            9000000000,Globex,Priya Raman,48000,2025-03-01 09:30,customer
            """)
        let plan = try Importer.read(path: path, shownAs: "hs.csv", rules: rules)
        XCTAssertEqual(plan.mappingName, "HubSpot")
        XCTAssertEqual(plan.batch.accounts.first?.startDate, Day(iso: "2025-03-01"), "the day of a HubSpot timestamp")
        XCTAssertEqual(plan.batch.accounts.first?.csm, "Priya Raman")
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
