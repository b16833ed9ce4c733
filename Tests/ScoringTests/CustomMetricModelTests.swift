import XCTest
@testable import Scoring
@testable import Workspace

/// A model file that scores a metric of the workspace's own, and monitors on one.
final class CustomMetricModelTests: XCTestCase {
    let yaml = """
        custom_metrics:
          searches_per_user: {dimension: product_usage, max: 10, bands: [{at_least: 4, points: 10}, {at_least: 2, points: 5}, {otherwise: 0}]}
        weights: {product_usage: 30, business_value: 25, engagement: 20, technical_health: 15, relationship: 10}
        monitors:
          - {metric: searches_per_user, below: 2, severity: red, who: CSM and product team}
          - {metric: contacts_added, drop_pct: 50, weeks: 1}
          - {metric: weekly hours, above: 100}
        """

    func week(_ day: String, searches: Double?, contacts: Double? = nil, hours: Double? = nil) -> Snapshot {
        var s = Snapshot(accountID: 1, week: Day(iso: day)!)
        s[.dau] = 10
        s[.licensedUsers] = 20
        s[.weeklyHours] = hours
        if let searches { s.custom["searches per user"] = searches }
        if let contacts { s.custom["contacts added"] = contacts }
        return s
    }

    func testTheCustomMetricIsScoredInItsDimensionAndTheTotalStaysOutOf100() throws {
        let model = try ModelFile.parse(yaml)
        XCTAssertEqual(model.dimensions.reduce(0) { $0 + model.maximum(of: $1) }, 100, accuracy: 1e-9)
        XCTAssertEqual(model.customNames, ["searches_per_user", "contacts_added"], "weekly hours is a snapshot column, read as one")
        let account = Account(name: "Acme Corp")
        let score = model.score(week("2026-11-22", searches: 4.5), account: account)
        let usage = try XCTUnwrap(score.dimensions.first { $0.dimension == .productUsage })
        let searches = try XCTUnwrap(usage.metrics.first { $0.key == "searches_per_user" })
        // 30 points over 40 of band maxima: every band point is worth 0.75.
        XCTAssertEqual(searches.points!, 7.5, accuracy: 1e-9)
        XCTAssertEqual(searches.max, 7.5, accuracy: 1e-9)
        XCTAssertEqual(searches.reading?.shown, "4.5")
        XCTAssertEqual(model.score(week("2026-11-22", searches: 2.5), account: account).metrics.first { $0.key == "searches_per_user" }?.points ?? -1,
                       3.75, accuracy: 1e-9)
        let missing = model.score(week("2026-11-22", searches: nil), account: account)
        XCTAssertTrue(missing.missing.contains { $0.label == "searches_per_user" }, "no value is missing data, as for any metric")
    }

    func testWhatIfChangesTheCustomMetric() throws {
        let model = try ModelFile.parse(yaml)
        let whatIf = WhatIf(snapshot: week("2026-11-22", searches: 1), records: AccountRecords(account: Account(name: "Acme Corp")),
                            changes: [.custom("searches_per_user", 4)], model: model)
        XCTAssertEqual(whatIf.effects.first?.was, "1")
        XCTAssertEqual(whatIf.effects.first?.points ?? 0, whatIf.result.total - whatIf.baseline.total, accuracy: 1e-9)
        XCTAssertGreaterThan(whatIf.result.total, whatIf.baseline.total)
    }

    func testMonitorsFireOnTheirConditionOnly() throws {
        let model = try ModelFile.parse(yaml)
        let weeks = [week("2026-11-15", searches: 3, contacts: 10, hours: 20), week("2026-11-22", searches: 1.5, contacts: 4, hours: 120)]
        let health = AccountHealth(records: AccountRecords(account: Account(name: "Acme Corp")), snapshots: weeks, asOf: Day(iso: "2026-11-24")!, model: model)
        let custom = Monitor.alerts(for: health).filter { $0.monitor == .custom }
        XCTAssertEqual(custom.map(\.label), ["searches_per_user below 2", "contacts_added down over 50% in a week", "weekly hours above 100"])
        XCTAssertEqual(custom.map(\.evidence.shown), ["searches_per_user 1.5 (< 2)", "contacts_added 10 → 4 (-60% in a week)", "weekly hours 120 (> 100)"])
        XCTAssertEqual(custom.first?.severity, .red)
        XCTAssertEqual(custom.first?.who, "CSM and product team")
        let calm = AccountHealth(records: AccountRecords(account: Account(name: "Acme Corp")),
                                 snapshots: [week("2026-11-15", searches: 3, contacts: 10), week("2026-11-22", searches: 2, contacts: 6)],
                                 asOf: Day(iso: "2026-11-24")!, model: model)
        XCTAssertTrue(Monitor.alerts(for: calm).filter { $0.monitor == .custom }.isEmpty, "2 is not below 2; a 40% fall is not over 50%")
    }

    func testAModelThatDoesNotAddUpIsRefusedWithItsPlace() {
        let bad = """
            custom_metrics:
              searches_per_user: {dimension: product_usage, max: 5, bands: [{at_least: 4, points: 5}, {otherwise: 0}]}
            """
        XCTAssertThrowsError(try ModelFile.parse(bad)) { error in
            XCTAssertEqual((error as? ImportProblem)?.line, 2)
            XCTAssertTrue("\(error)".contains("add up to 105, not 100"), "\(error)")
        }
        XCTAssertThrowsError(try ModelFile.parse("custom_metrics:\n  nps: {dimension: relationship, max: 5, bands: [{otherwise: 0}]}\n")) { error in
            XCTAssertTrue("\(error)".contains("already a metric"), "\(error)")
        }
        XCTAssertThrowsError(try ModelFile.parse("monitors:\n  - {metric: x, below: 1, above: 3}\n")) { error in
            XCTAssertTrue("\(error)".contains("one of below"), "\(error)")
        }
    }
}
