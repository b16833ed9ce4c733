import Foundation
import XCTest
@testable import Workspace

final class DemoWorkspaceTests: XCTestCase {
    let today = Day(iso: "2026-11-24")!

    func testSameDateGivesSameBytes() throws {
        let base = (NSTemporaryDirectory() as NSString).appendingPathComponent("cse-demo-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(atPath: base) }
        let a = try WorkspaceDirectory.create(at: base + "/a", demoAsOf: today)
        let b = try WorkspaceDirectory.create(at: base + "/b", demoAsOf: today)
        _ = (a, b)
        let bytesA = FileManager.default.contents(atPath: base + "/a/workspace.sqlite")
        let bytesB = FileManager.default.contents(atPath: base + "/b/workspace.sqlite")
        XCTAssertNotNil(bytesA)
        XCTAssertEqual(bytesA, bytesB)
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
