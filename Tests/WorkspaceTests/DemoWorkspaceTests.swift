import Foundation
import XCTest
@testable import Workspace

final class DemoWorkspaceTests: XCTestCase {
    let today = Day(iso: "2026-11-24")!

    /// The same date gives the same records, row for row in every table (whatever the store
    /// writes on disk around them).
    func testSameDateGivesSameRecords() throws {
        let base = (NSTemporaryDirectory() as NSString).appendingPathComponent("cse-demo-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(atPath: base) }
        let dumps = try ["a", "b"].map { name -> [String] in
            let store = try XCTUnwrap(try WorkspaceDirectory.create(at: base + "/" + name, demoAsOf: today).store as? SQLStore)
            return try store.database.read { s in
                try WorkspaceCopy.tables.flatMap { table in
                    try s.rows("SELECT * FROM \(table.name) ORDER BY \(table.order)").map { "\(table.name): \($0.values.map(\.description).joined(separator: " | "))" }
                }
            }
        }
        XCTAssertGreaterThan(dumps[0].count, 200)
        XCTAssertEqual(dumps[0], dumps[1])
    }

    func testHoldsTheCasesTheIssueNames() {
        let batch = DemoWorkspace.batch(asOf: today)
        let accounts = Dictionary(uniqueKeysWithValues: batch.accounts.map { ($0.name, $0) })
        let weeks = Dictionary(grouping: batch.snapshots, by: \.account)
        XCTAssertGreaterThanOrEqual(batch.accounts.count, 13)
        XCTAssertGreaterThanOrEqual(weeks.values.filter { $0.count == 13 }.count, 12)
        XCTAssertEqual(Set(batch.accounts.compactMap(\.segment)), Set(Segment.allCases))

        let acme = weeks["Acme Corp"]!.last!.snapshot
        XCTAssertEqual(acme.week.description, "2026-11-22")
        XCTAssertEqual(acme.values, [15, 30, 4, 8, 25, 23, 20, 10, 8, 2, 6, 1, 1, 0.8, 99.5, 8, 45, 9, 2], "seed 000 customer A")
        XCTAssertEqual(weeks["Globex"]!.last!.snapshot.values, [24, 30, 5, 5, 35, 27, 25, 10, 9, 4, 5, 0, 1, 0.3, 99.8, 9, 60, 8, 1], "customer B")

        XCTAssertEqual(accounts["Initech"]?.churnDate?.description, "2026-10-15")
        XCTAssertNotNil(accounts["Initech"]?.churnReason)
        XCTAssertLessThan(accounts["Nimbus Analytics"]!.startDate!.days(until: today), 30)
        XCTAssertTrue((0...60).contains(today.days(until: accounts["Umbrella Health"]!.renewalDate!)))
        XCTAssertTrue(batch.events.contains { $0.account == "Hooli" && $0.event.kind == "champion left" })
        XCTAssertNil(weeks["Vandelay Industries"]!.last!.snapshot[.nps])
        XCTAssertTrue(batch.accounts.contains { $0.name.unicodeScalars.contains { (0x4E00...0x9FFF).contains($0.value) } })
    }
}
