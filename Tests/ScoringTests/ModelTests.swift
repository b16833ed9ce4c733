import XCTest
import Workspace
@testable import Scoring

/// The engine and analyst models, and model.yaml's checks.
final class ModelTests: XCTestCase {
    let week = Day(iso: "2026-11-22")!
    let account = Account(id: 1, name: "A", plan: "professional")

    func weeks(dauFourWeeksAgo: Double) -> [Snapshot] {
        (0..<5).map { i in
            var s = Snapshot(accountID: 1, week: week.adding(days: -7 * (4 - i)), values: ClawModelTests.customerA)
            if i == 0 { s[.dau] = dauFourWeeksAgo }
            return s
        }
    }

    /// A tier's rank is its place among the tiers, healthiest first: what "down a tier" compares.
    func testTierRanksAreTheirPlaces() {
        XCTAssertEqual(Tier.allCases.map(\.rank), Array(Tier.allCases.indices))
        XCTAssertEqual(Tier.allCases.map(\.priority), ["P3", "P2", "P1", "P0"])
    }

    func testEngineReadsContactsGoalsAndPayments() {
        let records = AccountRecords(
            account: account,
            contacts: [Contact(accountID: 1, role: .champion, name: "Maria"), Contact(accountID: 1, role: .executiveSponsor, name: "Tom")],
            events: [Event(accountID: 1, date: week.adding(days: -20), kind: EventKind.paymentOnTime.rawValue)],
            goals: [Goal(accountID: 1, objective: "cut handling time", status: "achieved"), Goal(accountID: 1, objective: "launch EU")])
        let snapshots = weeks(dauFourWeeksAgo: 16)
        let score = HealthModel.engine.score(snapshots[4], history: snapshots[..<4], records: records)
        let points = Dictionary(uniqueKeysWithValues: score.metrics.map { ($0.metric, $0.points!) })
        XCTAssertEqual(points[.dauMauRatio]!, 21 + (15.0 / 23 - 0.4) / 0.4 * 9, accuracy: 1e-9, "15 DAU of 23 monthly users")
        XCTAssertEqual(points[.loginTrend]!, 5.5, accuracy: 1e-9, "DAU 16 → 15 is -6.25%: down")
        XCTAssertEqual(points[.relationshipBreadth], 12, "champion and sponsor, no technical lead")
        XCTAssertEqual(points[.goalsAchieved], 10, "one of two goals achieved: some")
        XCTAssertEqual(points[.paymentStatus], 7.5, "paid on time")
        XCTAssertEqual(score.shown, 61.7)
        XCTAssertEqual(score.band.name, "healthy", "the engine's healthy starts at 60")
        XCTAssertEqual(score.tier, .warning, "and is seed 000's P2")
    }

    func testEngineLeavesOutWhatTheWorkspaceDoesNotHold() {
        let snapshots = weeks(dauFourWeeksAgo: 16)
        let score = HealthModel.engine.score(snapshots[4], history: snapshots[..<4], records: AccountRecords(account: account))
        XCTAssertEqual(Set(score.missing.map(\.metric)), [.goalsAchieved, .paymentStatus, .relationshipBreadth],
                       "no contacts recorded is a data gap, not 'no champion'")
        XCTAssertEqual(score.coverage, 0.5, accuracy: 1e-9)
        let earned = 21 + (15.0 / 23 - 0.4) / 0.4 * 9 + 5.5
        XCTAssertEqual(score.total, earned / 50 * 100, accuracy: 1e-9)
        let departed = AccountRecords(account: account, contacts: [Contact(accountID: 1, role: .champion, name: "Nina Sharp")],
                                      events: [Event(accountID: 1, date: week.adding(days: -2), kind: "champion left", details: "Nina Sharp resigned")])
        let vacated = HealthModel.engine.score(snapshots[4], history: snapshots[..<4], records: departed)
        XCTAssertEqual(vacated.metrics.first { $0.metric == .relationshipBreadth }?.points, 3, "the champion left: no champion, 3 of 15")
    }

