import XCTest
import Workspace
@testable import Scoring

final class ClawModelTests: XCTestCase {
    let week = Day(iso: "2026-11-22")!

    func snapshot(_ values: [Double?]) -> Snapshot { Snapshot(accountID: 1, week: week, values: values) }

    static let customerA: [Double?] = [15, 30, 4, 8, 25, 23, 20, 10, 8, 2, 6, 1, 1, 0.8, 99.5, 8, 45, 9, 2]
    static let customerB: [Double?] = [24, 30, 5, 5, 35, 27, 25, 10, 9, 4, 5, 0, 1, 0.3, 99.8, 9, 60, 8, 1]

    func testSeedCustomerAScores76Point1() {
        let score = HealthModel.claw.score(snapshot(Self.customerA), account: Account(name: "A", plan: "Professional"))
        XCTAssertEqual(score.dimensions.map { Format.oneDecimal($0.points!) }, ["19.7", "18.0", "17.4", "12.0", "9.0"])
        XCTAssertEqual(score.shown, 76.1)
        XCTAssertEqual(score.tier, .warning)
        XCTAssertEqual(score.tier.priority, "P2")
        XCTAssertEqual(score.coverage, 1)
    }

    func testSeedCustomerBScores80Point5() {
        let score = HealthModel.claw.score(snapshot(Self.customerB), account: Account(name: "B", plan: "enterprise"))
        XCTAssertEqual(score.dimensions.map { Format.oneDecimal($0.points!) }, ["22.3", "19.0", "17.2", "14.0", "8.0"])
        XCTAssertEqual(score.shown, 80.5)
        XCTAssertEqual(score.tier, .healthy)
    }

    func points(_ metric: Metric, _ value: Double, parts: [Double] = []) -> Double {
        HealthModel.claw.rule(metric)!.points(for: Reading(metric: metric, value: value, parts: parts))
    }

    func testBandEdgesReadAsSpec() {
        XCTAssertEqual(points(.usageFrequency, 10), 10)
        XCTAssertEqual(points(.usageFrequency, 7), 8)
        XCTAssertEqual(points(.usageFrequency, 6.99), 6)
        XCTAssertEqual(points(.usageFrequency, 0.5), 0)
        XCTAssertEqual(points(.usageHours, 9.9), 2)
        XCTAssertEqual(points(.userGrowth, 0), 4)
        XCTAssertEqual(points(.userGrowth, -0.1), 0)
        XCTAssertEqual(points(.apiErrorRate, 0.49), 5)
        XCTAssertEqual(points(.apiErrorRate, 0.5), 4)
        XCTAssertEqual(points(.apiErrorRate, 5), 1)
        XCTAssertEqual(points(.apiErrorRate, 5.01), 0)
        XCTAssertEqual(points(.integrationStability, 99.9), 5)
        XCTAssertEqual(points(.integrationStability, 94.99), 0)
        XCTAssertEqual(points(.nps, -10), 2)
        XCTAssertEqual(points(.nps, -11), 0)
        XCTAssertEqual(points(.csmSatisfaction, 7.9), 0)
        XCTAssertEqual(points(.activeUserPenetration, 1.4), 10, "capped at 10")
        XCTAssertEqual(points(.community, 5, parts: [5, 0, 1]), 4)
        XCTAssertEqual(points(.community, 4, parts: [4, 1, 0]), 2)
        XCTAssertEqual(points(.subscriptionLevel, 10_000, parts: [10_000]), 4, "ARR 10,000 is professional")
        XCTAssertEqual(points(.subscriptionLevel, 10_000.01, parts: [10_000.01]), 5)
        XCTAssertEqual(points(.subscriptionLevel, 999, parts: [999]), 2)
    }

    func testUserGrowthIsExactOnBandEdges() {
        var values = Self.customerA
        values[SnapshotField.usersThisMonth.index] = 24
        values[SnapshotField.usersLastMonth.index] = 20
        let score = HealthModel.claw.score(snapshot(values), account: Account(name: "A", plan: "professional"))
        XCTAssertEqual(score.metrics.first { $0.metric == .userGrowth }?.points, 10, "24 vs 20 users is exactly +20%")
    }

    func testMissingMetricsScaleTheirDimension() {
        var values = Self.customerA
        values[SnapshotField.nps.index] = nil
        values[SnapshotField.csmSatisfaction.index] = nil
        let score = HealthModel.claw.score(snapshot(values), account: Account(name: "A", plan: "professional"))
        // Only executive relationship is left: 2 of 2 → 10 of 10.
        XCTAssertEqual(score.dimensions.last?.points, 10)
        XCTAssertEqual(score.coverage, 0.92, accuracy: 1e-9)
        XCTAssertEqual(score.missing.map(\.metric), [.nps, .csmSatisfaction])
        XCTAssertEqual(score.total, 19.6667 + 18 + 17.4 + 12 + 10, accuracy: 1e-3)
    }

    func testAMissingDimensionScalesTheTotal() {
        var values = Self.customerA
        for f in [SnapshotField.apiErrorRatePct, .integrationUptimePct, .performanceSatisfaction] { values[f.index] = nil }
        let score = HealthModel.claw.score(snapshot(values), account: Account(name: "A", plan: "professional"))
        XCTAssertNil(score.dimensions[3].points)
        XCTAssertEqual(score.total, (19.6667 + 18 + 17.4 + 9) / 85 * 100, accuracy: 1e-3)
        XCTAssertEqual(score.coverage, 0.85, accuracy: 1e-9)
        XCTAssertFalse(score.lowConfidence)
    }

    func testUndefinedRatiosAreMissingNotZero() {
        var values = Self.customerA
        values[SnapshotField.licensedUsers.index] = 0
        values[SnapshotField.meetingsScheduled.index] = 0
        values[SnapshotField.meetingsAttended.index] = 0
        let score = HealthModel.claw.score(snapshot(values), account: Account(name: "A", plan: "professional"))
        XCTAssertEqual(Set(score.missing.map(\.metric)), [.activeUserPenetration, .meetingAttendance])
    }

    func testLowCoverageIsLowConfidence() {
        var values = [Double?](repeating: nil, count: SnapshotField.allCases.count)
        values[SnapshotField.nps.index] = 60
        let score = HealthModel.claw.score(snapshot(values), account: Account(name: "A"))
        XCTAssertEqual(score.coverage, 0.05, accuracy: 1e-9)
        XCTAssertTrue(score.lowConfidence)
        XCTAssertEqual(score.total, 100, "NPS alone, scaled up")
    }

    func testTiersAreHalfOpenAndNeverPrintAcrossACutOff() {
        let tiers = TierScheme.claw
        XCTAssertEqual(tiers.band(for: 80).name, "healthy")
        XCTAssertEqual(tiers.band(for: 79.95).name, "warning")
        XCTAssertEqual(tiers.shown(79.95), 79.9)
        XCTAssertEqual(tiers.band(for: 59.99).level, .highRisk)
        XCTAssertEqual(tiers.band(for: 39.999).level, .critical)
        XCTAssertEqual(tiers.shown(40.04), 40.0)
        XCTAssertEqual(TierScheme.analyst.band(for: 84.99).name, "healthy")
        XCTAssertEqual(TierScheme.analyst.shown(84.96), 84.9, "analyst's cut-off at 85 is never crossed by rounding")
    }
}
