import Foundation
import XCTest
@testable import Workspace

/// Product events in, the seed's usage metrics out — checked against counts made by hand.
final class UsageTests: XCTestCase {
    var folder: String!
    let rules = Importer.Rules(today: Day(iso: "2026-11-24")!)
    let usage = UsageRules(coreFeatures: ["Report Built", "Export Run", "Dashboard Shared"], conversations: ["Message Sent"])
    let weekEnd = Day(iso: "2026-11-22")!

    override func setUpWithError() throws {
        folder = (NSTemporaryDirectory() as NSString).appendingPathComponent("cse-usage-\(UUID().uuidString)")
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    }

    override func tearDown() { try? FileManager.default.removeItem(atPath: folder) }

    func file(_ name: String, _ lines: [String]) throws -> String {
        let path = (folder as NSString).appendingPathComponent(name)
        try (lines.joined(separator: "\n") + "\n").write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    func track(_ event: String, _ user: String, _ time: String, account: String? = "Acme Corp") -> String {
        let context = account.map { #""context":{"groupId":"\#($0)"}"# } ?? #""context":{}"#
        return #"{"type":"track","event":"\#(event)","userId":"\#(user)","timestamp":"\#(time)",\#(context)}"#
    }

    /// Sixty days of Segment calls, 2026-09-24 to 2026-11-22. In the week of Mon 16 – Sun 22
    /// November: active users per day 2 (u1, u2), 1, 1, 0, 0, 1 (u3: 23:30 at −05:00 is the
    /// 21st in UTC), 1 (u1: 10:00 at +08:00 is 02:00 UTC on the 22nd) → DAU 6 / 7. Core features
    /// used: Report Built and Export Run → 2. Message Sent 4 times → 4 / 7 a day. Users in the
    /// 30 days to the 22nd: u1, u2, u3 → 3; in the 30 before: u4 → 1.
    var segment: [String] {
        [track("Logged In", "u4", "2026-09-24T12:00:00Z"),
         track("Message Sent", "u2", "2026-10-24T09:00:00.125Z"),
         track("Logged In", "u1", "2026-11-16T08:00:00Z"),
         track("Message Sent", "u2", "2026-11-16T09:00:00Z"),
         track("Message Sent", "u2", "2026-11-16T09:05:00Z"),
         track("Message Sent", "u2", "2026-11-16T09:10:00+00:00"),
         track("Logged In", "u1", "2026-11-17 08:00:00"),
         track("Report Built", "u1", "2026-11-17T10:00:00Z"),
         track("Message Sent", "u2", "2026-11-18T10:00:00Z"),
         track("Export Run", "u3", "2026-11-20T23:30:00-05:00"),
         track("Logged In", "u1", "2026-11-22T10:00:00+08:00"),
         track("Logged In", "anon", "2026-11-22T10:00:00Z", account: nil),
         #"{"type":"identify","userId":"u1","traits":{"name":"Maria"}}"#]
    }

    func importFile(_ path: String, into store: SQLStore, rules: Importer.Rules? = nil) throws -> (Importer.Plan, ImportSummary) {
        let plan = try Importer.read(path: path, shownAs: (path as NSString).lastPathComponent, rules: rules ?? self.rules)
        return (plan, try store.apply(plan.batch, progress: nil))
    }

    func store() throws -> SQLStore {
        try SQLStore(sqlite: (folder as NSString).appendingPathComponent("ws.sqlite"))
    }

    func derived(_ store: SQLStore, _ account: String = "Acme Corp", rules: UsageRules? = nil) throws -> [SnapshotField: Double] {
        let id = try XCTUnwrap(store.accounts().first { $0.name == account }?.id)
        let history = try XCTUnwrap(store.usage(accountID: id, from: Day(ordinal: 0), through: rules == nil ? self.rules.today : self.rules.today))
        return history.derived(weekEnding: weekEnd, rules: rules ?? usage)
    }

    func testSegmentEventsGiveTheSeedsUsageMetricsAsCountedByHand() throws {
        let store = try store()
        let (plan, summary) = try importFile(try file("segment.ndjson", segment), into: store)
        XCTAssertEqual(plan.batch.usage?.rows, 11)
        XCTAssertEqual(plan.batch.usage?.withoutAccount, 1, "an event with no groupId is left out")
        XCTAssertEqual(plan.batch.usage?.notTrack, 1, "an identify call is not an event")
        XCTAssertEqual(summary.usageUsers, 4)
        XCTAssertEqual(plan.batch.usage?.first, Day(iso: "2026-09-24"))
        XCTAssertEqual(plan.batch.usage?.last, weekEnd)
        let values = try derived(store)
        XCTAssertEqual(values[.dau]!, 6.0 / 7, accuracy: 1e-12)
        XCTAssertEqual(values[.coreFeaturesUsed], 2)
        XCTAssertEqual(values[.conversationsPerDay]!, 4.0 / 7, accuracy: 1e-12)
        XCTAssertEqual(values[.usersThisMonth], 3)
        XCTAssertEqual(values[.usersLastMonth], 1)
        // Only logins make a user active: u2 (messages) and u3 (an export) no longer count.
        let logins = try derived(store, rules: UsageRules(active: ["logged in"]))
        XCTAssertEqual(logins[.dau]!, 3.0 / 7, accuracy: 1e-12, "u1 on the 16th, 17th and 22nd")
        XCTAssertEqual(logins[.usersThisMonth], 1)
        XCTAssertNil(logins[.coreFeaturesUsed], "no core features named, none derived")
    }

    func testDaysFollowTheOffsetTheModelSets() throws {
        let store = try store()
        let shanghai = Importer.Rules(today: rules.today, utcOffsetMinutes: 8 * 60)
        _ = try importFile(try file("segment.ndjson", segment), into: store, rules: shanghai)
        // At +08:00 u3's export (04:30 UTC on the 21st) is still the 21st; u1's 08:00 UTC login
        // on the 17th is the 17th; the batch ends on the 22nd.
        let values = try derived(store)
        XCTAssertEqual(values[.dau]!, 6.0 / 7, accuracy: 1e-12)
        XCTAssertEqual(Timestamp.day(Array("2026-11-21T20:00:00Z".utf8)[...], offsetMinutes: 8 * 60), Day(iso: "2026-11-22"))
    }

    func testSnapshotValuesWinAndTheWeekSaysWhichCameFromEvents() throws {
        let store = try store()
        _ = try importFile(try file("segment.ndjson", segment), into: store)
        let id = try XCTUnwrap(store.accounts().first?.id)
        var stored = Snapshot(accountID: id, week: weekEnd)
        stored[.dau] = 9
        stored[.licensedUsers] = 20
        let history = try XCTUnwrap(store.usage(accountID: id, from: Day(ordinal: 0), through: rules.today))
        let merged = history.merged(into: [stored], accountID: id, rules: usage, weekEnds: .sunday, through: rules.today)
        let week = try XCTUnwrap(merged.last)
        XCTAssertEqual(week.week, weekEnd)
        XCTAssertEqual(week[.dau], 9, "the snapshot's DAU wins")
        XCTAssertFalse(week.isFromEvents(.dau))
        XCTAssertEqual(week[.coreFeaturesUsed], 2)
        XCTAssertTrue(week.isFromEvents(.coreFeaturesUsed))
        XCTAssertEqual(merged.map(\.week).first, Day(iso: "2026-10-04"), "the first whole week the events cover: they start on Thursday 24 September")
    }

    func testReimportingARangeReplacesItAndUndoPutsItBack() throws {
        let store = try store()
        _ = try importFile(try file("segment.ndjson", segment), into: store)
        // A nightly export of the last week alone: only u1, logging in on the 16th and the 22nd.
        let nightly = try file("nightly.csv", ["account,user,event,timestamp",
                                               "Acme Corp,u1,Logged In,2026-11-16T08:00:00Z",
                                               "ACME CORP,u1,Logged In,2026-11-22T08:00:00Z"])
        let (_, summary) = try importFile(nightly, into: store)
        let values = try derived(store)
        XCTAssertEqual(values[.dau]!, 2.0 / 7, accuracy: 1e-12)
        XCTAssertEqual(values[.conversationsPerDay], 0)
        XCTAssertEqual(values[.usersThisMonth], 2, "u2's message on 24 October is outside the range and stays")
        _ = try store.apply(summary.undo)
        XCTAssertEqual(try derived(store)[.dau]!, 6.0 / 7, accuracy: 1e-12)
    }

    func testDailyCountsGiveCountsAndTheMostUsersOfAnActiveEvent() throws {
        let store = try store()
        var lines = ["account,date,event,count,users"]
        for day in 16...22 {
            lines.append("Acme Corp,2026-11-\(day),Logged In,\(day - 10),\(day - 13)")
            if day.isMultiple(of: 2) { lines.append("Acme Corp,2026-11-\(day),Message Sent,7,2") }
        }
        lines.append("Acme Corp,2026-11-18,Report Built,1,1")
        _ = try importFile(try file("daily.csv", lines), into: store)
        let values = try derived(store)
        // Users: 3 … 9 logged in; messages add no more users than logins had.
        XCTAssertEqual(values[.dau]!, Double((3...9).reduce(0, +)) / 7, accuracy: 1e-12)
        XCTAssertEqual(values[.conversationsPerDay]!, 28.0 / 7, accuracy: 1e-12)
        XCTAssertEqual(values[.coreFeaturesUsed], 1)
        XCTAssertNil(values[.usersThisMonth], "daily counts cannot tell distinct users over a month")
    }

    func testABadRowRefusesTheFileWithItsPlace() throws {
        let store = try store()
        let bad = try file("bad.csv", ["account,user,event,timestamp",
                                       "Acme Corp,u1,Logged In,2026-11-16T08:00:00Z",
                                       "Acme Corp,u1,Logged In,16/11/2026",
                                       "Acme Corp,,Logged In,2026-11-16T08:00:00Z",
                                       "Acme Corp,u1,Logged In,2026-12-16T08:00:00Z"])
        XCTAssertThrowsError(try importFile(bad, into: store)) { error in
            XCTAssertEqual((error as? ImportFailure)?.problems.map(\.description), [
                "bad.csv:3:4: timestamp: '16/11/2026' is not a timestamp: write 2026-11-20T13:45:00Z, with an offset such as +08:00, or a date",
                "bad.csv:4:2: user: every event needs a user",
                "bad.csv:5:4: timestamp: 2026-12-16 is after today (2026-11-24): import what has happened",
            ])
        }
        XCTAssertTrue(try store.accounts().isEmpty, "nothing was written")
        XCTAssertFalse(try store.hasUsage())
    }

    func testTimestamps() {
        func day(_ text: String, _ offset: Int = 0) -> String? { Timestamp.day(Array(text.utf8)[...], offsetMinutes: offset)?.description }
        XCTAssertEqual(day("2026-11-20T13:45:12Z"), "2026-11-20")
        XCTAssertEqual(day("2026-11-20T23:45:12.123456-05:00"), "2026-11-21")
        XCTAssertEqual(day("2026-11-20T01:00:00+0800"), "2026-11-19")
        XCTAssertEqual(day("2026-11-20 13:45:12.123000"), "2026-11-20")
        XCTAssertEqual(day("2026-11-20"), "2026-11-20")
        XCTAssertEqual(day("1763646312"), "2025-11-20", "Unix seconds, as Mixpanel exports time")
        XCTAssertEqual(day("2026-11-20T20:00:00Z", -5 * 60), "2026-11-20")
        XCTAssertEqual(day("2026-11-20T02:00:00Z", -5 * 60), "2026-11-19")
        XCTAssertNil(day("2026-11-20T25:00:00Z"))
        XCTAssertNil(day("2026-11-20T10:00:00+99:00"))
        XCTAssertNil(day("20/11/2026"))
        XCTAssertNil(day("2026-02-30T10:00:00Z"))
    }
}
