import XCTest
import Workspace
@testable import Scoring

final class ComparisonTests: XCTestCase {
    let account = Account(id: 1, name: "A", plan: "professional")

    func snapshot(_ week: String, _ edit: (inout Snapshot) -> Void = { _ in }) -> Snapshot {
        var s = Snapshot(accountID: 1, week: Day(iso: week)!, values: ClawModelTests.customerA)
        edit(&s)
        return s
    }

    func testMovesAddUpToTheChangeEvenWhenDataGoesMissing() {
        let before = HealthModel.claw.score(snapshot("2026-11-15"), account: account)
        let after = HealthModel.claw.score(snapshot("2026-11-22") { $0[.nps] = nil; $0[.dau] = 9 }, account: account)
        let c = ScoreComparison(from: before, to: after)
        XCTAssertEqual(c.moves.reduce(0) { $0 + $1.points }, c.change, accuracy: 1e-9)
        // NPS going missing takes its 4 points away and the rest of relationship is scaled up
        // to 10: CSM satisfaction 3 → 6, executive relationship 2 → 4.
        let moves = Dictionary(uniqueKeysWithValues: c.moves.map { ($0.metric, $0.points) })
        XCTAssertEqual(c.moves.first?.metric, .nps)
        XCTAssertEqual(moves[.nps]!, -4, accuracy: 1e-9)
        XCTAssertEqual(moves[.csmSatisfaction]!, 3, accuracy: 1e-9)
        XCTAssertEqual(moves[.executiveRelationship]!, 2, accuracy: 1e-9)
        XCTAssertEqual(moves[.activeUserPenetration]!, -2, accuracy: 1e-9, "15 → 9 of 30 DAU")
        XCTAssertEqual(HealthMetricsSum.of(after), after.total, accuracy: 1e-9)
    }

    func testWhatIfReportsEachChangeAlone() {
        let w = WhatIf(snapshot: snapshot("2026-11-22"), records: AccountRecords(account: account),
                       changes: [.metric(.coreFeaturesUsed, 6), .metric(.meetingsAttended, 10)])
        XCTAssertEqual(w.baseline.shown, 76.1)
        XCTAssertEqual(w.result.shown, 81.0)
        XCTAssertEqual(w.result.tier, .healthy)
        XCTAssertEqual(w.effects.map { ($0.points * 10).rounded() / 10 }, [3.3, 1.6])
        XCTAssertEqual(w.effects.map(\.was), ["4", "8"])
    }
}

/// The contributions of all metrics are the total.
enum HealthMetricsSum {
    static func of(_ s: HealthScore) -> Double { s.metrics.reduce(0) { $0 + s.contribution(of: $1.key) } }
}
