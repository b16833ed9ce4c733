import Foundation
import XCTest
@testable import Workspace

final class ImportTests: XCTestCase {
    var folder: String!
    let rules = Importer.Rules(today: Day(iso: "2026-11-24")!)

    override func setUpWithError() throws {
        folder = (NSTemporaryDirectory() as NSString).appendingPathComponent("cse-import-\(UUID().uuidString)")
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    }

    override func tearDown() { try? FileManager.default.removeItem(atPath: folder) }

    func file(_ name: String, _ text: String) throws -> String {
        let path = (folder as NSString).appendingPathComponent(name)
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    func workspace() throws -> WorkspaceDirectory {
        try WorkspaceDirectory.create(at: (folder as NSString).appendingPathComponent("ws"), demoAsOf: nil)
    }

    static let snapshotHeader = "account,week,dau,licensed_users,core_features_used,conversations_per_day,weekly_hours,users_this_month,users_last_month,meetings_scheduled,meetings_attended,feedback_per_month,community_posts_per_month,community_events_per_month,community_contributions_per_quarter,api_error_rate_pct,integration_uptime_pct,performance_satisfaction,nps,csm_satisfaction,exec_relationship"

    func testReadsQuotedFieldsEmbeddedNewlinesBOMAndCRLF() throws {
        let text = "\u{FEFF}account,segment,plan,arr,csm,start_date,renewal_date,churn_reason,churn_date\r\n"
            + "\"Acme, Inc.\",mid-market,professional,\"8,000\",Dana,2024-01-01,2027-01-01,,\r\n"
            + "Initech,smb,growth,3600,Dana,2024-01-01,2026-10-01,\"budget cut,\nthen a reorg\",2026-10-01\r\n"
            + "Bad Co,smb,growth,lots,Dana,2024-01-01,2027-01-01,,\r\n"
        let path = try file("accounts.csv", text)
        XCTAssertThrowsError(try Importer.read(path: path, shownAs: "accounts.csv", rules: rules)) { error in
            let failure = error as! ImportFailure
            XCTAssertEqual(failure.problems.map(\.description),
                           ["accounts.csv:5:4: arr: 'lots' is not an amount: write dollars, e.g. 12000 or $12,000.50"],
                           "the row after a two-line quoted field is on line 5")
        }
        let good = try file("good.csv", text.components(separatedBy: "\r\n").dropLast(2).joined(separator: "\r\n") + "\r\n")
        let plan = try Importer.read(path: good, shownAs: "good.csv", rules: rules)
        XCTAssertEqual(plan.batch.accounts.map(\.name), ["Acme, Inc.", "Initech"])
        XCTAssertEqual(plan.batch.accounts[0].arr, Money(dollars: 8_000))
        XCTAssertEqual(plan.batch.accounts[1].churnReason, "budget cut,\nthen a reorg")
    }

    func testFailedImportWritesNothingAndNamesEveryBadCell() throws {
        let ws = try workspace()
        let path = try file("snap.csv", Self.snapshotHeader + "\n"
            + "Acme,2026-11-22,15,30,4,8,25,23,20,10,8,2,6,1,1,0.8,99.5,8,45,9,regular\n"
            + "Acme,2026-11-15,15,30,7,8,25,23,20,10,12,2,6,1,1,0.8,99.5,8,145,9,sometimes\n")
        XCTAssertThrowsError(try Importer.read(path: path, shownAs: "snap.csv", rules: rules)) { error in
            let problems = (error as! ImportFailure).problems.map(\.description)
            XCTAssertEqual(problems, [
                "snap.csv:3:5: core_features_used: 7 is out of range: core_features_used must be a whole number from 0 to 6",
                "snap.csv:3:19: nps: 145 is out of range: nps must be a whole number from -100 to 100",
                "snap.csv:3:21: exec_relationship: 'sometimes' is not an executive relationship level: use regular, occasional or none",
            ])
        }
        XCTAssertEqual(try ws.store.accounts().count, 0)
        XCTAssertEqual(try ws.store.allSnapshots().count, 0)
    }

    func testMoreMeetingsAttendedThanScheduledIsRefused() throws {
        let path = try file("snap.csv", Self.snapshotHeader + "\nAcme,2026-11-22,15,30,4,8,25,23,20,10,11,2,6,1,1,0.8,99.5,8,45,9,regular\n")
        XCTAssertThrowsError(try Importer.read(path: path, shownAs: "snap.csv", rules: rules)) { error in
            XCTAssertEqual((error as! ImportFailure).problems.first?.description,
                           "snap.csv:2:11: meetings_attended: 11 meetings attended but only 10 scheduled")
        }
    }

    func testReimportingAWeekUpdatesIt() throws {
        let ws = try workspace()
        let first = try file("a.csv", Self.snapshotHeader + "\nAcme,2026-11-22,15,30,4,8,25,23,20,10,8,2,6,1,1,0.8,99.5,8,45,9,regular\n")
        let second = try file("b.csv", Self.snapshotHeader + "\nacme,2026-11-22,20,30,4,8,25,23,20,10,8,2,6,1,1,0.8,99.5,,45,9,regular\n")
        let s1 = try ws.store.apply(try Importer.read(path: first, shownAs: "a.csv", rules: rules).batch, progress: nil)
        XCTAssertEqual(s1.snapshotsAdded, 1)
        XCTAssertEqual(s1.createdByName, ["Acme"])
        let s2 = try ws.store.apply(try Importer.read(path: second, shownAs: "b.csv", rules: rules).batch, progress: nil)
        XCTAssertEqual(s2.snapshotsUpdated, 1)
        XCTAssertEqual(s2.snapshotsAdded, 0)
        let stored = try ws.store.allSnapshots()
        XCTAssertEqual(stored.count, 1)
        XCTAssertEqual(stored[0][.dau], 20)
        XCTAssertNil(stored[0][.performanceSatisfaction], "an empty cell is missing data")
    }

    func testAFileWithSomeMetricColumnsLeavesTheOthersAsStored() throws {
        let ws = try workspace()
        let full = try file("a.csv", Self.snapshotHeader + "\nAcme,2026-11-22,15,30,4,8,25,23,20,10,8,2,6,1,1,0.8,99.5,8,45,9,regular\n")
        _ = try ws.store.apply(try Importer.read(path: full, shownAs: "a.csv", rules: rules).batch, progress: nil)
        let four = try file("b.csv", "account,week,dau,licensed_users,core_features_used,nps\nAcme,2026-11-22,21,30,5,\nAcme,2026-11-15,12,30,3,40\n")
        let plan = try Importer.read(path: four, shownAs: "b.csv", rules: rules)
        XCTAssertEqual(plan.untrackedFields.count, 15)
        _ = try ws.store.apply(plan.batch, progress: nil)
        let stored = Dictionary(uniqueKeysWithValues: try ws.store.allSnapshots().map { ($0.week.description, $0) })
        XCTAssertEqual(stored["2026-11-22"]?[.dau], 21)
        XCTAssertEqual(stored["2026-11-22"]?[.weeklyHours], 25, "not in the file: the stored value stays")
        XCTAssertNil(stored["2026-11-22"]?[.nps], "in the file but empty: missing data")
        XCTAssertEqual(stored["2026-11-15"]?[.nps], 40)
        XCTAssertNil(stored["2026-11-15"]?[.weeklyHours], "a new week lacks what the file does not track")
        let none = try file("c.csv", "account,week\nAcme,2026-11-22\n")
        XCTAssertThrowsError(try Importer.read(path: none, shownAs: "c.csv", rules: rules)) { error in
            XCTAssertTrue("\(error)".contains("at least one metric column"), "\(error)")
        }
    }

    func testSeedCustomerHealthYAML() throws {
        let path = try file("health.yaml", """
            customer_health:
              account: "Acme Corp"
              arr: 8000
              tier: "mid-market"
              csm: "Dana Whitfield"
              renewal_date: "2027-04-23"
              plan: professional
              scores:
                relationship:
                  champion: "Maria Lopez, Head of Support Operations"
              week: 2026-11-22
              metrics:
                dau: 15
                licensed_users: 30
                core_features_used: 4
                nps: 245
            """)
        XCTAssertThrowsError(try Importer.read(path: path, shownAs: "health.yaml", rules: rules)) { error in
            let p = (error as! ImportFailure).problems
            XCTAssertEqual(p.map(\.description), ["health.yaml:16:10: nps: 245 is out of range: nps must be a whole number from -100 to 100"])
        }
        let fixed = try file("fixed.yaml", try String(contentsOfFile: path, encoding: .utf8).replacingOccurrences(of: "nps: 245", with: "nps: 45"))
        let plan = try Importer.read(path: fixed, shownAs: "fixed.yaml", rules: rules)
        XCTAssertEqual(plan.batch.accounts.first?.segment, .midMarket)
        XCTAssertEqual(plan.batch.snapshots.first?.snapshot[.nps], 45)
        XCTAssertNil(plan.batch.snapshots.first?.snapshot[.weeklyHours])
        XCTAssertEqual(plan.batch.contacts.first { $0.account == "Acme Corp" && $0.role == .champion }?.contact?.title, "Head of Support Operations")
    }

    func testUnknownHeaderIsExplained() throws {
        let path = try file("x.csv", "name,value\nAcme,3\n")
        XCTAssertThrowsError(try Importer.read(path: path, shownAs: "x.csv", rules: rules)) { error in
            XCTAssertTrue((error as! ImportFailure).problems[0].message.hasPrefix("cannot tell what this file holds"))
        }
    }

    /// Files that would keep Yams busy for minutes, or recurse off the stack, are measured first.
    func testYAMLBeyondItsBoundsIsRefusedWithItsPlace() throws {
        var bomb = ["a: &a [x, x, x, x, x, x, x, x, x]"]
        for (previous, name) in zip("abcdefgh", "bcdefghi") {
            bomb.append("\(name): &\(name) [" + Array(repeating: "*\(previous)", count: 9).joined(separator: ", ") + "]")
        }
        bomb.append("accounts:\n  - {account: A, segment: smb, ? *i : 1}")
        let cases: [(String, String, String)] = [
            ("bomb.yaml", bomb.joined(separator: "\n"), "bomb.yaml:6:8: its aliases (*name) expand to more than 100000 values — write the rows out instead"),
            ("keys.json", "{\"accounts\": [{" + (0..<5_000).map { "\"k\($0)\": \($0)" }.joined(separator: ", ") + "}]}",
             "keys.json:1:12796: a mapping with more than 1000 keys — no row has that many columns"),
            ("deep.yaml", "accounts:\n" + (0..<70).map { String(repeating: "  ", count: $0) + "- " }.joined(separator: "\n") + "x",
             "deep.yaml:65:127: nested more than 64 levels deep — an export is a few levels at most"),
        ]
        for (name, text, expected) in cases {
            XCTAssertThrowsError(try Importer.read(path: try file(name, text), shownAs: name, rules: rules)) { error in
                XCTAssertEqual((error as? ImportFailure)?.problems.map(\.description), [expected])
            }
        }
    }
}