    func testAnalystTiersAndSupportHealth() {
        let open = (0..<2).map { Event(accountID: 1, date: week.adding(days: -3 - $0), kind: EventKind.severeTicketOpened.rawValue) }
        let records = AccountRecords(account: account, events: open + [Event(accountID: 1, date: week.adding(days: -1), kind: EventKind.supportEscalation.rawValue)])
        let snapshots = weeks(dauFourWeeksAgo: 15)
        let score = HealthModel.analyst.score(snapshots[4], history: snapshots[..<4], records: records)
        let support = score.dimensions.first { $0.dimension == .supportHealth }!
        XCTAssertEqual(support.metrics.map(\.points), [4, 3, 5], "2 open severe tickets, 1 escalation, 0.8% API errors")
        XCTAssertEqual(TierScheme.analyst.band(for: 50).name, "neutral")
        XCTAssertEqual(TierScheme.analyst.band(for: 29.99).name, "critical")
    }

    func testModelFileWeightsBandsAndSegments() throws {
        let model = try ModelFile.parse("""
            model: claw
            weights: {product_usage: 35, business_value: 20}
            bands:
              nps: [{at_least: 40, points: 5}, {at_least: 0, points: 3}, {otherwise: 0}]
            segments:
              smb: {tiers: {healthy: 75, warning: 55, high_risk: 35}}
            """)
        XCTAssertEqual(model.maximum(of: .productUsage), 35, accuracy: 1e-9)
        XCTAssertEqual(model.dimensions.reduce(0) { $0 + model.maximum(of: $1) }, 100, accuracy: 1e-9)
        let nps = model.rule(.nps)!
        XCTAssertEqual(nps.points(for: Reading(metric: .nps, value: 45)), 5)
        XCTAssertEqual(nps.points(for: Reading(metric: .nps, value: 20)), 3)
        XCTAssertEqual(model.tiers(for: .smb).band(for: 76).name, "healthy")
        XCTAssertEqual(model.tiers(for: .enterprise).band(for: 76).name, "warning")
    }

    func refusal(_ text: String) -> String {
        do {
            _ = try ModelFile.parse(text)
            return "accepted"
        } catch let problem as ImportProblem {
            return problem.description
        } catch {
            return "\(error)"
        }
    }

    func testModelFilesThatDoNotAddUpAreRefusedWithTheLine() {
        XCTAssertEqual(refusal("model: claw\nweights:\n  product_usage: 40\n"), "model.yaml:3:3: weights add up to 110, not 100")
        XCTAssertEqual(refusal("model: claw\nbands:\n  nps: [{at_least: 10, points: 5}, {at_least: 30, points: 4}]\n"),
                       "model.yaml:3:36: bands overlap: ≥30 → 4 can never match, ≥10 → 5 above it already takes those values")
        XCTAssertEqual(refusal("model: claw\nbands:\n  nps: [{at_least: 10, points: 9}]\n"),
                       "model.yaml:3:32: points must be 0…5, the metric's maximum before weighting")
        XCTAssertEqual(refusal("model: analyst\ntiers: {thriving: 85, healthy: 70, neutral: 75}\n"),
                       "model.yaml:2:8: cut-offs out of order: healthy starts at 70, which is not above neutral at 75")
        XCTAssertEqual(refusal("model: gpt\n"), "model.yaml:1:8: unknown model 'gpt' — use claw, engine or analyst")
        XCTAssertEqual(refusal("model: engine\nweights: {business_value: 10}\n"),
                       "model.yaml:2:11: the engine model has no dimension 'business_value' — it has product_usage, engagement, relationship, outcomes, financial")
        XCTAssertEqual(refusal("model: claw\ntiers: {healthy: 80\n").hasPrefix("model.yaml:3:1: not valid YAML"), true)
        XCTAssertEqual(refusal("model: claw\nsegments: {retail: {tiers: {healthy: 70}}}\n"),
                       "model.yaml:2:12: unknown segment 'retail' — use enterprise, mid-market or smb")
    }
}
