import XCTest
import Workspace
@testable import Playbooks

/// A hand-computed twelve-row ledger: an upgrade, a downgrade, a churn, a subscription
/// ending exactly on the last day, a new account, a win-back, an add-on ending exactly on
/// the first day, an account starting exactly on it.
final class RetentionTests: XCTestCase {
    func d(_ s: String) -> Day { Day(iso: s)! }
    func row(_ a: Int64, _ start: String, _ end: String?, _ dollars: Int64) -> Ledger.Row {
        Ledger.Row(account: a, start: d(start), end: end.map(d), mrr: dollars * 100)
    }

    lazy var ledger = Ledger(rows: [
        row(1, "2024-06-01", nil, 1000), row(1, "2025-06-01", nil, 500),                 // A: upgrade +500
        row(2, "2024-03-01", "2025-04-01", 2000), row(2, "2025-04-01", nil, 1200),        // B: downgrade −800
        row(3, "2024-01-15", "2025-05-31", 800),                                          // C: churned
        row(4, "2024-09-01", "2025-12-31", 600),                                          // D: ends on the last day: churned
        row(5, "2025-03-01", nil, 700),                                                   // E: new
        row(6, "2023-01-01", "2024-12-31", 400), row(6, "2025-07-01", nil, 400),          // F: won back
        row(7, "2024-11-01", nil, 300), row(7, "2024-11-01", "2025-01-01", 100),          // G: add-on ends on the first day
        row(8, "2025-01-01", nil, 250),                                                   // H: starts on the first day
    ])
    let segments: [Int64: Segment] = [1: .enterprise, 2: .enterprise, 3: .midMarket, 4: .midMarket, 5: .smb, 6: .smb, 7: .smb, 8: .smb]

    func testToIncludesItsDayAndConsecutivePeriodsAddUp() {
        let ledger = Ledger(rows: [row(1, "2025-01-01", "2026-11-01", 500), row(2, "2025-06-01", "2026-03-15", 300),
                                   row(3, "2025-02-01", nil, 200), row(4, "2026-05-01", "2026-08-01", 100)])
        let october = Retention(ledger: ledger, from: d("2026-10-01"), to: d("2026-10-31"))
        XCTAssertEqual(october.churned, 50_000, "its last day is 10-31: it churns in October")
        XCTAssertEqual(Retention(ledger: ledger, from: d("2026-11-01"), to: d("2026-11-30")).churned, 0, "and not again in November")
        let months = (1...12).map { m -> Retention in
            let first = Day(year: 2026, month: m, day: 1)!
            return Retention(ledger: ledger, from: first, to: first.adding(months: 1).adding(days: -1))
        }
        let year = Retention(ledger: ledger, from: d("2026-01-01"), to: d("2026-12-31"))
        XCTAssertEqual(months.map(\.churned).reduce(0, +), year.churned + 10_000, "the year misses only account 4, which started and ended inside it")
        XCTAssertEqual(year.churned, 80_000)
    }

    func testEveryFigureToTheCent() {
        let r = Retention(ledger: ledger, from: d("2025-01-01"), to: d("2025-12-31"))
        XCTAssertEqual(r.accountsAtStart, 6, "A, B, C, D, G, H; F had ended, E had not started")
        XCTAssertEqual(r.accountsRetained, 4)
        XCTAssertEqual(r.startingMRR, 495_000)
        XCTAssertEqual(r.expansion, 50_000)
        XCTAssertEqual(r.contraction, 80_000)
        XCTAssertEqual(r.churned, 140_000, "C 800 and D 600, whose subscription ends on the last day")
        XCTAssertEqual(r.endingMRR, 325_000)
        XCTAssertEqual(r.newMRR, 110_000, "E new, F won back")
        XCTAssertEqual(r.nrr!, 3250.0 / 4950, accuracy: 1e-12)
        XCTAssertEqual(r.grr!, 2750.0 / 4950, accuracy: 1e-12)
        XCTAssertEqual(r.logoRetention!, 4.0 / 6, accuracy: 1e-12)
        XCTAssertEqual(r.churnRate!, 2.0 / 6, accuracy: 1e-12)
    }

    func testBySegmentAgainstSeed002Benchmarks() {
        func of(_ s: Segment) -> Retention { Retention(ledger: ledger, from: d("2025-01-01"), to: d("2025-12-31")) { self.segments[$0] == s } }
        let ent = of(.enterprise), mm = of(.midMarket), smb = of(.smb)
        XCTAssertEqual([ent.startingMRR, mm.startingMRR, smb.startingMRR], [300_000, 140_000, 55_000])
        XCTAssertEqual(ent.nrr!, 0.9, accuracy: 1e-12)
        XCTAssertEqual(ent.grr!, 2200.0 / 3000, accuracy: 1e-12)
        XCTAssertEqual(mm.nrr!, 0, accuracy: 1e-12)
        XCTAssertEqual(smb.nrr!, 1, accuracy: 1e-12)
        XCTAssertEqual(NRRBenchmark.of(.enterprise).verdict(ent.nrr!), "below good")
        XCTAssertEqual(NRRBenchmark.of(.smb).verdict(smb.nrr!), "great", "SMB: good 95, great 100, world-class 110")
        XCTAssertEqual(NRRBenchmark.of(.enterprise).verdict(1.1), "good")
    }

    func testActiveIsStartOnOrBeforeAndEndAfter() {
        let g = ledger.accounts.first { $0.id == 7 }!.rows
        XCTAssertEqual(ledger.mrr(g, on: d("2024-12-31")), 40_000)
        XCTAssertEqual(ledger.mrr(g, on: d("2025-01-01")), 30_000, "an end date is the first day without it")
    }

    func testCohortCellsOnlyOnceTheCohortIsOldEnough() {
        let table = CohortTable(ledger: ledger, today: d("2026-01-15"), byQuarter: false)
        XCTAssertEqual(table.cohorts.map(\.label), ["Jan 2023", "Jan 2024", "Mar 2024", "Jun 2024", "Sep 2024", "Nov 2024", "Jan 2025", "Mar 2025"])
        let jan25 = table.cohorts.first { $0.label == "Jan 2025" }!
        XCTAssertEqual(jan25.logos[4], 1, "month 6")
        XCTAssertNil(jan25.logos[5], "month 12 needs the whole cohort month: 2026-01-31 is after today")
        let jun24 = table.cohorts.first { $0.label == "Jun 2024" }!
        XCTAssertEqual(jun24.revenue[5]!, 1.5, accuracy: 1e-12, "the upgrade starts on the anniversary")
        let nov24 = table.cohorts.first { $0.label == "Nov 2024" }!
        XCTAssertEqual(nov24.startingMRR, 40_000)
        XCTAssertEqual(nov24.revenue[2]!, 0.75, accuracy: 1e-12, "the add-on ended on 2025-01-01")
        XCTAssertEqual(nov24.logos[2], 1)
        let jan24 = table.cohorts.first { $0.label == "Jan 2024" }!
        XCTAssertEqual(jan24.logos, [1, 1, 1, 1, 1, 1], "C is active on 2025-01-15, its month 12")
        let quarters = CohortTable(ledger: ledger, today: d("2026-01-15"), byQuarter: true)
        XCTAssertEqual(quarters.cohorts.map(\.label), ["Q1 2023", "Q1 2024", "Q2 2024", "Q3 2024", "Q4 2024", "Q1 2025"])
        XCTAssertEqual(quarters.cohorts.first { $0.label == "Q1 2024" }!.accounts, 2)
    }
}
